// The guarded HTTP client behind foundry.http (and, later, declarative http actions).
//
// Threat: the skill is hostile and the network is hostile (DESIGN.md). A skill may reach only the
// hosts its owner approved, exactly as disclosed; it must not reach this computer, the home or
// office network or a cloud metadata service through any name, spelling or redirect; it never
// holds a secret's value, and a secret reaches only the hosts it is bound to; it cannot hold the
// engine past its execution's deadline or make it buffer without bound.
//
// Contract of `send(request, policy)`:
//  1. The request is checked as written (request-check.ts): method, URL, origin among
//     `policy.origins` (scheme, host and port exactly), headers, body size, every secret declared
//     and bound to that origin. Nothing is read, resolved or sent for a refused request.
//  2. The owner's secret values are read and put in (secrets.ts): escaped for where they land,
//     never in an error, a record or the URL handed back.
//  3. The name is resolved once; every address is judged (address-policy.ts: only public
//     addresses, or the one local address and port the owner allowed); the connection goes to the
//     address judged, with the name kept for Host, SNI and the certificate (exchange.ts).
//  4. Redirects are followed by hand, each hop judged again like a new request (redirects.ts).
//  5. The whole call ends by `policy.deadline` or when `policy.signal` aborts (call-deadline.ts);
//     bodies are bounded both ways, response headers too (limits.ts).
// It never throws for anything a skill or a server does: every failure is `{ response: null,
// error, record }`, `error` in English for the skill. Every call, refused or not, has a record
// (record.ts): method, origin and path as the skill asked (query names only), the final status,
// the last address connected to, redirects, bytes both ways, duration, SHA-256 of the body as
// written (before secrets) and of the answer.
//
// `answerFromSamples` is the dry run's twin (samples.ts): the same checks, then a sample answer;
// nothing leaves the machine.
//
// The only test seam is `HttpClientOptions.testing` (client.ts): passed by test code alone.
export { createHttpClient, type GuardedHttpClient, type HttpBytesResult, type HttpClient, type HttpClientOptions } from './client.ts';
export { answerFromSamples } from './samples.ts';
export { DEFAULT_HTTP_LIMITS, type HttpLimits } from './limits.ts';
export type { HttpCallRequest, HttpCallResult, HttpPolicy, HttpResponse, HttpSamplePolicy, LocalAllowance } from './http-call.ts';
