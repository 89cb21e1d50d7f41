// Triggers (issue 13 §2): the assistant's events are stored, matched against the triggers of every
// skill that may run now, and each match runs its action in the background through the service's
// one execute path, so requireApproval, permissions, consent, `skills.enabled` and every execution
// limit apply as to any run. At most one firing per skill per event (its first matching entry).
//
// Who a firing runs as:
// - an event's firing runs as `assistant`: the assistant reported the event and could run the
//   same approved action itself with POST /api/skills/execute, so a forged or replayed event gains
//   nothing (and an action that needs more, e.g. `permissions: [skills:approve]`, is refused);
// - onInstall and onUninstall run as `scheduler`, like schedules: the engine starts them and nobody
//   asked at that moment, so they get the least role that runs approved skills — never the owner's,
//   though the owner's approval or archive was what happened.
import type { ExecutionRecord, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { firingTrigger, type TriggerKind } from '../../../shared/skills/triggers.ts';
import { triggerEntries, triggerText, type TriggerEntry } from '../../../shared/skills/trigger-text.ts';
import type { FoundryStore } from '../../store/index.ts';
import { createAssistantEventsRepository, type ReportedEvent, type StoredEvent } from '../../store/repositories/assistant-events.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import { ServiceError } from '../service-error.ts';
import { createFiringQueue } from './firing-queue.ts';
import { readMessage } from './message-matcher.ts';
import { EVENT_RETENTION_DAYS, FIRING_CONCURRENCY, MAX_QUEUED_FIRINGS, MAX_STORED_EVENTS } from './trigger-limits.ts';

/** A trigger about to run. */
export interface Firing {
  skill: string;
  version: string;
  action: string;
  /** The execution record's trigger: `on-message#42`. */
  trigger: string;
}

export interface EventReport {
  event: { id: number; kind: StoredEvent['kind']; receivedAt: string };
  /** What runs now in the background, one per skill at most. */
  firing: Firing[];
  /** Matches not run because too many firings already wait (each audited as `trigger.dropped`). */
  dropped: Firing[];
}

/** One armed trigger, as `foundry triggers` and the window list them. */
export interface TriggerListing extends TriggerEntry {
  skill: string;
  version: string;
  text: Localized;
}

export interface TriggerEngineDeps {
  store: Pick<FoundryStore, 'db' | 'now' | 'auditLog' | 'versions'>;
  /** The version `slug` runs now when its approval is proven and nothing disables it; null otherwise. */
  runnable: (slug: string) => SkillVersionRecord | null;
  /** The service's execute, with the firing's trigger. Refusals reject. */
  run: (actor: PrincipalKind, slug: string, action: string, params: Record<string, unknown>, trigger: string) => Promise<{ record: ExecutionRecord | null }>;
  limits?: { concurrency?: number; maxQueued?: number; maxEvents?: number; retentionDays?: number };
}

const EVENT_KIND: Record<Exclude<StoredEvent['kind'], 'message' | 'tool-use'>, TriggerKind> = {
  'session-start': 'onSessionStart',
  'session-end': 'onSessionEnd',
};

/** The first entry of the version's triggers this event fires, or null. */
function firstMatch(entries: readonly TriggerEntry[], event: StoredEvent, message: ReturnType<typeof readMessage> | null): TriggerEntry | null {
  if (event.kind === 'message') {
    if (!message) return null;
    return entries.find((e) => e.kind === 'onMessage' && (e.phrases.some(message.mentions) || e.patterns.some(message.matches))) ?? null;
  }
  if (event.kind === 'tool-use') return entries.find((e) => e.kind === 'onToolUse' && e.tools.includes(event.tool)) ?? null;
  return entries.find((e) => e.kind === EVENT_KIND[event.kind]) ?? null;
}

/** Why a firing did not run or failed, as the service's error says it, and its execution when one ran. */
function refusal(error: unknown): { reason: string; executionId: number | null } {
  if (!(error instanceof ServiceError)) return { reason: error instanceof Error ? error.message.slice(0, 200) : 'failed', executionId: null };
  const execution = error.details.map((line) => /^execution #(\d+)$/.exec(line)?.[1]).find(Boolean);
  return { reason: error.reason ?? error.code, executionId: execution ? Number(execution) : null };
}

export function createTriggerEngine(deps: TriggerEngineDeps) {
  const { store } = deps;
  const limits = deps.limits ?? {};
  const events = createAssistantEventsRepository(store.db, store.now, {
    maxEvents: limits.maxEvents ?? MAX_STORED_EVENTS,
    maxAgeDays: limits.retentionDays ?? EVENT_RETENTION_DAYS,
  });
  const queue = createFiringQueue({ concurrency: limits.concurrency ?? FIRING_CONCURRENCY, maxQueued: limits.maxQueued ?? MAX_QUEUED_FIRINGS });

  /** Running versions that declare triggers and may run now, by slug. */
  function armed(): { version: SkillVersionRecord; entries: TriggerEntry[] }[] {
    return store.versions.running()
      .filter((version) => version.manifest.triggers !== undefined)
      .flatMap((version) => {
        const proven = deps.runnable(version.slug);
        return proven && proven.id === version.id ? [{ version, entries: triggerEntries(version.manifest.triggers) }] : [];
      });
  }

  function work(actor: PrincipalKind, version: SkillVersionRecord, entry: TriggerEntry, firing: Firing, eventId: number | null) {
    const audit = (data: Record<string, unknown>) => store.auditLog.append({
      actor, event: 'trigger.fired', skillSlug: version.slug, versionId: version.id, contentSha256: version.contentSha256,
      data: { trigger: firing.trigger, kind: entry.kind, eventId, action: entry.action, ...data },
    });
    return async () => {
      try {
        const { record } = await deps.run(actor, version.slug, entry.action, entry.params, firing.trigger);
        audit({ outcome: record?.status ?? 'succeeded', executionId: record?.id ?? null });
      } catch (error) {
        const { reason, executionId } = refusal(error);
        audit({ outcome: executionId === null ? 'refused' : 'failed', reason, executionId });
      }
    };
  }

  function fire(actor: PrincipalKind, version: SkillVersionRecord, entry: TriggerEntry, eventId: number | null, report: Pick<EventReport, 'firing' | 'dropped'>): void {
    const firing: Firing = { skill: version.slug, version: version.version, action: entry.action, trigger: firingTrigger(entry.kind, eventId) };
    if (queue.offer(work(actor, version, entry, firing, eventId))) {
      report.firing.push(firing);
      return;
    }
    report.dropped.push(firing);
    store.auditLog.append({
      actor, event: 'trigger.dropped', skillSlug: version.slug, versionId: version.id,
      data: { trigger: firing.trigger, eventId, action: entry.action, reason: 'queue-full' },
    });
  }

  return {
    /** Stores a checked event, then starts what it fires; answers at once. Only the person's messages (role user) fire. */
    report(event: ReportedEvent): EventReport {
      const stored = events.store(event);
      const message = stored.kind === 'message' && stored.role === 'user' ? readMessage(stored.text) : null;
      const report: EventReport = { event: { id: stored.id, kind: stored.kind, receivedAt: stored.receivedAt }, firing: [], dropped: [] };
      for (const { version, entries } of armed()) {
        const entry = firstMatch(entries, stored, message);
        if (entry) fire('assistant', version, entry, stored.id, report);
      }
      return report;
    },

    /** After an approval deployed `version`: its onInstall fires when this is the skill's first approved version. */
    installed(version: SkillVersionRecord): void {
      const entry = triggerEntries(version.manifest.triggers).find((e) => e.kind === 'onInstall');
      const approved = store.versions.listForSkill(version.slug).filter((v) => v.status === 'approved');
      if (!entry || approved.length !== 1 || deps.runnable(version.slug)?.id !== version.id) return;
      fire('scheduler', version, entry, null, { firing: [], dropped: [] });
    },

    /**
     * Just before `slug` is archived: its onUninstall starts now, ahead of anything waiting, so the
     * registry resolves the running version while it still runs; once archived, nothing of it starts.
     */
    uninstalling(slug: string): void {
      const version = deps.runnable(slug);
      const entry = version && triggerEntries(version.manifest.triggers).find((e) => e.kind === 'onUninstall');
      if (!version || !entry) return;
      queue.startNow(work('scheduler', version, entry, { skill: slug, version: version.version, action: entry.action, trigger: firingTrigger('onUninstall', null) }, null));
    },

    /** What would fire on what: the triggers of every skill that may run now (or of one). */
    list(slug?: string): TriggerListing[] {
      return armed()
        .filter(({ version }) => slug === undefined || version.slug === slug)
        .flatMap(({ version, entries }) => entries.map((entry) => ({ skill: version.slug, version: version.version, ...entry, text: triggerText(entry) })));
    },

    /** The stored messages received since `since`, oldest first: the detectors' history from events. */
    messagesSince: (since: Date) => events.messagesSince(since),

    /** Resolves once every firing started so far has finished (the CLI waits before it exits; tests too). */
    idle: () => queue.idle(),
  };
}
export type TriggerEngine = ReturnType<typeof createTriggerEngine>;
