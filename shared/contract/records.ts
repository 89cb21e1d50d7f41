// What the renderer (and the CLI's --json) sees of the store. Plain data, no secrets.
import type { Localized, Locale } from '../i18n-types.ts';
import type { AuditReport } from '../skills/audit.ts';
import type { SkillManifest } from '../skills/manifest.ts';
import type { JsonSchema } from '../skills/json-schema.ts';

export type SkillStatus = 'pending' | 'active' | 'archived' | 'rejected';
export type VersionStatus = 'failed' | 'pending' | 'approved' | 'rejected' | 'expired';
export type Actor = 'owner' | 'assistant' | 'scheduler' | 'system';

export interface SkillSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  status: SkillStatus;
  activeVersion: string | null;
  usageCount: number;
  lastUsedAt: string | null;
  createdAt: string;
  /** For a skill with a running version: whether its approval is proven (null when nothing runs). */
  approvalSeal?: ApprovalSealState | null;
}

export interface ReviewItem {
  versionId: string;
  skillId: string;
  slug: string;
  name: string;
  version: string;
  status: VersionStatus;
  contentSha256: string;
  createdAt: string;
  expiresAt: string | null;
  audit: AuditReport | null;
}

export interface ExecutionRecord {
  id: number;
  skillSlug: string;
  version: string | null;
  action: string;
  trigger: string;
  /** The skill version that called this one (`custom-caller@v1.2.0`); null when nobody's skill did. */
  triggeredBy: string | null;
  actor: Actor;
  inputSha256: string;
  outputSha256: string | null;
  status: 'succeeded' | 'failed';
  error: string | null;
  durationMs: number;
  peakHeapBytes: number | null;
  startedAt: string;
  /** Every foundry.http request the execution made or was refused, in order. */
  http: HttpRequestRecord[];
}

/**
 * One foundry.http request as recorded: enough to see where data went and how much, never what it
 * carried (bodies only as SHA-256 of the text before secrets were put in; query values removed).
 */
export interface HttpRequestRecord {
  method: string;
  /** The capability it was sent under: `api.example.com`, `http://10.0.0.5:8123`. */
  origin: string;
  /** Path with query names only: `/v1/forecast?latitude=&longitude=`. */
  path: string;
  /** The final answer's status; null when no answer came (refused, failed, timed out). */
  status: number | null;
  /** Why there was no usable answer, in English (skill-facing); null when there was one. */
  error: string | null;
  /** The address the request connected to (the checked one); null when none. */
  address: string | null;
  redirects: number;
  requestBytes: number;
  responseBytes: number;
  durationMs: number;
  requestSha256: string;
  responseSha256: string | null;
  /** `sample`: answered from the candidate's sample responses during a dry run; nothing was sent. */
  source: 'network' | 'sample';
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: Actor;
  event: string;
  skillSlug: string | null;
  versionId: string | null;
  contentSha256: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  entryHash: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}

export type LanguageSetting = Locale | 'system';

export interface Settings {
  language: LanguageSetting;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  counts: StoreCounts;
  sandbox: SandboxRuntimeStatus;
}

/** Where the Node runtime that runs skills came from (see main/skills/sandbox/runtime/). */
export type SandboxRuntimeSource = 'FOUNDRY_NODE' | 'bundled' | 'npm' | 'path' | 'current';

/** The sandbox host's runtime as the owner sees it: which Node, and whether skills can run. */
export interface SandboxRuntimeStatus {
  nodePath: string | null;
  source: SandboxRuntimeSource | null;
  /** Known once the runtime has been checked. */
  nodeVersion: string | null;
  /** `not-started` until the first execution (or the app's start-up check) needs the host. */
  state: 'not-started' | 'starting' | 'ready' | 'failed';
  /** Why skills cannot run, and what to do; only when `failed`. */
  problem: Localized | null;
}

export interface StoreCounts {
  skills: number;
  pendingReviews: number;
  executions: number;
  auditEntries: number;
}

export const API_ERROR_CODES = [
  'bad-request', 'unknown-method', 'forbidden', 'not-found', 'conflict', 'internal',
  // The approval gateway's and the registry's own: a factor refused, a lockout, nothing to check with, a failed run.
  'refused', 'locked', 'unavailable', 'execution-failed',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: Localized;
  /** Which part of the request was wrong, for bad-request. */
  details?: string[];
  /** The precise refusal, e.g. `totp-replayed`, `biometric-cancelled`, for the window to react to. */
  reason?: string;
  /** Until when approvals are locked, for `locked`. */
  lockedUntil?: string;
  /** For a form (a skill's settings): what is wrong with each field's value, by key. */
  fields?: Record<string, Localized>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** One step of the pipeline as stored with a version, so the review window can show why a candidate failed. */
export interface PipelineStepRecord {
  step: 'generate' | 'audit' | 'dry-run' | 'disclose' | 'submit';
  attempt: number;
  status: 'ok' | 'failed';
  durationMs: number;
  summary: Localized;
  data?: unknown;
}

export interface SkillVersionRecord {
  id: string;
  skillId: string;
  slug: string;
  name: string;
  version: string;
  /** `custom-water-tracker@v1.0.0` */
  tag: string;
  status: VersionStatus;
  contentSha256: string;
  code: string;
  manifest: SkillManifest;
  configSchema: JsonSchema;
  skillMd: string;
  sampleInputs: unknown[];
  auditReport: AuditReport | null;
  dryRun: unknown;
  disclosure: unknown;
  steps: PipelineStepRecord[];
  need: unknown;
  generator: string;
  createdAt: string;
  expiresAt: string | null;
  decidedAt: string | null;
  decidedBy: Actor | null;
  decisionReason: string | null;
}

/**
 * What tampering the audit log and the approvals show: an entry `edited`, `deleted`, `relinked` or
 * cut off at the end (`truncated`); rewritten with recomputed hashes (`rechained`) or stripped of
 * its keyed seal (`unsealed`); the checkpoint forged (`forged-checkpoint`); an approval seal forged,
 * edited or removed (`forged-approval`); a running version no seal vouches for (`unsealed-approval`).
 */
export type ChainBreak =
  | 'edited' | 'deleted' | 'relinked' | 'truncated' | 'rechained' | 'unsealed'
  | 'forged-checkpoint' | 'forged-approval' | 'unsealed-approval';

export interface IntegrityProblem {
  problem: ChainBreak;
  /** The audit entry (or, for approvals, the seal) where it shows. */
  seq?: number;
  skillSlug?: string;
  versionId?: string;
}

/** The audit log's chain and the approvals' seals, walked end to end. */
export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first entry at which the chain no longer holds. */
  broken?: { seq: number; problem: ChainBreak };
  /** Whether the keyed checks ran; without the key only edits, deletions and relinks can be seen. */
  keyed?: boolean;
  /** Every problem found, of every kind. */
  problems?: IntegrityProblem[];
  /** Entries written without the key since the last write with it; sealed by the next one. */
  unsealedTail?: number;
}

/**
 * Whether the running version's approval is proven by its keyed seal: `verified`; `tampered` (the
 * seal is missing, forged, or no longer matches the stored content); `unverifiable` (no key here).
 */
export type ApprovalSealState = 'verified' | 'tampered' | 'unverifiable';

/** The generators that write skills: the built-in one, Claude, or the owner's own model (OpenAI-compatible). */
export type GeneratorKind = 'offline' | 'claude' | 'openai';

/** Which generator writes skills; the API keys themselves never leave main. */
export interface GeneratorStatus {
  /** The generator in use now. */
  mode: GeneratorKind;
  /** What the owner chose; null: not chosen, so Claude when its key is set, the built-in generator otherwise. */
  choice: GeneratorKind | null;
  /** Claude's key and model. */
  keySource: 'environment' | 'stored' | null;
  model: string;
  /** The owner's own model: an OpenAI-compatible endpoint; a key is optional (local servers need none). */
  openai: { baseURL: string | null; model: string | null; keySource: 'environment' | 'stored' | null };
}

/** The models a generator's account or endpoint offers (cached for a day), with the one to use by default. */
export interface GeneratorModels {
  generator: 'claude' | 'openai';
  models: { id: string; name: string | null; deprecated: boolean }[];
  recommended: string | null;
  /** The model set now. */
  current: string | null;
  fetchedAt: string;
}

/** A pipeline run started from the window, polled for its steps. */
export interface GenerationJob {
  id: string;
  status: 'running' | 'pending' | 'failed';
  steps: PipelineStepRecord[];
  /** The stored version: pending on success, failed (if a candidate existed) otherwise. */
  versionId: string | null;
  reason: Localized | null;
  /** Set when the new proposal replaced the skill's earlier pending one ("Replaced the pending proposal 1.1.0 …"). */
  notice?: Localized | null;
}
