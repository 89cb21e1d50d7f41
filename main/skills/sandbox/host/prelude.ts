// The JavaScript evaluated first in every fresh context, before any skill code (via
// `context.evalClosure`). It hardens the context and installs the only two globals a skill gets,
// `supabase` and `foundry`. Nothing here is trusted for security: every request it makes is a
// string the host and main validate again. Its job is to make the context convenient and inert.
//
// Closure arguments (all primitives or isolated-vm Callbacks, which arrive as plain functions;
// no Reference ever enters the isolate):
//   $0 hostQuery(chainJson) → JSON `{ "callId": n }` or `{ "data": null, "error": { "message" } }`
//   $1 hostLog(text)
//   $2 hostNotify(title, body) → JSON `{ "error": null | { "message" } }`
//   $3 hostDone('ok', outputJson) | hostDone('fail', code, message)
//   $4 maxOutputChars, $5 maxLogChars, $6 maxQueryChars
// It returns `{ run(factory, method, argsJson), deliver(callId, replyJson) }`; the host keeps
// References to those two and calls them with strings.
//
// isolated-vm lets contexts generate code from strings (its codegen callback allows it, and V8's
// --disallow-code-generation-from-strings does not reach isolates: measured), so eval and every
// function constructor are replaced with one that throws. WebAssembly and SharedArrayBuffer are
// removed: wasm memory lives outside the heap limit, and neither is anything a skill needs.
export const PRELUDE_SOURCE = String.raw`"use strict";
const hostQuery = $0, hostLog = $1, hostNotify = $2, hostDone = $3;
const maxOutputChars = $4, maxLogChars = $5, maxQueryChars = $6;
const stringify = JSON.stringify, parse = JSON.parse, PromiseCtor = Promise, MapCtor = Map, ProxyCtor = Proxy;
const apply = Reflect.apply, freeze = Object.freeze, keys = Object.keys, toStr = String;

const refuse = function () { throw new EvalError('Code generation from strings is disabled in the sandbox.'); };
for (const fn of [function () {}, async function () {}, function* () {}, async function* () {}]) {
  Object.defineProperty(Object.getPrototypeOf(fn), 'constructor', { value: refuse, writable: false, enumerable: false, configurable: false });
}
const SafeFunction = function Function() { return refuse(); };
Object.defineProperty(SafeFunction, 'prototype', { value: Function.prototype, writable: false });
Object.defineProperty(globalThis, 'Function', { value: SafeFunction, writable: false, enumerable: false, configurable: false });
Object.defineProperty(globalThis, 'eval', { value: refuse, writable: false, enumerable: false, configurable: false });
delete globalThis.WebAssembly;
delete globalThis.SharedArrayBuffer;

const clip = (text, max) => (text.length > max ? text.slice(0, max) : text);
const describe = (value) => {
  try {
    const message = value !== null && typeof value === 'object' && 'message' in value ? value.message : value;
    return clip(toStr(message), 500);
  } catch (_) {
    return 'unprintable error';
  }
};
const format = (value) => {
  if (typeof value === 'string') return value;
  try {
    const text = stringify(value);
    return text === undefined ? toStr(value) : text;
  } catch (_) {
    try { return toStr(value); } catch (_) { return '[unprintable]'; }
  }
};
const failure = (message) => ({ data: null, error: { message } });

const waiters = new MapCtor();
const submit = (calls, resolve) => {
  let text;
  try { text = stringify(calls); } catch (_) { return resolve(failure('Query arguments must be JSON values.')); }
  if (text.length > maxQueryChars) return resolve(failure('The query is too large.'));
  const answer = parse(hostQuery(text));
  if (typeof answer.callId === 'number') waiters.set(answer.callId, resolve);
  else resolve(answer);
};
const INERT = ['constructor', 'toJSON', 'toString', 'valueOf'];
const builder = (calls) => {
  let sent = null;
  const send = () => (sent === null ? (sent = new PromiseCtor((resolve) => submit(calls, resolve))) : sent);
  const proxy = new ProxyCtor({}, {
    get(_target, property) {
      if (property === 'then') return (onFulfilled, onRejected) => send().then(onFulfilled, onRejected);
      if (typeof property !== 'string' || INERT.includes(property)) return undefined;
      return (...args) => { calls.push({ method: property, args }); return proxy; };
    },
  });
  return proxy;
};
const supabase = new ProxyCtor(freeze({}), {
  get(_target, property) {
    if (typeof property !== 'string' || property === 'then' || INERT.includes(property)) return undefined;
    return (...args) => builder([{ method: property, args }]);
  },
});

const log = (...args) => { hostLog(clip(args.map(format).join(' '), maxLogChars)); };
const unavailable = (what) => () => PromiseCtor.resolve(failure(what + ' is not available in this version of Skill Foundry.'));
const foundry = freeze({
  log,
  notify: (title, body) => parse(hostNotify(clip(format(title), 200), clip(format(body), 2000))),
  now: () => new Date().toISOString(),
  http: freeze({ fetch: unavailable('foundry.http'), get: unavailable('foundry.http'), post: unavailable('foundry.http') }),
  skills: freeze({ call: unavailable('foundry.skills.call') }),
});
const logAs = (level) => (...args) => log('[' + level + ']', ...args);
const console = freeze({ log, info: log, debug: log, warn: logAs('warn'), error: logAs('error') });
for (const [name, value] of [['supabase', supabase], ['foundry', foundry], ['console', console]]) {
  Object.defineProperty(globalThis, name, { value, writable: false, enumerable: false, configurable: false });
}

const TOO_LARGE = {};
const serialize = (value) => {
  let budget = maxOutputChars;
  return stringify(value === undefined ? null : value, function (key, item) {
    budget -= key.length + (typeof item === 'string' ? item.length : 8);
    if (budget < 0) throw TOO_LARGE;
    return item;
  });
};
let finished = false;
const finish = (...args) => { if (!finished) { finished = true; apply(hostDone, undefined, args); } };
const fail = (code, message) => finish('fail', code, message);
const succeed = (value) => {
  let text;
  try { text = serialize(value); } catch (error) {
    return error === TOO_LARGE ? fail('output-too-large', 'larger than ' + maxOutputChars + ' characters') : fail('invalid-output', describe(error));
  }
  if (text === undefined) return fail('invalid-output', 'the result is not a JSON value');
  finish('ok', text);
};

const run = (factory, method, argsJson) => {
  try {
    const module = { exports: {} };
    apply(factory, undefined, [module.exports, module]);
    const exported = module.exports;
    const classes = [];
    for (const key of keys(exported)) if (typeof exported[key] === 'function') classes.push(exported[key]);
    if (classes.length !== 1) return fail('bad-skill', 'the file must export exactly one class, found ' + classes.length);
    const instance = new classes[0]();
    const target = instance[method];
    if (typeof target !== 'function') return fail('bad-skill', 'the exported class has no ' + method + '() method');
    const args = parse(argsJson);
    PromiseCtor.resolve().then(() => apply(target, instance, args)).then(succeed, (error) => fail('skill-error', describe(error)));
  } catch (error) {
    fail('skill-error', describe(error));
  }
};
const deliver = (callId, replyJson) => {
  const resolve = waiters.get(callId);
  if (resolve === undefined) return;
  waiters.delete(callId);
  resolve(parse(replyJson));
};
return freeze({ run, deliver });
`;
