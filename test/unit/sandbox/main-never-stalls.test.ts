// What a hostile skill can make main do is bounded: it fails alone, by a named limit, and the next
// execution runs normally.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeLauncher } from '../../../main/skills/sandbox/index.ts';
import { HostSupervisor } from '../../../main/skills/sandbox/host-supervisor.ts';
import { resolveLimits } from '../../../main/skills/sandbox/limits.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { action, useHarnesses, skillWith, watchResponsiveness } from './skills.ts';

const tempDir = useTempDir('foundry-stall-');
const harness = useHarnesses();

const TABLE = 'exo_probe_entries';
const writer = (body: string) => skillWith(body, { reads: [TABLE], writes: [TABLE] }, [TABLE]);
const fill = writer(`const { error } = await supabase.from('${TABLE}').insert(Array.from({ length: 200 }, (_, i) => ({ i, n: 0 })));
if (error) throw new Error(error.message);
return 'filled';`);
const amplify = writer(`for (let k = 0; k < 500; k++) {
  const { error } = await supabase.from('${TABLE}').update({ n: k + 1 }).eq('n', k);
  if (error) throw new Error(error.message);
  await supabase.from('${TABLE}').select('n').limit(1);
}
return 'done';`);

describe('write amplification', () => {
  it('a skill that rewrites every row hundreds of times fails by the rows-touched limit, changes nothing, and main keeps ticking', async () => {
    const h = harness();
    expect((await h.sandbox.execute(action(fill))).record.status).toBe('succeeded');
    const watch = watchResponsiveness();
    const outcome = await h.sandbox.execute(action(amplify));
    expect(watch.stop().ticks).toBeGreaterThan(0);
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringContaining('More than 1000 rows touched in one execution') });
    const rows = h.rows(TABLE, 'custom-probe');
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.n === 0)).toBe(true);
    // The next execution of the same skill runs normally.
    expect((await h.sandbox.execute(action(writer(`return (await supabase.from('${TABLE}').select('n').limit(3)).data;`)))).result).toEqual([{ n: 0 }, { n: 0 }, { n: 0 }]);
  }, 30_000);

  it('stops a host that floods main with queries at the execution’s time limit, even while main is busy answering', async () => {
    const entry = path.join(tempDir(), 'flooding-host.mjs');
    // A stand-in host that sends five queries at once and never finishes by itself.
    fs.writeFileSync(
      entry,
      `process.send(JSON.stringify({ type: 'ready', isolates: 1 }));
process.on('message', (raw) => {
  const m = JSON.parse(raw);
  if (m.type !== 'execute') return;
  for (let callId = 1; callId <= 5; callId++) process.send(JSON.stringify({ type: 'query', id: m.id, callId, chain: '[]' }));
});`,
    );
    const supervisor = new HostSupervisor({ launcher: createNodeLauncher({ entry }), limits: resolveLimits({ timeoutMs: 150, graceMs: 60_000 }) });
    let answered = 0;
    const busyAnswer = () => {
      answered += 1;
      const until = performance.now() + 100;
      while (performance.now() < until);
      return JSON.stringify({ data: [], error: null });
    };
    try {
      const result = await supervisor.run(
        {
          skillKey: 'k',
          source: '',
          method: 'executeAction',
          args: '[]',
          config: '{}',
          notifications: false,
          limits: { timeoutMs: 150, memoryMb: 128, warmIsolates: 1, maxOutputBytes: 1024, maxQueryBytes: 1024, maxHostCalls: 100, maxLogEntries: 1, maxLogChars: 1, maxNotifications: 0 },
        },
        { query: busyAnswer, http: async () => '', skill: async () => '' },
      );
      expect(result.outcome).toEqual({ status: 'failed', code: 'timeout', detail: 'the execution went past its 150 ms limit while main answered its queries' });
      expect(answered).toBe(2);
    } finally {
      await supervisor.close();
    }
  });
});

describe('memory outside the V8 heap', () => {
  const ordinary = skillWith(`return new Intl.NumberFormat('pl').format(1234.5) + ' ' + (new Intl.Collator('pl') instanceof Intl.Collator);`);

  it('a flood of Intl objects fails that execution alone, with a clear reason, and the next one runs normally', async () => {
    const h = harness();
    for (const flood of [
      `const keep: unknown[] = []; for (;;) keep.push(new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric' }));`,
      // Neither the constructor reached from an instance nor a subclass escapes the count.
      `const keep: unknown[] = []; const Again = new Intl.Collator('pl').constructor as typeof Intl.Collator; for (;;) keep.push(new Again('pl'));`,
      `class Mine extends Intl.Segmenter {} const keep: unknown[] = []; for (;;) keep.push(new Mine('en'));`,
    ]) {
      const outcome = await h.sandbox.execute(action(skillWith(flood)));
      expect(outcome.record).toMatchObject({ status: 'failed', error: 'skill-error: A skill may create at most 1000 Intl objects per execution; reuse one formatter per locale and style.' });
      expect((await h.sandbox.execute(action(ordinary))).result).toBe('1234,5 true');
    }
  }, 60_000);

  it('other memory outside the heap (text segments) fails the one execution by its own limit, and the host carries on', async () => {
    const h = harness();
    const segments = skillWith(`const s = new Intl.Segmenter('en'); const keep: unknown[] = []; for (let i = 0; ; i++) keep.push(s.segment('hello world ' + i));`);
    const outcome = await h.sandbox.execute(action(segments));
    expect(outcome.record).toMatchObject({ status: 'failed', error: expect.stringMatching(/^memory: the execution grew the sandbox process by \d+ MB, over its 384 MB limit/) });
    expect(outcome.error?.message.pl).toMatch(/^Skill zużył zbyt dużo pamięci/);
    expect((await h.sandbox.execute(action(ordinary))).result).toBe('1234,5 true');
  }, 60_000);
});
