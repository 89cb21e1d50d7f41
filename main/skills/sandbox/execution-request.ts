// What a caller asks the sandbox to run, checked before anything runs or is recorded.
import type { Actor } from '../../../shared/contract/records.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { EXECUTOR_METHODS, isCustomModSlug, type ExecutorMethod } from '../../../shared/skills/mod-types.ts';
import { SKILL_TABLE_NAME } from '../../../shared/skills/api-allowlist.ts';
import { canonicalJson, sha256Hex } from '../registry/content-hash.ts';
import { SandboxInputError } from './errors.ts';
import { isBoundedString, isJsonValue, isRecord, utf8Bytes, type JsonObject, type JsonValue } from './json-guards.ts';
import { isWithinRange, type ExecutionLimitOverrides, type SandboxLimits } from './limits.ts';
import type { ExecutionNetwork } from './execution-network.ts';
import type { SkillCallAnswerer } from './execution-skill-calls.ts';
import { DEFAULT_CONCURRENCY, type ConcurrencyLimits } from './execution-slots.ts';

export interface SandboxSkill {
  slug: string;
  version: string;
  /** The stored version (null for an unsaved dry run). */
  versionId: string | null;
  /** TypeScript source exporting one IModExecutor class. */
  code: string;
  manifest: SkillManifest;
  /** Tables whose write capability the owner approved for this version; each must be declared. */
  grantedWrites: readonly string[];
}

export type SkillCall =
  | { method: Exclude<ExecutorMethod, 'executeAction'>; tenantId: string }
  | { method: 'executeAction'; tenantId: string; action: string; params: Record<string, unknown> };

export interface ExecutionRequest {
  skill: SandboxSkill;
  call: SkillCall;
  /** What started it, e.g. `manual`, `dry-run`, `schedule`, `api`. */
  trigger: string;
  actor: Actor;
  /** Per-action overrides (an action's `timeoutMs` from getActions()). */
  limits?: ExecutionLimitOverrides;
  /**
   * The owner's upper bound on the time limit (config.yaml's `skills.execution.timeoutMs`): the
   * execution runs for the asked or default time, never longer than this.
   */
  maxTimeoutMs?: number;
  /**
   * Where the execution's rows live: the skill's own tables by default. The pipeline's dry run
   * uses a `scratch:` partition of its own and removes it afterwards, so samples that build on
   * each other work and nothing of them stays.
   */
  dataPartition?: string;
  /** The owner's settings for the skill, handed to it read-only as foundry.config ({} when absent). */
  config?: JsonObject;
  /** What foundry.http may do: the owner's secrets and allowances, or a dry run's sample answers; absent, every request is refused. */
  network?: ExecutionNetwork;
  /** How many executions may run at once, in all and of this version (config.yaml's, when it is asked for). */
  concurrency?: ConcurrencyLimits;
  /** Answers foundry.skills.call; absent, every call is refused. */
  skillCalls?: SkillCallAnswerer;
  /** The calling skill's version (`custom-caller@v1.2.0`) when another skill asked for this execution. */
  triggeredBy?: string;
}

export interface ValidRequest {
  skill: SandboxSkill;
  /** `executeAction`'s action, or the method name. */
  actionName: string;
  method: ExecutorMethod;
  args: JsonValue[];
  trigger: string;
  actor: Actor;
  /** The skill's slug, or the request's scratch partition. */
  dataPartition: string;
  timeoutMs: number;
  memoryMb: number;
  inputSha256: string;
  /** Warm-isolate key: the version and the exact code. */
  skillKey: string;
  config: JsonObject;
  network: ExecutionNetwork | undefined;
  concurrency: ConcurrencyLimits;
  skillCalls: SkillCallAnswerer | undefined;
  triggeredBy: string | null;
}

/** foundry.config's JSON, at most: settings are a form's worth of values, not data. */
const MAX_CONFIG_BYTES = 64 * 1024;

/** Only scratch partitions can be named: a request can never point a skill at another skill's rows. */
const SCRATCH_PARTITION = /^scratch:[a-z0-9-]{1,90}$/;

const ACTORS: readonly Actor[] = ['owner', 'assistant', 'scheduler', 'system'];

export function validateExecutionRequest(request: ExecutionRequest, limits: SandboxLimits): ValidRequest {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const raw = request as unknown as Record<string, unknown>;
  const skill = isRecord(raw) && isRecord(raw.skill) ? raw.skill : {};
  const call = isRecord(raw) && isRecord(raw.call) ? raw.call : {};
  const overrides = isRecord(raw.limits) ? raw.limits : {};

  check(isCustomModSlug(skill.slug), 'skill.slug must be a custom-… slug');
  check(isBoundedString(skill.version, 64) && skill.version.length > 0, 'skill.version must be text of at most 64 characters');
  check(skill.versionId === null || (isBoundedString(skill.versionId, 128) && skill.versionId.length > 0), 'skill.versionId must be null or an id');
  check(typeof skill.code === 'string' && skill.code.length > 0 && utf8Bytes(skill.code) <= limits.maxSourceBytes, `skill.code must be 1 to ${limits.maxSourceBytes} bytes of text`);
  const capabilities = isRecord(skill.manifest) && isRecord(skill.manifest.capabilities) ? skill.manifest.capabilities : null;
  check(capabilities !== null && isTableList(capabilities.reads) && isTableList(capabilities.writes) && typeof capabilities.notifications === 'boolean',
    'skill.manifest.capabilities must list reads and writes (skill table names) and say whether it notifies');
  check(!isRecord(skill.manifest) || skill.manifest.slug === skill.slug, 'skill.manifest.slug must equal skill.slug');
  const declaredWrites = capabilities && isTableList(capabilities.writes) ? capabilities.writes : [];
  check(Array.isArray(skill.grantedWrites) && skill.grantedWrites.every((t) => declaredWrites.includes(t)),
    'skill.grantedWrites may only grant tables the manifest declares as writes');

  const method = call.method as ExecutorMethod;
  check(EXECUTOR_METHODS.includes(method), `call.method must be one of ${EXECUTOR_METHODS.join(', ')}`);
  check(isBoundedString(call.tenantId, 200) && call.tenantId.length > 0, 'call.tenantId must be text of 1 to 200 characters');
  if (method === 'executeAction') {
    check(isBoundedString(call.action, 100) && call.action.length > 0, 'call.action must be text of 1 to 100 characters');
    check(isRecord(call.params) && isJsonValue(call.params), 'call.params must be a JSON object');
  } else {
    check(call.action === undefined && call.params === undefined, `call.action and call.params belong to executeAction only`);
  }
  check(isBoundedString(raw.trigger, 64) && raw.trigger.length > 0, 'trigger must be text of 1 to 64 characters');
  check(raw.dataPartition === undefined || (isBoundedString(raw.dataPartition, 100) && SCRATCH_PARTITION.test(raw.dataPartition)),
    'dataPartition must be a scratch:… partition');
  check(ACTORS.includes(raw.actor as Actor), `actor must be one of ${ACTORS.join(', ')}`);
  check(overrides.timeoutMs === undefined || isWithinRange('timeoutMs', overrides.timeoutMs), 'limits.timeoutMs is out of range');
  check(raw.maxTimeoutMs === undefined || isWithinRange('timeoutMs', raw.maxTimeoutMs), 'maxTimeoutMs is out of range');
  check(overrides.memoryMb === undefined || isWithinRange('memoryMb', overrides.memoryMb), 'limits.memoryMb is out of range');
  check(raw.config === undefined || (isRecord(raw.config) && isJsonValue(raw.config, 16) && utf8Bytes(JSON.stringify(raw.config)) <= MAX_CONFIG_BYTES),
    `config must be a JSON object of at most ${MAX_CONFIG_BYTES} bytes and 16 levels`);
  check(raw.concurrency === undefined || (isRecord(raw.concurrency) && isPositive(raw.concurrency.total) && isPositive(raw.concurrency.perSkill)),
    'concurrency must give total and perSkill as whole numbers from 1');
  check(raw.triggeredBy === undefined || (isBoundedString(raw.triggeredBy, 200) && raw.triggeredBy.length > 0), 'triggeredBy must be text of 1 to 200 characters');
  check(raw.skillCalls === undefined || typeof raw.skillCalls === 'function', 'skillCalls must be a function');
  check(raw.network === undefined || (isRecord(raw.network) && (raw.network.mode === 'live' || raw.network.mode === 'samples')), 'network.mode must be live or samples');
  if (problems.length > 0) throw new SandboxInputError(problems);

  const tenantId = call.tenantId as string;
  const isAction = method === 'executeAction';
  const input = canonicalJson(isAction ? { method, tenantId, action: call.action, params: call.params } : { method, tenantId });
  if (utf8Bytes(input) > limits.maxInputBytes) throw new SandboxInputError([`the call's input is larger than ${limits.maxInputBytes} bytes`]);
  const args: JsonValue[] = isAction ? [tenantId, call.action as string, call.params as JsonObject] : method === 'getActions' ? [] : [tenantId];
  const valid = request.skill;
  return {
    skill: valid,
    actionName: isAction ? (call.action as string) : method,
    method,
    args,
    trigger: raw.trigger as string,
    dataPartition: (raw.dataPartition as string | undefined) ?? valid.slug,
    actor: raw.actor as Actor,
    timeoutMs: Math.min((overrides.timeoutMs as number | undefined) ?? limits.timeoutMs, (raw.maxTimeoutMs as number | undefined) ?? Infinity),
    memoryMb: (overrides.memoryMb as number | undefined) ?? limits.memoryMb,
    inputSha256: sha256Hex(input),
    skillKey: `${valid.versionId ?? 'unsaved'}:${sha256Hex(valid.code)}`,
    config: (raw.config as JsonObject | undefined) ?? {},
    network: request.network,
    concurrency: request.concurrency ?? DEFAULT_CONCURRENCY,
    skillCalls: request.skillCalls,
    triggeredBy: request.triggeredBy ?? null,
  };
}

function isPositive(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1_000;
}

function isTableList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 64 && value.every((t) => typeof t === 'string' && SKILL_TABLE_NAME.test(t));
}
