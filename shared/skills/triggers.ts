// Seed 004's triggers: what starts a skill by itself. Declared in the manifest, so the audit checks
// them, the disclosure says them in plain words and the approval covers them (the manifest is part
// of the content hash). Each trigger names one action of the skill and, at most, fixed params: no
// field of the event (a message's text, a tool's name) ever reaches the skill through a trigger,
// so a trigger cannot hand the conversation to a skill the owner approved for something else.
import type { Localized } from '../i18n-types.ts';

/** What runs when a trigger fires: an action of the same skill, with fixed params. */
export interface TriggerRun {
  action: string;
  /** Checked against the action's params_schema at each run, like any caller's. */
  params?: Record<string, unknown>;
}

/**
 * Fires on a message of the person (role `user`) that mentions one of `phrases` (Polish inflection
 * handled: "woda" fires on "wypiłem wodę") or matches one of `patterns`, anchored regular
 * expressions (`^…$`) run in RE2, linear time.
 */
export interface MessageTrigger extends TriggerRun {
  phrases?: string[];
  patterns?: string[];
}

/** Fires when the assistant reports using one of `tools` (exact names). */
export interface ToolUseTrigger extends TriggerRun {
  tools: string[];
}

export interface SkillTriggers {
  /** After the skill's first approval (its first deploy); never again for later versions. */
  onInstall?: TriggerRun;
  /** When the skill is archived: its last run. */
  onUninstall?: TriggerRun;
  onMessage?: MessageTrigger[];
  onToolUse?: ToolUseTrigger[];
  onSessionStart?: TriggerRun;
  onSessionEnd?: TriggerRun;
}

export const TRIGGER_KINDS = ['onInstall', 'onUninstall', 'onMessage', 'onToolUse', 'onSessionStart', 'onSessionEnd'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** The execution record's `trigger` for each kind. */
export const TRIGGER_NAMES: Readonly<Record<TriggerKind, string>> = {
  onInstall: 'on-install',
  onUninstall: 'on-uninstall',
  onMessage: 'on-message',
  onToolUse: 'on-tool-use',
  onSessionStart: 'on-session-start',
  onSessionEnd: 'on-session-end',
};

/** How the window and the command line name a firing's trigger. */
export const TRIGGER_LABELS: Readonly<Record<TriggerKind, Localized>> = {
  onInstall: { en: 'on install', pl: 'po instalacji' },
  onUninstall: { en: 'on uninstall', pl: 'przy odinstalowaniu' },
  onMessage: { en: 'message', pl: 'wiadomość' },
  onToolUse: { en: 'tool use', pl: 'użycie narzędzia' },
  onSessionStart: { en: 'session start', pl: 'początek sesji' },
  onSessionEnd: { en: 'session end', pl: 'koniec sesji' },
};

/**
 * The execution record's `trigger` of a firing: the kind, and the event that fired it when there
 * was one (`on-message#42`), so Activity and the audit log say which report started the run.
 */
export function firingTrigger(kind: TriggerKind, eventId: number | null): string {
  return eventId === null ? TRIGGER_NAMES[kind] : `${TRIGGER_NAMES[kind]}#${eventId}`;
}

/** A recorded `trigger` read back as a firing, or null for any other trigger (`manual`, `api`, `schedule`…). */
export function parseFiringTrigger(trigger: string): { kind: TriggerKind; eventId: number | null } | null {
  const match = /^(on-[a-z-]+?)(?:#(\d{1,15}))?$/.exec(trigger);
  const kind = match && TRIGGER_KINDS.find((k) => TRIGGER_NAMES[k] === match[1]);
  return kind ? { kind, eventId: match[2] === undefined ? null : Number(match[2]) } : null;
}

/** A firing's trigger in words ("message #42" / "wiadomość #42"); any other trigger as recorded. */
export function triggerLabel(trigger: string): Localized {
  const firing = parseFiringTrigger(trigger);
  if (!firing) return { en: trigger, pl: trigger };
  const label = TRIGGER_LABELS[firing.kind];
  const event = firing.eventId === null ? '' : ` #${firing.eventId}`;
  return { en: `${label.en}${event}`, pl: `${label.pl}${event}` };
}
