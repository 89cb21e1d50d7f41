import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxInputError, type ExecutionRequest } from '../../../main/skills/sandbox/index.ts';
import { action, call, manifest, openHarness, skillWith, waterTracker, type Harness } from './skills.ts';

let h: Harness;
beforeAll(() => {
  h = openHarness({ warmIsolates: 1, maxInputBytes: 1_024 });
});
afterAll(() => h.close());

async function refusal(request: ExecutionRequest): Promise<string[]> {
  const error = await h.sandbox.execute(request).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SandboxInputError);
  return (error as SandboxInputError).details;
}

describe('execution requests', () => {
  it('refuses a malformed request before running or recording anything', async () => {
    const before = h.store.executions.page({ limit: 1, offset: 0 }).total;
    const water = waterTracker();
    expect(await refusal({ ...action(water), skill: { ...water, grantedWrites: ['exo_other'] } })).toEqual([
      'skill.grantedWrites may only grant tables the manifest declares as writes',
    ]);
    expect(await refusal({ ...action(water), skill: { ...water, slug: 'water' } })).toContain('skill.slug must be a custom-… slug');
    expect(await refusal({ ...action(water), skill: { ...water, manifest: manifest('custom-other') } })).toContain('skill.manifest.slug must equal skill.slug');
    expect(await refusal({ ...call(water, 'getData'), actor: 'root' as never, trigger: '' })).toEqual([
      'trigger must be text of 1 to 64 characters',
      'actor must be one of owner, assistant, scheduler, system',
    ]);
    expect(await refusal({ ...action(water), call: { method: 'constructor', tenantId: 't' } as never })).toContain(
      'call.method must be one of getData, getInsights, executeAction, getActions',
    );
    expect(await refusal(action(water, { when: new Date() as never }))).toEqual(['call.params must be a JSON object']);
    expect(await refusal({ ...action(water), limits: { timeoutMs: 0 } })).toEqual(['limits.timeoutMs is out of range']);
    expect(await refusal(action(water, { blob: 'x'.repeat(2_000) }))).toEqual(["the call's input is larger than 1024 bytes"]);
    expect(h.store.executions.page({ limit: 1, offset: 0 }).total).toBe(before);
  });

  it('bounds the warm isolates (LRU) and honours a per-skill timeout', async () => {
    const a = skillWith('return "a";');
    const b = skillWith('return "b";');
    expect((await h.sandbox.execute(action(a))).warm).toBe(false);
    expect((await h.sandbox.execute(action(a))).warm).toBe(true);
    expect((await h.sandbox.execute(action(b))).warm).toBe(false);
    // Only one warm isolate is kept: b displaced a.
    expect((await h.sandbox.execute(action(a))).warm).toBe(false);

    const slow = await h.sandbox.execute({ ...action(skillWith('while (true) {}')), limits: { timeoutMs: 100 } });
    expect(slow.record.error).toBe('timeout: ran longer than 100 ms');
  });

  it('reports code that does not compile, or has no single exported class', async () => {
    const broken = await h.sandbox.execute(action({ ...skillWith(''), code: 'export class { getData( }' }));
    expect(broken.record.error).toBe('bad-skill: line 1, column 25: Parameter declaration expected.');
    const none = await h.sandbox.execute(call({ ...skillWith(''), code: 'export const x = 1;' }, 'getData'));
    expect(none.record.error).toBe('bad-skill: the file must export exactly one class, found 0');
    const imports = await h.sandbox.execute(call({ ...skillWith(''), code: "import fs from 'node:fs';\nexport class A { getData() { return fs; } }" }, 'getData'));
    expect(imports.record.error).toBe('skill-error: require is not defined');
    // V8 aborts the process on this one (an escaped eval in an object method); it never reaches an isolate.
    const escaped = await h.sandbox.execute(action(skillWith(`const o = { m() { return \\u0065val('1'); } }; return o.m();`)));
    expect(escaped.record.error).toBe('bad-skill: line 7, column 26: names written with \\u escapes are not allowed');
  });
});
