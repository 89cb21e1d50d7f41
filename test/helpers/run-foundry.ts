import { runFoundry } from '../../main/cli/foundry.ts';

/** Runs the `foundry` command line in this process, as a user would type it; collects what it prints. */
export async function foundry(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFoundry(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
