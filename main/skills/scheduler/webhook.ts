// A schedule's webhook: each run's outcome POSTed as JSON through the same HTTP guard as a skill's
// own calls (main/skills/http/), with the running version's approved http capabilities as the only
// origins, no secrets, and the owner's local-address allowances for the skill. Never throws: the
// answer is what the audit entry records.
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { DEFAULT_HTTP_LIMITS, type HttpClient, type LocalAllowance } from '../http/index.ts';

/** A webhook gets as long as a slow server needs, and no longer holds anything up. */
const WEBHOOK_DEADLINE_MS = 10_000;

export interface WebhookCall {
  url: string;
  version: SkillVersionRecord;
  allowances: readonly LocalAllowance[];
  report: Record<string, unknown>;
}

export async function postWebhook(client: HttpClient, call: WebhookCall): Promise<{ origin: string; status: number | null; error: string | null }> {
  const { record, response, error } = await client.send(
    { url: call.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.report) },
    {
      origins: call.version.manifest.capabilities.http,
      secretHosts: new Map(),
      secretValue: async () => null,
      localAllowances: call.allowances,
      limits: DEFAULT_HTTP_LIMITS,
      deadline: Date.now() + WEBHOOK_DEADLINE_MS,
    },
  );
  return { origin: record.origin, status: response?.status ?? null, error };
}
