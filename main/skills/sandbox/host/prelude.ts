// The JavaScript evaluated first in every fresh context, before any skill code (via
// `context.evalClosure`). It hardens the context and installs the only two globals a skill gets,
// `supabase` and `foundry`. Nothing here is trusted for security: every request it makes is a
// string the host and main validate again. Its job is to make the context convenient and inert,
// and to bound what it hands the host (see the counters below).
//
// Closure arguments (all primitives or isolated-vm Callbacks, which arrive as plain functions;
// no Reference ever enters the isolate):
//   $0 hostQuery(chainJson) → a call id (a number: the answer comes later through `deliver`) or
//      a refusal, JSON `{ "data": null, "error": { "message" } }`
//   $1 hostLog(text)                       ignored (see below)
//   $2 hostNotify(title, body) → JSON `{ "error": null | { "message" } }`
//   $3 hostDone('ok', outputJson) | hostDone('fail', code, message)   ignored
//   $4 maxOutputChars, $5 maxLogChars, $6 maxQueryChars, $7 maxLogEntries
//   $8 hostHttp(requestJson) → a call id or a refusal, like hostQuery; main performs the request
//      under its guard (main/skills/http/) and answers `{ data: { status, headers, body, url } }` or
//      `{ data: null, error: { message } }`, which rejects the skill's promise with that message
//   $9 maxHttpRequestChars
//   $10 hostSkill(requestJson) → a call id or a refusal, like hostQuery: `foundry.skills.call(slug,
//      action, params)` as JSON `{ skill, action, params }`. Main runs the callee as an execution of
//      its own (its own approved rights, data, settings and secrets: the caller lends it nothing and
//      gains nothing from it), only if the caller's approved manifest lists it in `dependencies`, at
//      most three calls deep, never back into a skill already in the chain, and within what is left
//      of the first caller's time (main/skills/registry/skill-calls.ts). The answer is the callee's
//      `{ success, data?, error? }`, or `{ data: null, error: { message } }`, which rejects the
//      skill's promise with that message.
//   $11 maxSkillCallChars: params are one action's input, so they are bounded like one
// It returns `{ load(factory), run(method, argsJson, configJson), deliver(callId, replyJson) }`. The host hands
// `load` the skill's module factory (the completion value of its compiled wrapper script) once, when
// it prepares the context; `run` later calls the factory (the skill's module code) and the method,
// after setting `foundry.config` (the owner's settings for the skill, frozen: a skill reads them only).
// The host keeps References to `run` and `deliver` and calls them with strings.
//
// An "ignored" callback queues a task on the host's thread and returns at once: the isolate does
// not wait for the host, which saves a thread round trip per call. Its arguments are copied out
// when it is queued, so what a skill can pile up on the host must stay bounded: the prelude queues
// at most maxLogEntries logs, each clipped to maxLogChars, and one outcome. The counter and the
// clipping use only values captured here, before any skill code runs, so a skill that patches
// built-ins (String.prototype.slice, Array.prototype.join…) cannot lift the cap. The host checks
// every limit again. Queries keep a waiting callback: the host numbers them (or refuses them) at
// once, and the isolate cannot run ahead of the host by more than one query.
//
// isolated-vm lets contexts generate code from strings (its codegen callback allows it, and V8's
// --disallow-code-generation-from-strings does not reach isolates: measured), so eval and every
// function constructor are replaced with one that throws. WebAssembly and SharedArrayBuffer are
// removed: wasm memory lives outside the heap limit, and neither is anything a skill needs.
//
// Intl objects are small on the V8 heap but each holds ICU data outside it (a DateTimeFormat tens
// of kilobytes): a skill that keeps creating them drove the host past 1 GB in about four seconds
// without nearing its 128 MB heap limit. So a context may construct at most MAX_INTL_OBJECTS of
// them (a formatter per locale and style is all a skill needs; toLocaleString and localeCompare
// make short-lived ones that the garbage collector frees). Each constructor is replaced by a
// counting one that shares its prototype, and the prototype's `constructor` points to the
// replacement, so no path from a formatter leads back to the uncounted original; subclasses pass
// through the counter as well. The host's per-execution memory watch (host-supervisor.ts) stays
// the backstop for any other memory outside the heap.
export const PRELUDE_SOURCE = String.raw`"use strict";
const hostQuery = $0, hostLog = $1, hostNotify = $2, hostDone = $3;
const maxOutputChars = $4, maxLogChars = $5, maxQueryChars = $6, maxLogEntries = $7;
const hostHttp = $8, maxHttpRequestChars = $9;
const hostSkill = $10, maxSkillCallChars = $11;
const stringify = JSON.stringify, parse = JSON.parse, PromiseCtor = Promise, MapCtor = Map, ProxyCtor = Proxy, ErrorCtor = Error;
const apply = Reflect.apply, freeze = Object.freeze, keys = Object.keys, toStr = String, slice = String.prototype.slice;
const upper = String.prototype.toUpperCase, lower = String.prototype.toLowerCase;

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

const MAX_INTL_OBJECTS = 1000;
let intlObjects = 0;
const construct = Reflect.construct, defineProperty = Object.defineProperty;
for (const name of Object.getOwnPropertyNames(Intl)) {
  const Original = Intl[name];
  if (typeof Original !== 'function' || typeof Original.prototype !== 'object') continue;
  const Counted = function (...args) {
    intlObjects += 1;
    if (intlObjects > MAX_INTL_OBJECTS) throw new RangeError('A skill may create at most ' + MAX_INTL_OBJECTS + ' Intl objects per execution; reuse one formatter per locale and style.');
    return new.target === undefined ? apply(Original, this, args) : construct(Original, args, new.target === Counted ? Original : new.target);
  };
  for (const key of Reflect.ownKeys(Original)) {
    if (key !== 'prototype' && key !== 'length' && key !== 'name') defineProperty(Counted, key, Object.getOwnPropertyDescriptor(Original, key));
  }
  defineProperty(Counted, 'name', { value: Original.name });
  defineProperty(Counted, 'length', { value: Original.length });
  defineProperty(Counted, 'prototype', { value: Original.prototype, writable: false, enumerable: false, configurable: false });
  defineProperty(Original.prototype, 'constructor', { value: Counted, writable: false, enumerable: false, configurable: false });
  defineProperty(Intl, name, { value: Counted, writable: false, enumerable: false, configurable: false });
}

const clip = (text, max) => (typeof text !== 'string' ? '[unprintable]' : text.length > max ? apply(slice, text, [0, max]) : text);
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
  if (typeof text !== 'string') return resolve(failure('Query arguments must be JSON values.'));
  if (text.length > maxQueryChars) return resolve(failure('The query is too large.'));
  const answer = hostQuery(text);
  if (typeof answer === 'number') waiters.set(answer, resolve);
  else resolve(parse(answer));
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

let logs = 0;
const log = (...args) => {
  if (logs >= maxLogEntries) return;
  logs += 1;
  hostLog(clip(args.map(format).join(' '), maxLogChars));
};

// foundry.http: the request becomes JSON text here; main checks all of it again and does the rest.
const httpRequest = (url, init) => {
  if (typeof url !== 'string') throw new ErrorCtor('foundry.http: the URL must be text.');
  const options = init === undefined || init === null ? {} : init;
  const method = options.method === undefined ? 'GET' : apply(upper, toStr(options.method), []);
  const headers = {};
  let typed = false;
  if (options.headers !== undefined && options.headers !== null) {
    for (const name of keys(options.headers)) {
      headers[name] = toStr(options.headers[name]);
      if (apply(lower, name, []) === 'content-type') typed = true;
    }
  }
  let body = null;
  if (options.body !== undefined && options.body !== null) {
    body = typeof options.body === 'string' ? options.body : stringify(options.body);
    if (typeof body !== 'string') throw new ErrorCtor('foundry.http: the body must be text or a JSON value.');
    if (typeof options.body !== 'string' && !typed) headers['content-type'] = 'application/json';
  }
  const text = stringify({ url, method, headers, body });
  if (text.length > maxHttpRequestChars) throw new ErrorCtor('foundry.http: the request is larger than ' + maxHttpRequestChars + ' characters.');
  return text;
};
const httpResponse = (data) => {
  const text = data.body;
  return freeze({
    status: data.status,
    ok: data.status >= 200 && data.status < 300,
    url: data.url,
    headers: freeze(data.headers),
    body: text,
    json: () => parse(text),
  });
};
const httpFetch = (url, init) => new PromiseCtor((resolve, reject) => {
  let text;
  try { text = httpRequest(url, init); } catch (error) { return reject(error); }
  const settle = (reply) => (reply.error ? reject(new ErrorCtor(reply.error.message)) : resolve(httpResponse(reply.data)));
  const answer = hostHttp(text);
  if (typeof answer === 'number') waiters.set(answer, settle);
  else settle(parse(answer));
});
const withMethod = (init, method, body) => {
  const options = init === undefined || init === null ? {} : init;
  return { headers: options.headers, method, body };
};

// foundry.skills.call: the call becomes JSON text here; main decides whether it may happen at all.
const skillCall = (slug, action, params) => new PromiseCtor((resolve, reject) => {
  if (typeof slug !== 'string' || typeof action !== 'string') return reject(new ErrorCtor('foundry.skills.call: the skill and the action must be text.'));
  let text;
  try { text = stringify({ skill: slug, action, params: params === undefined || params === null ? {} : params }); } catch (_) { text = undefined; }
  if (typeof text !== 'string') return reject(new ErrorCtor('foundry.skills.call: params must be a JSON object.'));
  if (text.length > maxSkillCallChars) return reject(new ErrorCtor('foundry.skills.call: the params are larger than ' + maxSkillCallChars + ' characters.'));
  const settle = (reply) => (reply.error ? reject(new ErrorCtor(reply.error.message)) : resolve(reply.data));
  const answer = hostSkill(text);
  if (typeof answer === 'number') waiters.set(answer, settle);
  else settle(parse(answer));
});

const deepFreeze = (value) => {
  if (value !== null && typeof value === 'object') {
    for (const key of keys(value)) deepFreeze(value[key]);
    freeze(value);
  }
  return value;
};
let config = freeze({});
const foundry = freeze({
  log,
  notify: (title, body) => parse(hostNotify(clip(format(title), 200), clip(format(body), 2000))),
  now: () => new Date().toISOString(),
  get config() { return config; },
  http: freeze({
    fetch: httpFetch,
    get: (url, init) => httpFetch(url, withMethod(init, 'GET', undefined)),
    post: (url, body, init) => httpFetch(url, withMethod(init, 'POST', body)),
  }),
  skills: freeze({ call: skillCall }),
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

let factory = null;
const load = (loaded) => { if (factory === null && typeof loaded === 'function') factory = loaded; };
const run = (method, argsJson, configJson) => {
  try {
    if (factory === null) return fail('bad-skill', 'the file did not load');
    config = deepFreeze(parse(configJson));
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
return freeze({ load, run, deliver });
`;

/** The prelude's closure arguments ($0…$11 above), in their order. */
export interface PreludeBindings {
  query: unknown;
  log: unknown;
  notify: unknown;
  done: unknown;
  http: unknown;
  skill: unknown;
  maxOutputChars: number;
  maxLogChars: number;
  maxQueryChars: number;
  maxLogEntries: number;
  maxHttpRequestChars: number;
  maxSkillCallChars: number;
}

export function preludeArguments(b: PreludeBindings): unknown[] {
  return [b.query, b.log, b.notify, b.done, b.maxOutputChars, b.maxLogChars, b.maxQueryChars, b.maxLogEntries, b.http, b.maxHttpRequestChars, b.skill, b.maxSkillCallChars];
}
