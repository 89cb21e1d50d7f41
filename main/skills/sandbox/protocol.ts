// The message channel between main and the sandbox host process. Every message travels as JSON
// text, so each side can check its size before parsing it, and is validated after parsing: the
// host does not trust main's messages blindly, and main trusts the host's even less.
import { EXECUTOR_METHODS, type ExecutorMethod } from '../../../shared/skills/mod-types.ts';
import { isBoundedString, isIntegerIn, isRecord, parseJson } from './json-guards.ts';

/** Limits the host applies to one execution (a subset of SandboxLimits). */
export interface HostExecutionLimits {
  timeoutMs: number;
  memoryMb: number;
  warmIsolates: number;
  maxOutputBytes: number;
  maxQueryBytes: number;
  maxHostCalls: number;
  maxLogEntries: number;
  maxLogChars: number;
  maxNotifications: number;
}

export interface ExecuteMessage {
  type: 'execute';
  id: number;
  /** Identifies one compiled skill version: the key of its warm isolate. */
  skillKey: string;
  /** TypeScript source; the host transpiles it. */
  source: string;
  method: ExecutorMethod;
  /** JSON array of the method's arguments. */
  args: string;
  /** JSON object: the owner's settings for the skill (foundry.config). */
  config: string;
  notifications: boolean;
  limits: HostExecutionLimits;
}

/** Main's answer to a query: JSON text of `{ data, error }`. */
export interface ReplyMessage {
  type: 'reply';
  id: number;
  callId: number;
  reply: string;
}

export type MainToHost = ExecuteMessage | ReplyMessage;

export interface ReadyMessage {
  type: 'ready';
  isolates: number;
}

/** The host cannot run skills: its self-check failed, or an isolate failed catastrophically (it then aborts). */
export interface FatalMessage {
  type: 'fatal';
  reason: string;
}

/** A skill's query-builder chain, JSON text of `{ method, args }[]`; main interprets and validates it. */
export interface QueryMessage {
  type: 'query';
  id: number;
  callId: number;
  chain: string;
}

/** A skill's foundry.http request, JSON text of `{ url, method, headers, body }`; main guards and performs it. */
export interface HttpMessage {
  type: 'http';
  id: number;
  callId: number;
  request: string;
}

/** A skill's foundry.skills.call, JSON text of `{ skill, action, params }`; main checks the caller's dependencies and runs the callee. */
export interface SkillCallMessage {
  type: 'skill';
  id: number;
  callId: number;
  request: string;
}

export interface StatsMessage {
  type: 'stats';
  rssBytes: number;
}

export const HOST_FAILURE_CODES = ['timeout', 'memory', 'skill-error', 'bad-skill', 'output-too-large', 'invalid-output', 'internal'] as const;
export type HostFailureCode = (typeof HOST_FAILURE_CODES)[number];

export interface SkillNotification {
  title: string;
  body: string;
}

export type HostOutcome = { status: 'succeeded'; output: string } | { status: 'failed'; code: HostFailureCode; detail: string };

export interface DoneMessage {
  type: 'done';
  id: number;
  outcome: HostOutcome;
  logs: string[];
  notifications: SkillNotification[];
  peakHeapBytes: number | null;
  /** Whether the skill ran in an isolate that was already warm. */
  warm: boolean;
}

export type HostToMain = ReadyMessage | FatalMessage | QueryMessage | HttpMessage | SkillCallMessage | StatsMessage | DoneMessage;

export const NOTIFICATION_TITLE_CHARS = 200;
export const NOTIFICATION_BODY_CHARS = 2_000;
export const FAILURE_DETAIL_CHARS = 1_000;
/** One foundry.http request as JSON: a body of up to 64 KiB (the guard's bound) plus URL and headers. */
export const HTTP_REQUEST_CHARS = 96 * 1024;
/** One foundry.skills.call as JSON: the callee's params are an action's input, bounded like one (limits.ts maxInputBytes). */
export const SKILL_CALL_CHARS = 64 * 1024;
const MAX_ID = Number.MAX_SAFE_INTEGER;
const SKILL_KEY_CHARS = 256;

export function encodeMessage(message: MainToHost | HostToMain): string {
  return JSON.stringify(message);
}

/** Size bounds main checks incoming host messages against. */
export interface HostMessageBounds {
  maxChars: number;
  limits: Pick<HostExecutionLimits, 'maxOutputBytes' | 'maxQueryBytes' | 'maxLogEntries' | 'maxLogChars' | 'maxNotifications'>;
}

export function decodeHostMessage(raw: unknown, bounds: HostMessageBounds): HostToMain | null {
  const message = decode(raw, bounds.maxChars);
  if (!message) return null;
  const { limits } = bounds;
  switch (message.type) {
    case 'ready':
      return isIntegerIn(message.isolates, 0, 1_000) ? { type: 'ready', isolates: message.isolates } : null;
    case 'fatal':
      return isBoundedString(message.reason, FAILURE_DETAIL_CHARS) ? { type: 'fatal', reason: message.reason } : null;
    case 'stats':
      return isIntegerIn(message.rssBytes, 0, MAX_ID) ? { type: 'stats', rssBytes: message.rssBytes } : null;
    case 'query':
      return isId(message.id) && isId(message.callId) && isBoundedString(message.chain, limits.maxQueryBytes)
        ? { type: 'query', id: message.id, callId: message.callId, chain: message.chain }
        : null;
    case 'http':
      return isId(message.id) && isId(message.callId) && isBoundedString(message.request, HTTP_REQUEST_CHARS)
        ? { type: 'http', id: message.id, callId: message.callId, request: message.request }
        : null;
    case 'skill':
      return isId(message.id) && isId(message.callId) && isBoundedString(message.request, SKILL_CALL_CHARS)
        ? { type: 'skill', id: message.id, callId: message.callId, request: message.request }
        : null;
    case 'done': {
      const outcome = decodeOutcome(message.outcome, limits.maxOutputBytes);
      const { logs, notifications, peakHeapBytes, warm } = message;
      const valid =
        outcome &&
        isId(message.id) &&
        isStringList(logs, limits.maxLogEntries, limits.maxLogChars) &&
        Array.isArray(notifications) &&
        notifications.length <= limits.maxNotifications &&
        notifications.every(isNotification) &&
        (peakHeapBytes === null || isIntegerIn(peakHeapBytes, 0, MAX_ID)) &&
        typeof warm === 'boolean';
      return valid ? { type: 'done', id: message.id as number, outcome, logs, notifications, peakHeapBytes, warm } : null;
    }
    default:
      return null;
  }
}

/** The host checks main's messages too: a malformed one is dropped, never half-acted on. */
export function decodeMainMessage(raw: unknown, maxChars: number): MainToHost | null {
  const message = decode(raw, maxChars);
  if (!message) return null;
  if (message.type === 'reply') {
    return isId(message.id) && isId(message.callId) && typeof message.reply === 'string'
      ? { type: 'reply', id: message.id, callId: message.callId, reply: message.reply }
      : null;
  }
  if (message.type !== 'execute') return null;
  const { id, skillKey, source, method, args, config, notifications } = message;
  const limits = decodeHostLimits(message.limits);
  const valid =
    limits &&
    isId(id) &&
    isBoundedString(skillKey, SKILL_KEY_CHARS) &&
    typeof source === 'string' &&
    (EXECUTOR_METHODS as readonly unknown[]).includes(method) &&
    typeof args === 'string' &&
    typeof config === 'string' &&
    typeof notifications === 'boolean';
  return valid
    ? { type: 'execute', id: id as number, skillKey: skillKey as string, source: source as string, method: method as ExecutorMethod, args: args as string, config: config as string, notifications: notifications as boolean, limits }
    : null;
}

function decode(raw: unknown, maxChars: number): Record<string, unknown> | null {
  if (typeof raw !== 'string' || raw.length > maxChars) return null;
  const parsed = parseJson(raw);
  return isRecord(parsed) ? parsed : null;
}

function decodeOutcome(value: unknown, maxOutputBytes: number): HostOutcome | null {
  if (!isRecord(value)) return null;
  if (value.status === 'succeeded') {
    // Characters bound bytes from below; main checks the exact byte count when it parses the output.
    return isBoundedString(value.output, maxOutputBytes) ? { status: 'succeeded', output: value.output } : null;
  }
  const code = value.code;
  if (value.status !== 'failed' || !(HOST_FAILURE_CODES as readonly unknown[]).includes(code) || !isBoundedString(value.detail, FAILURE_DETAIL_CHARS)) return null;
  return { status: 'failed', code: code as HostFailureCode, detail: value.detail };
}

function decodeHostLimits(value: unknown): HostExecutionLimits | null {
  if (!isRecord(value)) return null;
  const keys: (keyof HostExecutionLimits)[] = [
    'timeoutMs', 'memoryMb', 'warmIsolates', 'maxOutputBytes', 'maxQueryBytes', 'maxHostCalls', 'maxLogEntries', 'maxLogChars', 'maxNotifications',
  ];
  if (!keys.every((key) => isIntegerIn(value[key], 0, MAX_ID))) return null;
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as unknown as HostExecutionLimits;
}

function isNotification(value: unknown): value is SkillNotification {
  return isRecord(value) && isBoundedString(value.title, NOTIFICATION_TITLE_CHARS) && isBoundedString(value.body, NOTIFICATION_BODY_CHARS);
}

function isStringList(value: unknown, maxItems: number, maxChars: number): value is string[] {
  return Array.isArray(value) && value.length <= maxItems && value.every((item) => isBoundedString(item, maxChars));
}

function isId(value: unknown): value is number {
  return isIntegerIn(value, 0, MAX_ID);
}
