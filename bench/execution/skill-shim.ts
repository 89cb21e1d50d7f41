// The insecure baselines run the same transpiled skill as plain JavaScript. This program gives it
// the two sandbox globals in their simplest form: `supabase` records a query chain and sends it as
// JSON through `hostQuery(chainJson) → Promise<replyJson>`; `foundry.log` goes to `hostLog(text)`.
// Both host functions are supplied by the runner (a host-realm function under node:vm, an IPC round
// trip to the parent for a spawned process).
import type { HostInvocation } from './host-arguments.ts';

const SHIM = String.raw`
const builder = (calls) => {
  const chain = {};
  for (const method of ['select', 'eq', 'order', 'limit', 'single', 'insert', 'update']) {
    chain[method] = (...args) => { calls.push({ method, args }); return chain; };
  }
  chain.then = (onFulfilled, onRejected) => hostQuery(JSON.stringify(calls)).then(JSON.parse).then(onFulfilled, onRejected);
  return chain;
};
const supabase = { from: (table) => builder([{ method: 'from', args: [table] }]) };
const foundry = {
  log: (...args) => hostLog(args.map(String).join(' ')),
  now: () => new Date().toISOString(),
  notify: () => ({ error: null }),
};
const runSkill = async (factory, method, args) => {
  const module = { exports: {} };
  factory(module.exports, module);
  const Executor = Object.values(module.exports).find((value) => typeof value === 'function');
  const instance = new Executor();
  return JSON.stringify((await instance[method](...args)) ?? null);
};
`;

/**
 * A whole program: the shim, the skill (`script` is the host's transpiled module factory) and one
 * call, whose promise of the output JSON is the completion value (or goes on into `continuation`,
 * e.g. `.then(…)`). With `invocation` omitted it calls the globals `invocationMethod` /
 * `invocationArgs` instead, so one compiled script serves every call.
 */
export function skillProgram(script: string, invocation?: HostInvocation, continuation = ''): string {
  const method = invocation ? JSON.stringify(invocation.method) : 'invocationMethod';
  const args = invocation ? invocation.argsJson : 'invocationArgs';
  return `${SHIM}\nrunSkill(${script}, ${method}, ${args})${continuation};\n`;
}
