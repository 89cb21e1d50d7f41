// TypeScript → script: the fast route (types stripped, classes exported by hand) must give what
// TypeScript's own output gives, hand every other file to TypeScript, and the host's cache must
// only ever return the script of the exact text it is asked for.
import nodeModule from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranspileCache, transpileSkill, transpileWithTypeScript, type TranspileResult } from '../../../main/skills/sandbox/host/transpile.ts';
import { WarmIsolate } from '../../../main/skills/sandbox/host/warm-isolate.ts';
import { call, openHarness, skillWith, type Harness } from './skills.ts';

const canStrip = typeof (nodeModule as { stripTypeScriptTypes?: unknown }).stripTypeScriptTypes === 'function';
/** How a script made by the fast route begins (TypeScript's starts a new line after the brace). */
const FAST_PROLOGUE = '(function (exports, module) {"use strict";';

function script(result: TranspileResult): string {
  if (!result.ok) throw new Error(`expected a script, got: ${result.message}`);
  return result.script;
}

/** What the module exports, and what getActions() returns, when the script runs in a fresh isolate. */
async function evaluate(code: string): Promise<unknown> {
  const warm = await WarmIsolate.create(code, {
    memoryMb: 16, maxOutputChars: 10_000, maxLogChars: 100, maxQueryChars: 1_000, maxLogEntries: 1,
    onCatastrophicError: (message) => {
      throw new Error(message);
    },
  });
  if ('error' in warm) return { compileError: true };
  try {
    const context = await warm.isolate.createContext();
    const compiled = await warm.isolate.compileScript(code);
    const factory = await compiled.run(context, { reference: true, timeout: 500 });
    const describe = await context.eval(
      `(factory) => { const module = { exports: {} }; factory(module.exports, module);
        const out = { keys: Object.keys(module.exports), esModule: module.exports.__esModule === true };
        for (const k of out.keys) { const C = module.exports[k]; if (typeof C === 'function') { const i = new C(); out[k] = { fields: Object.keys(i), methods: Object.getOwnPropertyNames(C.prototype), actions: typeof i.getActions === 'function' ? i.getActions() : null }; } }
        return JSON.stringify(out); }`,
      { reference: true },
    );
    return JSON.parse((await describe.apply(undefined, [factory.derefInto()], { timeout: 500 })) as string) as unknown;
  } finally {
    warm.dispose();
  }
}

const ORDINARY = `import type { IModExecutor, ModAction } from './types';
type Entry = { amount: number };
abstract class Base { abstract total(entries: Entry[]): number; twice(n: number): number { return n * 2; } }
function pick<T>(items: T[], n: number): T[] { return items.slice(0, n); }
function over(a: string): string;
function over(a: number): number;
function over(a: any): any { return a; }
const cfg = { limit: 3 } satisfies Record<string, number>;
const b: any = (x: unknown) => x
const asi = b as any
(cfg)
export interface Shape { slug: string }
export type Kind = 'a' | 'b';
export declare const ambient: number;
export class CounterExecutor extends Base implements IModExecutor, Shape {
  readonly slug = 'custom-counter';
  private count?: number;
  declare hidden: string;
  static #made = 0;
  #secret = 1;
  override total(entries: Entry[]): number { return entries.reduce((s, e) => s + e.amount, 0); }
  getActions(): ModAction[] {
    CounterExecutor.#made += 1;
    return [{ slug: \`n\${this.twice(this.total([{ amount: 2 }]))}\`, name: String(pick([1, 2, 3], cfg.limit).length), description: String(over(1)) + over('x') + typeof asi + (this.#secret as number)!, params_schema: {} } as ModAction];
  }
}
`;

describe('the fast route', () => {
  it.skipIf(!canStrip)('takes an ordinary skill and gives what TypeScript gives', async () => {
    const fast = script(transpileSkill(ORDINARY));
    expect(fast.startsWith(FAST_PROLOGUE)).toBe(true);
    const typescript = script(transpileWithTypeScript(ORDINARY));
    expect(typescript.startsWith(FAST_PROLOGUE)).toBe(false);
    const [fromFast, fromTypeScript] = [await evaluate(fast), await evaluate(typescript)];
    expect(fromFast).toEqual(fromTypeScript);
    expect(fromFast).toMatchObject({ keys: ['CounterExecutor'], esModule: true, CounterExecutor: { fields: ['slug', 'count'], actions: [{ slug: 'n4', name: '3', description: '1xfunction1' }] } });
  });

  it.skipIf(!canStrip)('keeps every line where it was, so errors point at the skill’s own lines', () => {
    const fast = script(transpileSkill('export class A {\n  getActions() {\n    return [];\n  }\n}\n'));
    expect(fast.split('\n')[3]).toBe('    return [];');
  });

  it.each([
    ['an enum', 'enum Kind { A = 1 }\nexport class A { getActions() { return [Kind.A]; } }'],
    ['a namespace', 'namespace N { export const x = 1; }\nexport class A { getActions() { return [N.x]; } }'],
    ['a parameter property', 'export class A { constructor(private readonly n: number = 2) {} getActions() { return [this.n]; } }'],
    ['a decorator', 'function keep<T>(value: T, _context: unknown): T { return value; }\n@keep\nexport class A { getActions() { return [1]; } }'],
    ['an HTML-like comment (an operator to TypeScript)', 'export class A { getActions() { let y = 3; const x = 5 <!--y; return [x, y]; } }'],
    ['an import of a type without `import type`', "import { IModExecutor } from './types';\nexport class A implements IModExecutor { getActions() { return [1]; } }"],
    ['a default export', 'export default class A { getActions() { return [1]; } }'],
    ['an export list', 'class A { getActions() { return [1]; } }\nexport { A };'],
    ['an assignment to an exported class', 'export class A { getActions() { return [1]; } }\nif (Math.random() > 2) (A as any) = null;'],
    ['`using`', 'export class A { getActions() { using r = { [Symbol.dispose]() {} }; return [typeof r]; } }'],
  ])('hands %s to TypeScript, which decides as it always has', (_name, source) => {
    const result = transpileSkill(source);
    expect(result).toEqual(transpileWithTypeScript(source));
    if (result.ok) expect(result.script.startsWith(FAST_PROLOGUE)).toBe(false);
  });

  it('refuses what TypeScript refuses, in TypeScript’s words', () => {
    for (const source of ['export class A { m( { }', 'export class A { m() { return \\u0065val("1"); } }', 'const = 1;']) {
      const result = transpileSkill(source);
      expect(result.ok).toBe(false);
      expect(result).toEqual(transpileWithTypeScript(source));
    }
  });
});

describe('the transpile cache', () => {
  it('returns the script of the exact text asked for, and transpiles each text once', () => {
    const seen: string[] = [];
    const cache = new TranspileCache({ transpile: (source) => (seen.push(source), transpileSkill(source)) });
    const v1 = 'export class A { getActions() { return [1]; } }';
    const v2 = 'export class A { getActions() { return [2]; } }';
    const first = cache.get(v1);
    expect(cache.get(v2)).not.toEqual(first);
    expect(cache.get(v1)).toBe(first);
    expect(script(cache.get(v2))).toContain('return [2]');
    expect(seen).toEqual([v1, v2]);
  });

  it('keeps refusals, and turns a parser crash into a refusal', () => {
    let calls = 0;
    const cache = new TranspileCache({
      transpile: () => {
        calls += 1;
        throw new RangeError('Maximum call stack size exceeded');
      },
    });
    expect(cache.get('((((')).toEqual({ ok: false, message: 'the file cannot be parsed' });
    expect(cache.get('((((')).toEqual({ ok: false, message: 'the file cannot be parsed' });
    expect(calls).toBe(1);
  });

  it('forgets the least recently used beyond its bounds', () => {
    const cache = new TranspileCache({ maxEntries: 2, transpile: (source) => ({ ok: true, script: source }) });
    cache.get('a');
    cache.get('b');
    cache.get('a');
    cache.get('c');
    expect(cache.size).toBe(2);
    const bySize = new TranspileCache({ maxChars: 10, transpile: (source) => ({ ok: true, script: source }) });
    bySize.get('12345');
    bySize.get('678901');
    expect(bySize.size).toBe(1);
    bySize.get('x'.repeat(11));
    expect(bySize.size).toBe(1);
  });
});

describe('in the sandbox', () => {
  let h: Harness;
  beforeAll(() => {
    h = openHarness({ warmIsolates: 1 });
  });
  afterAll(() => h.close());

  it('never serves one version’s code for another, whichever isolates and cached scripts exist', async () => {
    const v1 = skillWith('return 1;');
    const v2 = { ...skillWith('return 2;'), code: skillWith('return 1;').code.replace('tenant_id }', 'tenant_id, v: 2 }') };
    const results: unknown[] = [];
    for (const skill of [v1, v2, v1, v2, v1]) results.push((await h.sandbox.execute(call(skill, 'getData'))).result);
    expect(results).toEqual([{ tenant_id: 'tenant-1' }, { tenant_id: 'tenant-1', v: 2 }, { tenant_id: 'tenant-1' }, { tenant_id: 'tenant-1', v: 2 }, { tenant_id: 'tenant-1' }]);
  });

  it('runs a skill TypeScript has to transpile (an enum) like any other', async () => {
    const skill = { ...skillWith(''), code: 'enum Level { Low = 1, High = 5 }\nexport class LevelExecutor {\n  async getData() { return { high: Level.High }; }\n  async getInsights() { return []; }\n  async executeAction() { return { success: true }; }\n  getActions() { return []; }\n}\n' };
    const outcome = await h.sandbox.execute(call(skill, 'getData'));
    expect(outcome.result).toEqual({ high: 5 });
  });
});
