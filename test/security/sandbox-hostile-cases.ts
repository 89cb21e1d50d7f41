// Hostile skill bodies the sandbox containment suite runs besides the shared fixture list
// (test/fixtures/hostile-skills.ts). Each is the body of `executeAction(tenant_id, action, params)`;
// `__CANARY__` is replaced with the path of a file the skill must never read or change.

export interface HostileCase {
  id: string;
  body: string;
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  // Code generation and constructor chains (vm2 / node:vm escapes)
  { id: 'function-constructor-chain', body: `return this.constructor.constructor('return process')().env;` },
  { id: 'global-function', body: `return Function('return process')().mainModule.require('fs').writeFileSync('__CANARY__', 'pwned');` },
  { id: 'direct-eval', body: `return eval("require('fs').readFileSync('__CANARY__', 'utf8')");` },
  { id: 'indirect-eval', body: `const e = (globalThis as any)['ev' + 'al']; return (0, e)('process.pid');` },
  { id: 'async-function-constructor', body: `return await (async () => {}).constructor('return process')();` },
  { id: 'generator-constructor', body: `return (function* () {}).constructor('yield process')().next();` },
  { id: 'host-callback-constructor', body: `return (foundry.log as any).constructor('return process')();` },
  { id: 'builder-constructor', body: `return (supabase.from('exo_a') as any).constructor.constructor('return process')();` },
  { id: 'class-extends-function', body: `class F extends Function {} return new (F as any)('return process')();` },
  { id: 'reflect-construct', body: `return Reflect.construct(Function, ['return process'])();` },
  { id: 'dynamic-import', body: `const fs: any = await import('node:fs'); return fs.readFileSync('__CANARY__', 'utf8');` },
  // Stack tricks
  {
    id: 'prepare-stack-trace-frames',
    body: `(Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => frames.map((f) => [String(f.getThis?.()), String(f.getFunction?.()), f.getFileName?.()]);
           const stacks: unknown[] = [];
           foundry.log({ toJSON() { stacks.push(new Error().stack); return 'x'; } });
           await supabase.from('exo_a').select({ toJSON() { stacks.push(new Error().stack); return '*'; } } as any);
           return stacks;`,
  },
  {
    id: 'async-stack-caller',
    body: `const seen: unknown[] = [];
           async function probe() { try { seen.push((probe as any).caller); } catch (e) { seen.push(String(e)); } await null; seen.push(new Error().stack); }
           await probe();
           return seen.map(String);`,
  },
  { id: 'error-capture-stack', body: `const o: any = {}; (Error as any).captureStackTrace?.(o); return o.stack;` },
  // Proxies and symbols
  {
    id: 'proxy-through-query',
    body: `const trap = new Proxy({}, { get: (_t, p) => (p === 'toJSON' ? () => ({ a: 1 }) : undefined), ownKeys: () => { throw new Error('trap'); } });
           return await supabase.from('exo_a').insert(trap as any);`,
  },
  { id: 'proxy-as-result', body: `return new Proxy({}, { ownKeys() { throw new Error('no keys for you'); } });` },
  { id: 'symbols-of-global', body: `return Object.getOwnPropertySymbols(globalThis).map(String).concat(Object.getOwnPropertyNames(globalThis));` },
  { id: 'symbol-result', body: `return Symbol('x');` },
  { id: 'function-result', body: `return () => 1;` },
  { id: 'node-globals', body: `return [typeof process, typeof require, typeof global, typeof Buffer, typeof setTimeout, typeof WebAssembly, typeof SharedArrayBuffer, typeof globalThis.fetch];` },
  // Prototype pollution
  {
    id: 'pollute-object-prototype',
    body: `(Object.prototype as any).polluted = 'yes'; (Object.prototype as any).then = (r: any) => r('hijacked');
           const r = await supabase.from('exo_a').select('*'); return { polluted: ({} as any).polluted, r };`,
  },
  { id: 'proto-key-in-result', body: `return JSON.parse('{"__proto__": {"polluted": "from-skill"}, "constructor": {"prototype": {"polluted": "x"}}}');` },
  { id: 'proto-key-in-row', body: `return await supabase.from('exo_a').insert(JSON.parse('{"__proto__": {"polluted": 1}}'));` },
  { id: 'patch-json', body: `JSON.stringify = () => '{"forged":true}'; JSON.parse = () => ({ forged: true }); return await supabase.from('exo_a').select('*');` },
  // Resource exhaustion
  { id: 'infinite-loop', body: `for (;;) {}` },
  { id: 'redos', body: `return /^(a+)+$/.test('a'.repeat(40) + '!');` },
  { id: 'microtask-flood', body: `const spin = (): Promise<void> => Promise.resolve().then(spin); spin(); return 'started';` },
  { id: 'await-host-forever', body: `for (;;) { await foundry.http.fetch('x'); await supabase.from('exo_a').select('*'); }` },
  { id: 'string-doubling', body: `let s = 'x'; for (;;) s = s + s; ` },
  { id: 'array-buffer-bomb', body: `const keep: ArrayBuffer[] = []; for (;;) keep.push(new ArrayBuffer(64 * 1024 * 1024));` },
  { id: 'typed-array-fill', body: `const keep: Uint8Array[] = []; for (let i = 0; i < 64; i++) keep.push(new Uint8Array(32 * 1024 * 1024).fill(1)); return keep.length;` },
  { id: 'deep-recursion', body: `const f = (n: number): number => f(n + 1) + 1; return f(0);` },
  { id: 'huge-return', body: `return 'x'.repeat(32 * 1024 * 1024);` },
  { id: 'wide-return', body: `return Array.from({ length: 2_000_000 }, (_, i) => ({ i }));` },
  { id: 'deep-return', body: `let o: any = 1; for (let i = 0; i < 5000; i++) o = [o]; return o;` },
  { id: 'getter-loop-in-result', body: `return { get x() { for (;;) {} } };` },
  { id: 'log-flood', body: `for (let i = 0; i < 100_000; i++) foundry.log('spam', i); return 'done';` },
  { id: 'notify-flood', body: `const r = []; for (let i = 0; i < 1000; i++) r.push(foundry.notify('t' + i, 'b')); return r.slice(-1);` },
  { id: 'huge-query', body: `return await supabase.from('exo_a').select('x'.repeat(4 * 1024 * 1024));` },
  { id: 'query-flood', body: `const all = []; for (let i = 0; i < 5000; i++) all.push(supabase.from('exo_a').select('*').then((r) => r)); return (await Promise.all(all)).slice(-1);` },
  { id: 'atomics-wait', body: `return Atomics.wait(new Int32Array(new ArrayBuffer(8)), 0, 0, 10_000);` },
  // Forms the static audit must block (issue 10, section 3), run here with the audit skipped
  {
    id: 'built-ins-changed-through-aliases',
    body: `const { defineProperty } = Object; const { prototype } = Object; const O: any = [Object][0];
           defineProperty(Math, 'max', { value: () => -1 }); (prototype as any).polluted = 'yes';
           O.defineProperty(JSON, 'parse', { value: () => ({ forged: true }) }); (Object as any)['define' + 'Property'](Array.prototype, 'includes', { value: () => true });
           return [Math.max(1, 2), ({} as any).polluted, JSON.parse('{}'), [].includes(1 as never)];`,
  },
  {
    id: 'proxy-through-parameter-default',
    body: `function make(P = Proxy) { var Proxy; return new P({}, { get: () => 'trapped' }); }
           return String((make() as any).anything);`,
  },
  { id: 'function-through-namespace', body: `return (Function as any)('return process')();` },
  {
    id: 'well-known-symbol-through-destructuring',
    body: `const { toPrimitive } = Symbol; const sneaky = { [toPrimitive]() { return 'hooked'; } }; return \`\${sneaky}\`;`,
  },
  {
    id: 'constructor-through-coerced-text',
    body: `const key = ([] + {})[5] + ([] + {})[1] + 'nstructor'; return (({} as any)[key][key] as any)('return process')();`,
  },
  {
    id: 'json-proto-into-assign',
    body: `const o = Object.assign({}, JSON.parse('{"__proto__": {"admin": true}}')); return [o.admin, ({} as any).admin];`,
  },
  {
    id: 'supabase-through-global-object',
    body: `return await (globalThis as any).supabase.from('exo_a').insert({ via_global: true });`,
  },
  // Blocked API calls that a static check could miss
  { id: 'computed-delete', body: `const m = 'del' + 'ete'; return await (supabase.from('exo_a') as any)[m]().eq('id', 1);` },
  { id: 'computed-rpc', body: `const m = ['r', 'p', 'c'].join(''); return await (supabase as any)[m]('exec_sql', { sql: 'DROP TABLE executions' });` },
  { id: 'undeclared-table', body: `const t = 'exo_' + 'secrets'; return [await supabase.from(t).select('*'), await supabase.from('exo_a').insert({ a: 1 })];` },
  { id: 'store-tables', body: `return await Promise.all(['executions', 'audit_log', 'skill_rows', 'exo_a UNION SELECT * FROM settings'].map((t) => supabase.from(t).select('*')));` },
  { id: 'sql-in-column', body: `return await supabase.from('exo_a').select('*').eq("x') OR 1=1; DROP TABLE skill_rows; --", 1).order('id; DROP TABLE executions');` },
  { id: 'unawaited-write-after-return', body: `supabase.from('exo_a').insert({ unawaited: true }).then(() => {}); return 'returned first';` },
  {
    id: 'write-after-done',
    body: `(async () => { for (let i = 0; i < 50; i++) await null; await supabase.from('exo_a').insert({ after_done: true }); })(); return 'ok';`,
  },
];
