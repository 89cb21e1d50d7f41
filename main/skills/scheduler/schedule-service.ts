// Schedules as the service offers them (service.ts spreads these in): the owner lists, adds,
// edits, pauses, resumes, removes and runs them now; the assistant may list them and propose one,
// which waits for the owner's confirmation in the window. Every change is checked
// (schedule-check.ts), limited (skills.scheduled.maxScheduled) and audited. Manifest schedules
// follow their skill's running version: approve, rollback, archive and restore call syncSkill.
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { ExecuteResult } from '../../../shared/contract/review-records.ts';
import type { ModActionResult } from '../../../shared/skills/mod-types.ts';
import type { ScheduleRecord, ScheduleSource, ScheduleSpec, UpcomingRun } from '../../../shared/skills/schedules.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { ScheduleRow } from '../../store/repositories/schedules.ts';
import type { HttpClient, LocalAllowance } from '../http/index.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import type { SkillNotification } from '../sandbox/protocol.ts';
import { ServiceError } from '../service-error.ts';
import { createScheduler, type ScheduledRunOutcome, type SchedulerClock } from './scheduler.ts';
import { SCHEDULER_MESSAGES } from './scheduler-messages.ts';
import { scheduleProblems } from './schedule-check.ts';
import { describeSchedule } from './schedule-text.ts';
import { postWebhook } from './webhook.ts';
import { machineZone } from './zoned-time.ts';

export interface ScheduleServiceDeps {
  store: Pick<FoundryStore, 'schedules' | 'auditLog' | 'versions' | 'db'>;
  clock: SchedulerClock;
  enabled: () => boolean;
  maxScheduled: () => number;
  maxFailures: () => number;
  /** The approved version `slug` would run now, or null. */
  runnableVersion: (slug: string) => SkillVersionRecord | null;
  /** The version's action slugs (its getActions answer and its manifest's), or null when they cannot be read. */
  actionsOf: (slug: string) => Promise<string[] | null>;
  /** service.execute as the scheduler, trigger `schedule`. */
  execute: (slug: string, action: string, params: Record<string, unknown>) => Promise<ExecuteResult>;
  /** The Notifications list and the system notification (notifications/delivery.ts). */
  deliver: (version: SkillVersionRecord, sent: readonly SkillNotification[]) => void;
  locale: () => Locale;
  httpClient: HttpClient;
  localAllowances: (slug: string, version: SkillVersionRecord) => readonly LocalAllowance[];
  /** The owner is told a proposal waits. */
  announceProposal: (slug: string, text: { title: Localized; body: Localized }) => void;
}

const SOURCE_CREATOR = { owner: 'owner', assistant: 'assistant', scheduler: 'system' } as const;

function errorText(error: unknown): Localized {
  if (error instanceof ServiceError) return error.userMessage;
  const text = error instanceof Error ? error.message : String(error);
  return { en: text, pl: text };
}

export function createScheduleService(deps: ScheduleServiceDeps) {
  const { store, clock } = deps;
  const repo = store.schedules;

  function audit(actor: 'owner' | 'assistant' | 'scheduler' | 'system', event: string, row: Pick<ScheduleRow, 'id' | 'skillSlug' | 'versionId'>, data: Record<string, unknown> = {}): void {
    store.auditLog.append({ actor, event, skillSlug: row.skillSlug, versionId: row.versionId, data: { scheduleId: row.id, ...data } });
  }

  function owned(principal: PrincipalKind): 'owner' {
    if (principal !== 'owner') throw new ServiceError('forbidden', SCHEDULER_MESSAGES.ownerOnly, { reason: 'owner-only' });
    return 'owner';
  }

  function find(id: unknown): ScheduleRow {
    const row = typeof id === 'number' && Number.isInteger(id) ? repo.get(id) : null;
    if (!row) throw new ServiceError('not-found', SCHEDULER_MESSAGES.notFound);
    return row;
  }

  /** The version a run used: the running one (the row follows it), else the row's own. */
  const versionOf = (row: ScheduleRow): SkillVersionRecord | null => deps.runnableVersion(row.skillSlug) ?? store.versions.get(row.versionId);

  const record = (row: ScheduleRow): ScheduleRecord => ({ ...row, description: describeSchedule(row.spec, row.timezone) });

  function deliverText(version: SkillVersionRecord, text: { title: Localized; body: Localized }): void {
    const locale = deps.locale();
    deps.deliver(version, [{ title: text.title[locale], body: text.body[locale] }]);
  }

  async function runOnce(row: ScheduleRow): Promise<ScheduledRunOutcome> {
    try {
      const { result, record: execution } = await deps.execute(row.skillSlug, row.spec.action, row.spec.params ?? {});
      const answer = result as ModActionResult;
      if (answer.success === false) return { ok: false, executionId: execution?.id ?? null, message: { en: String(answer.error ?? 'the action reported a failure'), pl: String(answer.error ?? 'akcja zgłosiła niepowodzenie') } };
      return { ok: true, executionId: execution?.id ?? null, message: null };
    } catch (error) {
      const execution = error instanceof ServiceError ? error.details.map((d) => /^execution #(\d+)$/.exec(d)).find(Boolean) : null;
      return { ok: false, executionId: execution ? Number(execution[1]) : null, message: errorText(error) };
    }
  }

  const scheduler = createScheduler({
    schedules: repo,
    clock,
    enabled: deps.enabled,
    maxFailures: deps.maxFailures,
    audit: (event, row, data) => audit('scheduler', event, row, data),
    run: (row) => runOnce(row),
    pausedAfterFailures: (row) => {
      const version = versionOf(row);
      if (version) deliverText(version, SCHEDULER_MESSAGES.pausedAfterFailures(version.name, row.spec.action, row.consecutiveFailures));
    },
    async report(row, outcome, fired) {
      const version = versionOf(row);
      if (!version) return;
      const notify = row.spec.notify ?? {};
      if (outcome.ok && notify.onSuccess) deliverText(version, SCHEDULER_MESSAGES.succeeded(version.name, row.spec.action));
      if (!outcome.ok && notify.onFailure) deliverText(version, SCHEDULER_MESSAGES.failed(version.name, row.spec.action, outcome.message ?? { en: '', pl: '' }));
      if (notify.webhookUrl) {
        const sent = await postWebhook(deps.httpClient, {
          url: notify.webhookUrl, version, allowances: deps.localAllowances(row.skillSlug, version),
          report: { scheduleId: row.id, skill: row.skillSlug, action: row.spec.action, status: outcome.ok ? 'succeeded' : 'failed', dueAt: fired.dueAt, late: fired.late, executionId: outcome.executionId },
        });
        audit('scheduler', 'schedule.webhook', row, sent);
      }
    },
  });

  /** Checked against the running version; throws a bad request naming every problem. */
  async function checked(slug: string, spec: unknown): Promise<{ version: SkillVersionRecord; spec: ScheduleSpec; zone: string }> {
    const version = deps.runnableVersion(slug);
    if (!version) throw new ServiceError('conflict', SCHEDULER_MESSAGES.notRunnable, { reason: 'not-runnable' });
    const problems = scheduleProblems(spec, { actions: await deps.actionsOf(slug), httpOrigins: version.manifest.capabilities.http, defaultZone: machineZone(), now: clock.now() });
    if (problems.length > 0) throw new ServiceError('bad-request', SCHEDULER_MESSAGES.invalid(problems), { reason: 'invalid-schedule', details: problems.map((p) => p.en) });
    const valid = spec as ScheduleSpec;
    return { version, spec: valid, zone: valid.timezone ?? machineZone() };
  }

  function assertRoomForOneMore(): void {
    const max = deps.maxScheduled();
    if (repo.countActive() >= max) throw new ServiceError('conflict', SCHEDULER_MESSAGES.limitReached(max), { reason: 'limit-reached' });
  }

  function activate(row: ScheduleRow): ScheduleRow {
    repo.setState(row.id, 'active', null, scheduler.firstRun(row));
    scheduler.changed();
    return repo.get(row.id)!;
  }

  function storeSchedule(source: ScheduleSource, caller: PrincipalKind, version: SkillVersionRecord, spec: ScheduleSpec, zone: string, status: ScheduleRow['status'], pausedReason: ScheduleRow['pausedReason'] = null): ScheduleRow {
    const row = repo.add({
      skillSlug: version.slug, versionId: version.id, source, spec, timezone: zone, status, pausedReason,
      nextRunAt: status === 'active' ? scheduler.firstRun({ spec, timezone: zone }) : null, createdBy: SOURCE_CREATOR[caller],
    });
    audit(caller, source === 'proposal' ? 'schedule.proposed' : 'schedule.added', row, { source, spec, timezone: zone, status });
    scheduler.changed();
    return row;
  }

  /** The manifest's schedules of the version running now, in its rows; everything of a skill that cannot run, paused. */
  function syncSkill(slug: string): void {
    const version = deps.runnableVersion(slug);
    const rows = repo.forSkill(slug);
    store.db.transaction(() => {
      if (!version) {
        for (const row of rows.filter((r) => r.status === 'active')) {
          repo.setState(row.id, 'paused', 'skill-unavailable', null);
          audit('system', 'schedule.paused', row, { reason: 'skill-unavailable' });
        }
        return;
      }
      const declared = version.manifest.schedules ?? [];
      const key = (spec: ScheduleSpec) => JSON.stringify(spec);
      const kept = new Set<string>();
      for (const row of rows) {
        if (row.source === 'manifest' && !declared.some((spec) => key(spec) === key(row.spec))) {
          repo.remove(row.id);
          audit('system', 'schedule.retired', row, { because: 'not-in-running-version', version: version.version });
          continue;
        }
        if (row.source === 'manifest') kept.add(key(row.spec));
        if (row.versionId !== version.id && row.status !== 'declined') repo.setVersion(row.id, version.id);
        if (row.status === 'paused' && row.pausedReason === 'skill-unavailable' && repo.countActive() < deps.maxScheduled()) activate(row);
      }
      for (const spec of declared.filter((s) => !kept.has(key(s)))) {
        const zone = spec.timezone ?? machineZone();
        const full = spec.enabled !== false && repo.countActive() >= deps.maxScheduled();
        storeSchedule('manifest', 'scheduler', version, spec, zone, spec.enabled === false || full ? 'paused' : 'active', spec.enabled === false ? 'owner' : full ? 'limit' : null);
      }
    })();
    scheduler.changed();
  }

  return {
    scheduler,
    syncSkill,
    /** Anyone who may use skills sees every schedule, proposals included. */
    listSchedules: (): ScheduleRecord[] => repo.list().map(record),
    /** The next runs (the tray shows three). */
    upcomingRuns: (count = 3): UpcomingRun[] => scheduler.upcoming(Math.max(1, Math.min(20, Math.trunc(count) || 3))),

    async addSchedule(principal: PrincipalKind, slug: string, spec: unknown): Promise<ScheduleRecord> {
      const caller = owned(principal);
      const valid = await checked(slug, spec);
      const enabled = valid.spec.enabled !== false;
      if (enabled) assertRoomForOneMore();
      return record(storeSchedule('owner', caller, valid.version, valid.spec, valid.zone, enabled ? 'active' : 'paused', enabled ? null : 'owner'));
    },

    /** The assistant's way to a schedule: a proposal the owner confirms in the window. */
    async proposeSchedule(principal: PrincipalKind, slug: string, spec: unknown): Promise<ScheduleRecord> {
      const valid = await checked(slug, spec);
      const row = storeSchedule('proposal', principal, valid.version, valid.spec, valid.zone, 'proposed');
      deps.announceProposal(slug, SCHEDULER_MESSAGES.proposed(valid.version.name, describeSchedule(valid.spec, valid.zone)));
      return record(row);
    },

    confirmProposal(principal: PrincipalKind, id: number): ScheduleRecord {
      const caller = owned(principal);
      const row = find(id);
      if (row.status !== 'proposed') throw new ServiceError('conflict', SCHEDULER_MESSAGES.notProposed, { reason: 'not-proposed' });
      assertRoomForOneMore();
      const active = activate(row);
      audit(caller, 'schedule.confirmed', row);
      return record(active);
    },

    declineProposal(principal: PrincipalKind, id: number): ScheduleRecord {
      const caller = owned(principal);
      const row = find(id);
      if (row.status !== 'proposed') throw new ServiceError('conflict', SCHEDULER_MESSAGES.notProposed, { reason: 'not-proposed' });
      repo.setState(row.id, 'declined', null, null);
      audit(caller, 'schedule.declined', row);
      return record(repo.get(row.id)!);
    },

    /** The owner changes a schedule they added (a manifest one changes with a new version). */
    async editSchedule(principal: PrincipalKind, id: number, spec: unknown): Promise<ScheduleRecord> {
      const caller = owned(principal);
      const row = find(id);
      if (row.source === 'manifest') throw new ServiceError('conflict', SCHEDULER_MESSAGES.manifestNotRemovable, { reason: 'manifest-schedule' });
      const valid = await checked(row.skillSlug, spec);
      repo.setSpec(row.id, valid.spec, valid.zone, row.status === 'active' ? scheduler.firstRun({ spec: valid.spec, timezone: valid.zone }) : null);
      audit(caller, 'schedule.edited', row, { from: row.spec, to: valid.spec, timezone: valid.zone });
      scheduler.changed();
      return record(repo.get(row.id)!);
    },

    pauseSchedule(principal: PrincipalKind, id: number): ScheduleRecord {
      const caller = owned(principal);
      const row = find(id);
      if (row.status !== 'active') throw new ServiceError('conflict', SCHEDULER_MESSAGES.notActive, { reason: 'not-active' });
      repo.setState(row.id, 'paused', 'owner', null);
      audit(caller, 'schedule.paused', row, { reason: 'owner' });
      scheduler.changed();
      return record(repo.get(row.id)!);
    },

    /** Counts again from now: runs missed while it was paused are not caught up. */
    resumeSchedule(principal: PrincipalKind, id: number): ScheduleRecord {
      const caller = owned(principal);
      const row = find(id);
      if (row.status !== 'paused') throw new ServiceError('conflict', SCHEDULER_MESSAGES.notPaused, { reason: 'not-paused' });
      if (!deps.runnableVersion(row.skillSlug)) throw new ServiceError('conflict', SCHEDULER_MESSAGES.skillUnavailable, { reason: 'skill-unavailable' });
      assertRoomForOneMore();
      repo.resetFailures(row.id);
      const active = activate(row);
      audit(caller, 'schedule.resumed', row, { wasPausedFor: row.pausedReason });
      return record(active);
    },

    removeSchedule(principal: PrincipalKind, id: number): { removed: number } {
      const caller = owned(principal);
      const row = find(id);
      if (row.source === 'manifest') throw new ServiceError('conflict', SCHEDULER_MESSAGES.manifestNotRemovable, { reason: 'manifest-schedule' });
      repo.remove(row.id);
      audit(caller, 'schedule.removed', row, { spec: row.spec });
      scheduler.changed();
      return { removed: row.id };
    },

    /** Once, now, as the scheduler would run it (notifications and webhook included); resolves when it ended. */
    async runScheduleNow(principal: PrincipalKind, id: number): Promise<ScheduleRecord> {
      owned(principal);
      const row = find(id);
      if (row.status !== 'active' && row.status !== 'paused') throw new ServiceError('conflict', SCHEDULER_MESSAGES.notActive, { reason: 'not-active' });
      if (!deps.runnableVersion(row.skillSlug)) throw new ServiceError('conflict', SCHEDULER_MESSAGES.skillUnavailable, { reason: 'skill-unavailable' });
      await scheduler.runNow(row);
      return record(repo.get(row.id)!);
    },
  };
}
export type ScheduleService = ReturnType<typeof createScheduleService>;
