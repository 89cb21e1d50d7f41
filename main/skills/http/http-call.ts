// What a foundry.http call is, what it may do, and what comes back (see index.ts for the contract).
import type { HttpRequestRecord } from '../../../shared/contract/records.ts';
import type { HttpLimits } from './limits.ts';

/** As the skill wrote it: `{{secret:NAME}}` placeholders may sit in the URL's path or query, header values and the body. */
export interface HttpCallRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** An address that is not public, which the owner allowed for this skill (e.g. a home-automation box). */
export interface LocalAllowance {
  address: string;
  port: number;
}

export interface HttpPolicy {
  /** The version's approved capabilities.http entries (shared/skills/http-capability.ts). */
  origins: readonly string[];
  /** manifest.secrets: each name → the capability entries it may be sent to. */
  secretHosts: ReadonlyMap<string, readonly string[]>;
  /** The owner's value, null when not set. Asked only once every check passed. */
  secretValue(name: string): Promise<string | null>;
  localAllowances: readonly LocalAllowance[];
  limits: HttpLimits;
  /** Date.now() by which the whole call (DNS, connection, redirects, body) must end. */
  deadline: number;
  /** Aborted when the execution ended: the call stops at once. */
  signal?: AbortSignal;
}

/** What the sample answers of a dry run need: the same checks, no network and no secret values. */
export type HttpSamplePolicy = Omit<HttpPolicy, 'secretValue' | 'localAllowances' | 'deadline' | 'signal'>;

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", "; Set-Cookie left out (no cookie state). */
  headers: Record<string, string>;
  /** Decoded as UTF-8. */
  body: string;
  /** The URL that answered: the request's as the skill wrote it (placeholders, not values), or the last redirect's. */
  url: string;
}

export interface HttpCallResult {
  response: HttpResponse | null;
  /** English and skill-facing (the sandbox throws it inside the skill); null when a response came. */
  error: string | null;
  record: HttpRequestRecord;
}
