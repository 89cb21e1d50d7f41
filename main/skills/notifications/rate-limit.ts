// How many notifications a skill may put in front of the owner: NOTIFICATIONS_PER_SKILL_HOUR one
// by one in any sliding hour, then the rest are held back under one notice that counts them
// ("Water Tracker wanted to notify you 7 more times in the last hour").
//
// Threat: an approved skill that notifies in a loop, or on every run of a frequent trigger, would
// bury the owner in system notifications until they stop reading them — including the ones that
// matter. The sandbox already caps one execution (maxNotifications); this caps a skill over time.
// - The hour is counted from the stored notifications, not kept in memory, so restarting the app
//   (or running the CLI beside it) does not reset it.
// - One held-back notice collects everything over the limit for an hour from its creation; only
//   its creation shows a system notification, later ones only raise its count.
// - The clock is the store's (`store.now`), so tests move time instead of waiting for it.
import { NOTIFICATIONS_PER_SKILL_HOUR } from '../../../shared/contract/notification-records.ts';
import type { NotificationWindow } from '../../store/repositories/notifications.ts';

export const NOTIFICATION_WINDOW_MS = 60 * 60 * 1000;

export type RateVerdict =
  /** Shown one by one. */
  | { kind: 'deliver' }
  /** Over the limit: counted under the held-back notice `into`, or a new one when null. */
  | { kind: 'hold-back'; into: number | null };

export function createNotificationRateLimit(now: () => Date) {
  return {
    /** Where the skill's current hour starts (ISO time): notifications after it count. */
    windowStart: (): string => new Date(now().getTime() - NOTIFICATION_WINDOW_MS).toISOString(),
    verdict: (window: NotificationWindow): RateVerdict =>
      window.delivered < NOTIFICATIONS_PER_SKILL_HOUR ? { kind: 'deliver' } : { kind: 'hold-back', into: window.heldBackId },
  };
}
export type NotificationRateLimit = ReturnType<typeof createNotificationRateLimit>;
