// Schedules (seed 004, issue 13 §1): when an approved skill's action runs by itself. A schedule is
// declared in the manifest (approved with the version), added later by the owner, or proposed by
// the assistant and confirmed by the owner. The engine that fires them is main/skills/scheduler/.
import type { Localized } from '../i18n-types.ts';

/** Days as the manifest writes them; the index is JavaScript's getDay() (Sunday 0). */
export const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAY_NAMES)[number];

/** What a run that was due while nothing ran (laptop asleep, app closed) becomes: nothing, or one late run. */
export const MISSED_RUN_POLICIES = ['skip', 'catch-up-once'] as const;
export type MissedRunPolicy = (typeof MISSED_RUN_POLICIES)[number];

/** The shortest interval: a schedule is for things a person cares about, not a busy loop. */
export const MIN_INTERVAL_MS = 60_000;

export interface ScheduleNotify {
  /** A notification to the owner after each successful run. */
  onSuccess?: boolean;
  /** A notification to the owner after each failed run. */
  onFailure?: boolean;
  /** Each run's outcome POSTed here, through the HTTP guard: its host must be one of the version's approved http capabilities. */
  webhookUrl?: string;
}

export interface ScheduleSpec {
  /** The action of the skill that runs (its params are checked against the action's schema at each run). */
  action: string;
  params?: Record<string, unknown>;
  /** 5 fields (minute hour day month weekday) or 6 (seconds first), read by croner. Exactly one of cron and intervalMs. */
  cron?: string;
  /** At least MIN_INTERVAL_MS. */
  intervalMs?: number;
  /** IANA zone, e.g. `Europe/Warsaw`; absent: the machine's zone when the schedule is stored. */
  timezone?: string;
  /** Runs only between these local times (`HH:MM`, 24 h); `end` before `start` crosses midnight. */
  activeHours?: { start: string; end: string };
  /** Runs only on these local days. */
  daysOfWeek?: Weekday[];
  /** false: stored but not running (the owner can resume it). Default true. */
  enabled?: boolean;
  /** Default `catch-up-once`: a reminder that was due while the laptop slept comes once, late, on wake. */
  missed?: MissedRunPolicy;
  notify?: ScheduleNotify;
}

/** Where a schedule came from: the approved manifest, the owner, or the assistant's proposal the owner confirms. */
export type ScheduleSource = 'manifest' | 'owner' | 'proposal';

/** `proposed`: waits for the owner's yes; `declined`: the owner said no (kept for the record). */
export type ScheduleStatus = 'active' | 'paused' | 'proposed' | 'declined';

/**
 * Why a schedule is paused: by the owner (or `enabled: false`), after `failures` in a row, because
 * its skill cannot run now (archived, not deployed), or because `skills.scheduled.maxScheduled` were already active.
 */
export type SchedulePauseReason = 'owner' | 'failures' | 'skill-unavailable' | 'limit';

export type ScheduleRunResult = 'succeeded' | 'failed' | 'skipped';

export interface ScheduleRecord {
  id: number;
  skillSlug: string;
  skillName: string | null;
  versionId: string;
  version: string | null;
  source: ScheduleSource;
  spec: ScheduleSpec;
  /** The zone it runs in (the spec's, or the machine's when it was stored). */
  timezone: string;
  status: ScheduleStatus;
  pausedReason: SchedulePauseReason | null;
  /** In plain words: "every day at 08:00, Europe/Warsaw". */
  description: Localized;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastResult: ScheduleRunResult | null;
  lastExecutionId: number | null;
  /** Why the last run failed or was skipped, in both languages. */
  lastMessage: Localized | null;
  /** Whether the last run came late (it was due while nothing ran). */
  lastLate: boolean;
  consecutiveFailures: number;
  createdAt: string;
  createdBy: 'owner' | 'assistant' | 'system';
}

/** One of the next runs, for the tray and the Schedules view. */
export interface UpcomingRun {
  scheduleId: number;
  skillSlug: string;
  skillName: string | null;
  action: string;
  at: string;
}
