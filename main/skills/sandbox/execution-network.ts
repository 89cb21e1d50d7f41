// One execution's foundry.http: checks the request the isolate sent (it proves nothing), counts it
// against the execution's bound, hands it to the guarded client (or, in a dry run, to the
// candidate's sample answers: nothing leaves the computer before the owner approved), records it,
// and answers the isolate. A request a skill may not make fails inside the skill with the reason;
// none of this throws. The policy comes from the approved version's manifest alone: what the owner
// saw in the disclosure is what the guard allows.
import type { HttpRequestRecord } from '../../../shared/contract/records.ts';
import type { HttpSample } from '../../../shared/skills/candidate.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { answerFromSamples, DEFAULT_HTTP_LIMITS, type HttpCallRequest, type HttpCallResult, type HttpClient, type HttpLimits } from '../http/index.ts';
import { isBoundedString, isRecord, parseJson } from './json-guards.ts';
import type { ExecutionSlot } from './execution-slots.ts';

/** What an execution may do on the network; without it every request is refused. */
export type ExecutionNetwork = (LiveNetwork | SampleNetwork) & { limits?: Partial<NetworkLimits> };

export interface LiveNetwork {
  mode: 'live';
  /** The owner's value of one of the skill's secrets (null: not set, or the secret store is closed). */
  secretValue(name: string): Promise<string | null>;
  /** Non-public addresses the owner let this skill reach. */
  localAllowances: readonly { address: string; port: number }[];
}

export interface SampleNetwork {
  mode: 'samples';
  samples: readonly HttpSample[];
}

export interface NetworkLimits extends HttpLimits {
  /** Requests one execution may make (refused ones count). */
  maxRequests: number;
}

export const DEFAULT_NETWORK_LIMITS: Readonly<NetworkLimits> = Object.freeze({ ...DEFAULT_HTTP_LIMITS, maxRequests: 20 });

const MAX_URL_CHARS = 8_192;
const MAX_HEADERS = 64;
const MAX_HEADER_CHARS = 8_192;

export interface ExecutionNetworkSession {
  /** Answers one request from the isolate (JSON text) with the reply text. */
  handle(requestJson: string): Promise<string>;
  /** Every request made or refused, in order. */
  readonly records: readonly HttpRequestRecord[];
  /** Requests sent with a method other than GET or HEAD (a retry could repeat their effect). */
  readonly nonIdempotentSent: number;
  /** The execution ended: requests still in flight are abandoned. */
  close(): void;
}

export function openExecutionNetwork(options: {
  manifest: SkillManifest;
  network: ExecutionNetwork | undefined;
  client: HttpClient;
  /** Date.now() by which every request must be over: the execution's deadline. */
  deadline: number;
  /** The execution's slot: it steps aside while the network answers (execution-slots.ts). */
  whileWaiting?: Pick<ExecutionSlot, 'pause' | 'resume'>;
}): ExecutionNetworkSession {
  const { manifest, network, client, deadline, whileWaiting } = options;
  const limits: NetworkLimits = { ...DEFAULT_NETWORK_LIMITS, ...network?.limits };
  const ended = new AbortController();
  const records: HttpRequestRecord[] = [];
  let started = 0;
  let nonIdempotentSent = 0;
  const basePolicy = {
    origins: manifest.capabilities.http,
    secretHosts: new Map((manifest.secrets ?? []).map((secret) => [secret.name, secret.hosts] as const)),
    limits,
  };

  async function perform(request: HttpCallRequest): Promise<HttpCallResult> {
    if (!network) return answerFromSamples(request, [], basePolicy);
    if (network.mode === 'samples') return answerFromSamples(request, network.samples, basePolicy);
    whileWaiting?.pause();
    let result: HttpCallResult;
    try {
      result = await client.send(request, {
        ...basePolicy,
        secretValue: network.secretValue,
        localAllowances: network.localAllowances,
        deadline,
        signal: ended.signal,
      });
    } finally {
      await whileWaiting?.resume();
    }
    if (result.record.address !== null && request.method !== 'GET' && request.method !== 'HEAD') nonIdempotentSent += 1;
    return result;
  }

  return {
    async handle(requestJson) {
      const request = parseRequest(requestJson);
      if (!request) return refusal('foundry.http: the request must have a URL, a method, text headers and a text body.');
      if (started >= limits.maxRequests) return refusal(`foundry.http: at most ${limits.maxRequests} requests per execution.`);
      started += 1;
      const result = await perform(request);
      records.push(result.record);
      return result.response
        ? JSON.stringify({ data: result.response, error: null })
        : refusal(result.error ?? 'foundry.http: the request failed.');
    },
    records,
    get nonIdempotentSent() {
      return nonIdempotentSent;
    },
    close: () => ended.abort(),
  };
}

function parseRequest(json: string): HttpCallRequest | null {
  const value = parseJson(json);
  if (!isRecord(value)) return null;
  const { url, method, headers, body } = value;
  if (!isBoundedString(url, MAX_URL_CHARS) || !isBoundedString(method, 16) || !isRecord(headers)) return null;
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS || !entries.every(([name, text]) => name.length <= 256 && isBoundedString(text, MAX_HEADER_CHARS))) return null;
  if (body !== null && typeof body !== 'string') return null;
  return { url, method, headers: Object.fromEntries(entries) as Record<string, string>, body };
}

function refusal(message: string): string {
  return JSON.stringify({ data: null, error: { message } });
}
