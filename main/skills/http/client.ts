// foundry.http's way out: one call from a skill, checked, sent and answered under guard (the contract
// is in index.ts). In order: the request's own checks (request-check.ts), the owner's secret values,
// then for each hop: resolve the name once, judge every address (address-policy.ts), connect to the
// first one — the one judged — (exchange.ts), follow a redirect by hand (redirects.ts). Everything
// runs within the call's deadline (call-deadline.ts). `send` never throws for anything a skill or a
// server does: every failure is an answer with `error` set, and the record says how far it got.
import { lookup } from 'node:dns/promises';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import { addressRefusal, connectableAddress, isLoopbackName, parseAddress, type AddressRules } from './address-policy.ts';
import { watchCallDeadline, type CallDeadline } from './call-deadline.ts';
import { exchange, type Hop, type PinnedAddress } from './exchange.ts';
import { describeFailure, requestTooLarge } from './failure-messages.ts';
import type { HttpCallRequest, HttpCallResult, HttpPolicy, HttpResponse } from './http-call.ts';
import { bodySha256, startRecord } from './record.ts';
import { followRedirect } from './redirects.ts';
import { HttpRefusal } from './refusal.ts';
import { checkRequest } from './request-check.ts';
import { fillBody, fillHeader, fillUrl, readSecretValues } from './secrets.ts';
import type { HttpRequestRecord } from '../../../shared/contract/records.ts';

export interface HttpClientOptions {
  /**
   * Every address a name resolves to. The default asks the system resolver (dns.lookup, all
   * addresses, in its order). Whatever it answers is judged the same way, so another resolver
   * cannot weaken the guard; tests use it to make names resolve anywhere.
   */
  resolve?: (hostname: string) => Promise<readonly string[]>;
  /**
   * TEST-ONLY SEAM. Only test code passes this: no production path constructs the client with it,
   * and no environment variable or configuration key reaches it. `allowLoopback` lets loopback
   * addresses and `localhost` names through (the tests' servers listen on 127.0.0.1); every other
   * address class stays refused. `ca` trusts the tests' self-signed certificate.
   */
  testing?: { allowLoopback?: boolean; ca?: string | Buffer };
}

export interface HttpClient {
  send(request: HttpCallRequest, policy: HttpPolicy): Promise<HttpCallResult>;
}

/** An answer whose body is kept as bytes (a marketplace bundle is a compressed archive, not text). */
export type HttpBytesResult = Omit<HttpCallResult, 'response'> & { response: (Omit<HttpResponse, 'body'> & { body: Buffer }) | null };

/** The guard as the engine itself uses it, beside what skills get: the same checks, the body as bytes. */
export interface GuardedHttpClient extends HttpClient {
  fetchBytes(request: HttpCallRequest, policy: HttpPolicy): Promise<HttpBytesResult>;
}

async function systemResolve(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, order: 'verbatim' })).map((entry) => entry.address);
}

const PUBLIC_ONLY = 'a skill may reach only public addresses, and local ones its owner allowed for it';

export function createHttpClient(options: HttpClientOptions = {}): GuardedHttpClient {
  const resolve = options.resolve ?? systemResolve;
  const allowLoopback = options.testing?.allowLoopback === true;
  const ca = options.testing?.ca;

  /** The address to connect to: the first the name resolves to, once every one of them was judged. */
  async function pinAddress(url: URL, policy: HttpPolicy, deadline: CallDeadline): Promise<PinnedAddress> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    const rules: AddressRules = { localAllowances: policy.localAllowances, allowLoopback };
    if (parseAddress(host) !== null) {
      const refusal = addressRefusal(host, port, rules);
      if (refusal !== null) throw new HttpRefusal(`${host} is ${refusal}: ${PUBLIC_ONLY}`);
      return connectableAddress(host);
    }
    if (isLoopbackName(host) && !allowLoopback) throw new HttpRefusal(`${host} is a name for this computer: ${PUBLIC_ONLY}`);
    const addresses = await deadline.race(resolve(host));
    if (addresses.length === 0) throw new HttpRefusal(`${host} could not be found`);
    // All of them, not only the one used: a name answering with a public and a private address
    // is misconfigured or set up to rebind, and refusing it is the one verdict that does not
    // depend on the order of the answer.
    for (const address of addresses) {
      const refusal = addressRefusal(address, port, rules);
      if (refusal !== null) throw new HttpRefusal(`${host} resolves to ${address}, ${refusal}: ${PUBLIC_ONLY}`);
    }
    return connectableAddress(addresses[0]!);
  }

  async function perform(request: HttpCallRequest, policy: HttpPolicy, record: HttpRequestRecord, deadline: CallDeadline, at: { host: string }): Promise<Omit<HttpResponse, 'body'> & { body: Buffer }> {
    const checked = checkRequest(request, policy);
    const values = await deadline.race(readSecretValues(checked.secrets, (name) => policy.secretValue(name)));
    const url = fillUrl(checked.rawUrl, values);
    // Cannot differ after the checks above (a placeholder cannot sit in the host, port or user
    // info of a URL that passed them); checked anyway, since a different origin would carry a secret elsewhere.
    if (httpCapabilityOf(url) !== checked.origin) throw new HttpRefusal('a secret may appear only in the path or the query of a URL');
    const contentType = checked.headers.find(([name]) => name === 'content-type')?.[1];
    const body = checked.body === null ? null : { template: checked.body, sent: fillBody(checked.body, contentType, values) };
    if (body !== null && Buffer.byteLength(body.sent) > policy.limits.maxRequestBytes) {
      throw requestTooLarge(policy.limits.maxRequestBytes);
    }
    let hop: Hop = {
      method: checked.method,
      url,
      origin: checked.origin,
      shownUrl: checked.shownUrl,
      headers: checked.headers.map(([name, template]) => ({ name, template, value: fillHeader(name, template, values) })),
      body,
    };
    for (;;) {
      at.host = hop.url.hostname;
      const pinned = await pinAddress(hop.url, policy, deadline);
      record.address = pinned.address;
      record.requestBytes += hop.body === null ? 0 : Buffer.byteLength(hop.body.sent);
      const answer = await exchange(hop, pinned, { signal: deadline.signal, maxResponseBytes: policy.limits.maxResponseBytes, ...(ca === undefined ? {} : { ca }) });
      if (answer.kind === 'final') {
        record.status = answer.status;
        record.responseBytes = answer.body.length;
        record.responseSha256 = bodySha256(answer.body);
        return { status: answer.status, headers: answer.headers, body: answer.body, url: hop.shownUrl };
      }
      if (record.redirects >= policy.limits.maxRedirects) throw new HttpRefusal(`more than ${policy.limits.maxRedirects} redirects`);
      hop = followRedirect(hop, answer.status, answer.location, policy);
      record.redirects += 1;
    }
  }

  /** One call under guard, every failure an answer (index.ts, "It never throws"). */
  async function call(request: HttpCallRequest, policy: HttpPolicy): Promise<HttpBytesResult> {
    const started = performance.now();
    const record = startRecord(request, 'network');
    const at = { host: record.origin };
    let response: HttpBytesResult['response'] = null;
    let error: string | null = null;
    const deadline = watchCallDeadline(policy.deadline, policy.signal);
    try {
      response = await perform(request, policy, record, deadline, at);
    } catch (failure) {
      error = describeFailure(failure, at.host, deadline.signal.aborted ? deadline.reason() : null);
    } finally {
      deadline.dispose();
    }
    record.error = error;
    record.durationMs = Math.round(performance.now() - started);
    return { response, error, record };
  }

  return {
    async send(request, policy) {
      const { response, ...rest } = await call(request, policy);
      return { ...rest, response: response && { ...response, body: new TextDecoder().decode(response.body) } };
    },
    fetchBytes: call,
  };
}
