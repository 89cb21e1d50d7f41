// A real sandbox (host process forked, isolated-vm inside) over a store in a temporary directory:
// what `sandbox.execute` costs end to end — main's request check, the IPC hop to the host and back,
// queries answered from SQLite through the data gateway, and the execution record.
import { createSandbox, type ExecutionOutcome, type Sandbox, type SandboxLimits, type SandboxSkill, type SkillCall } from '../../main/skills/sandbox/index.ts';
import { openFoundryStore, type FoundryStore } from '../../main/store/index.ts';
import { createSkillRowsRepository } from '../../main/store/repositories/skill-rows.ts';
import { withTempDir } from '../harness.ts';

export interface SandboxSession {
  store: FoundryStore;
  sandbox: Sandbox;
  /** One execution; a failed one means the bench is measuring the wrong thing, so it throws. */
  execute(skill: SandboxSkill, call: SkillCall): Promise<ExecutionOutcome>;
  /** Rows a skill's table holds before it runs. */
  seed(slug: string, table: string, rows: readonly Record<string, unknown>[]): void;
}

export function withSandbox<T>(limits: Partial<SandboxLimits>, fn: (session: SandboxSession) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const store = openFoundryStore(dir);
    const sandbox = createSandbox({ store, limits });
    const rows = createSkillRowsRepository(store.db);
    try {
      return await fn({
        store,
        sandbox,
        async execute(skill, call) {
          const outcome = await sandbox.execute({ skill, call, trigger: 'bench', actor: 'system' });
          if (outcome.error) throw new Error(`${skill.slug} ${call.method} failed in the sandbox: ${outcome.error.code} ${outcome.error.message.en}`);
          return outcome;
        },
        seed(slug, table, seeded) {
          rows.insert({ skillSlug: slug, table }, seeded, store.now().toISOString());
        },
      });
    } finally {
      await sandbox.close();
      store.close();
    }
  });
}
