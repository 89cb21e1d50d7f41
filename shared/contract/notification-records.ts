// What the owner sees of the notifications approved skills sent (foundry.notify): the window's
// list, the tray, the system notification, `foundry notifications` and GET /api/notifications.
import type { Localized } from '../i18n-types.ts';

/** How many notifications a skill may send an hour before the rest are held back (main/skills/notifications/rate-limit.ts). */
export const NOTIFICATIONS_PER_SKILL_HOUR = 10;

export type NotificationKind = 'skill' | 'held-back';

export interface NotificationRecord {
  id: number;
  /** 'skill': one notification as the skill wrote it; 'held-back': the one notice for those over the hourly limit. */
  kind: NotificationKind;
  skillSlug: string;
  skillName: string;
  /** The skill version that sent it. */
  version: string;
  /** The skill's own words (a skill writes in one language); empty for 'held-back'. */
  title: string;
  body: string;
  /** How many notifications a 'held-back' notice stands for; 0 for 'skill'. */
  heldBack: number;
  createdAt: string;
  /** Null while unread. */
  readAt: string | null;
}

export interface NotificationList {
  /** Newest first. */
  items: NotificationRecord[];
  /** Unread notifications in all, not only among `items`. */
  unread: number;
}

/** What a notification says, in both languages: a skill's own words as written, a held-back notice in ours. */
export function notificationText(notification: NotificationRecord): { title: Localized; body: Localized } {
  if (notification.kind === 'skill') {
    const { title, body } = notification;
    return { title: { en: title, pl: title }, body: { en: body, pl: body } };
  }
  const name = notification.skillName;
  const count = notification.heldBack;
  return {
    title: { en: `${name}: notifications held back`, pl: `${name}: wstrzymane powiadomienia` },
    body: {
      en: `${name} wanted to notify you ${count} more ${count === 1 ? 'time' : 'times'} in the last hour. Only the first ${NOTIFICATIONS_PER_SKILL_HOUR} an hour are shown one by one.`,
      pl: `Skill „${name}” chciał Cię powiadomić jeszcze ${count} ${count === 1 ? 'raz' : 'razy'} w ciągu ostatniej godziny. Osobno pokazujemy tylko pierwsze ${NOTIFICATIONS_PER_SKILL_HOUR} na godzinę.`,
    },
  };
}
