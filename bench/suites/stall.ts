// Attacks a hostile skill can make on main, each run against a real engine (store, sandbox host,
// dispatcher, audit thread), with main's event-loop delay measured while it runs
// (perf_hooks.monitorEventLoopDelay). Target: no single stall of main above 100 ms.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { openEngine } from '../../main/engine.ts';
import { checkActionParams } from '../../main/skills/sandbox/action-params.ts';
import type { SandboxSkill } from '../../main/skills/sandbox/index.ts';
import { auditSkillOffThread } from '../../main/skills/validator/audit-off-thread.ts';
import type { CustomModSlug } from '../../shared/skills/mod-types.ts';
import { withSandbox } from '../execution/sandbox-session.ts';
import { printNote, printTarget, withTempDir } from '../harness.ts';

const TARGET_MAX_MS = 100;
const TABLE = 'exo_attack_rows';

/** A skill whose executeAction body is `body`, with every write to TABLE granted (a dry run grants them all). */
function attacker(name: string, body: string): SandboxSkill {
  const slug = `custom-${name}` as CustomModSlug;
  const code = `export class AttackExecutor {
  readonly slug = '${slug}';
  async getData() { return {}; }
  async getInsights() { return []; }
  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>): Promise<unknown> {
${body}
  }
  getActions() { return []; }
}`;
  const capabilities = { reads: [TABLE], writes: [TABLE], http: [], notifications: false, skills: [] };
  return { slug, version: '1.0.0', versionId: null, code, manifest: { slug, name, description: '', version: '1.0.0', capabilities, config_schema: {} }, grantedWrites: [TABLE] };
}

/** Runs `attack` with main's event-loop delay recorded, and prints p99, max and what the attack ended in. */
async function underAttack(name: string, attack: () => Promise<string>): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const outcome = await attack();
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const ms = (ns: number) => ns / 1e6;
  console.log(`  ${name} (${seconds.toFixed(1)} s): ${outcome}`);
  printTarget('    event-loop delay p99', ms(delay.percentile(99)), TARGET_MAX_MS);
  printTarget('    event-loop delay max', ms(delay.max), TARGET_MAX_MS);
}

const NESTED_FILE = Array.from({ length: 1_000 }, (_, i) => `export const n${i} = ${'['.repeat(400)}${']'.repeat(400)};`).join('\n');

/** The red-team attacks on main, each against a real engine part, with main's event-loop delay. */
export async function stallBench(): Promise<void> {
  console.log('\n## Main under attack: event-loop delay while a hostile skill does its worst');

  await withSandbox({}, async (session) => {
    const run = async (skill: SandboxSkill) => {
      const outcome = await session.sandbox.execute({ skill, call: { method: 'executeAction', tenantId: 't', action: 'attack', params: {} }, trigger: 'bench', actor: 'system' });
      return outcome.record.status === 'succeeded' ? `succeeded: ${JSON.stringify(outcome.result)}` : `failed — ${outcome.record.error ?? ''}`;
    };
    const spin = attacker('spin', `let x = 0; for (;;) x++;`);
    await underAttack('baseline: a skill spinning without a single host call (this machine\'s noise floor)', () => run(spin));

    const amplify = attacker('amplify', `for (let k = 0; k < 5_000; k++) {
  await supabase.from('${TABLE}').update({ n: k + 1 }).eq('n', k);
  await supabase.from('${TABLE}').select('n').limit(1);
}
return 'all updates queued';`);
    session.seed(amplify.slug, TABLE, Array.from({ length: 200 }, (_, i) => ({ i, n: 0 })));
    await underAttack('write amplification: 5,000 updates of 200 rows, each followed by a read, errors ignored', () => run(amplify));

    const replay = attacker('replay', `for (let k = 0; k < 2; k++) await supabase.from('${TABLE}').insert(Array.from({ length: 500 }, (_, i) => ({ k, i, pad: 'x'.repeat(100) })));
for (let k = 0; k < 5_000; k++) await supabase.from('${TABLE}').select('k').eq('i', -1);
return 'read after every write';`);
    await underAttack('replayed writes: 1,000 rows inserted, then 5,000 reads that must see them', () => run(replay));

    const intl = attacker('intl', `const keep: unknown[] = []; for (;;) keep.push(new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric' }));`);
    await underAttack('Intl flood: formatters kept until memory runs out', () => run(intl));
    const segments = attacker('segments', `const s = new Intl.Segmenter('en'); const keep: unknown[] = []; for (let i = 0; ; i++) keep.push(s.segment('hello ' + i));`);
    await underAttack('memory outside the heap: text segments kept', () => run(segments));
  });

  for (const pattern of ['^(\\w|[0-9])*z$', '^(.*a){25}$', '^(a+)+$']) {
    const actions = [{ slug: 'attack', name: 'Attack', description: '', params_schema: { type: 'object', properties: { text: { type: 'string', pattern } } } }];
    // 5,000 characters are checked in full (within one validation's pattern work); 200,000 exceed it and are refused unchecked.
    for (const length of [5_000, 200_000]) {
      const text = `${'a'.repeat(length)}!`;
      await underAttack(`ReDoS through params_schema ${pattern}: 20 requests of ${length.toLocaleString('en')} characters`, async () => {
        let refused = 0;
        for (let i = 0; i < 20; i++) {
          if (!checkActionParams(actions, 'attack', { text }).ok) refused++;
          await yieldToLoop();
        }
        return `${refused} of 20 refused`;
      });
    }
  }

  await underAttack('audit of a 800 KB file nested 400 levels deep, 1,000 times', async () => {
    const report = await auditSkillOffThread(NESTED_FILE);
    return `${report.verdict}, ${report.findings.length} findings (${[...new Set(report.findings.map((f) => f.rule))].join(', ')})`;
  });

  await withTempDir(async (dir) => {
    const engine = openEngine({ dataDir: dir, log: { rejected() {}, failed() {} }, env: {} });
    try {
      let deep: unknown = 1;
      for (let i = 0; i < 20_000; i++) deep = [deep];
      await underAttack('params nested 20,000 levels deep, 20 requests to the dispatcher', async () => {
        const codes = new Set<string>();
        for (let i = 0; i < 20; i++) {
          const result = await engine.dispatch('skills.run', { slug: 'sleep-tracker', action: 'log_sleep', params: { hours: deep } });
          codes.add(result.ok ? 'ok' : result.error.code);
        }
        return `answered ${[...codes].join(', ')}`;
      });
    } finally {
      await engine.close();
    }
  });
  printNote('each attack ends in a named limit (rows touched, time, Intl objects, memory growth, audit budget, nesting) and the next execution runs normally');
  printNote('the delay includes the OS scheduling main away: compare with the baseline, where main does nothing for the skill');
}
