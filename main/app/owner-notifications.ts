import { Notification } from 'electron';
import type { Locale } from '../../shared/i18n-types.ts';
import type { OwnerNotice } from '../skills/service.ts';

export interface NoticeTargets {
  /** Something waits for review: the window as it is (the review queue is its first view). */
  window(): void;
  /** A skill's own notification: the window on that skill's detail. */
  skill(slug: string): void;
}

/**
 * Tells the owner that something waits for review, or what an approved skill notified them of.
 * Clicking the notification only opens the window (on the skill, for a skill's notification):
 * nothing is ever approved from a notification.
 */
export function createOwnerNotifier(locale: () => Locale, open: NoticeTargets) {
  return (notice: OwnerNotice): void => {
    if (!Notification.isSupported()) return;
    const language = locale();
    const notification = new Notification({ title: notice.title[language], body: notice.body[language] });
    notification.on('click', () => (notice.kind === 'skill-notification' ? open.skill(notice.skillSlug) : open.window()));
    notification.show();
  };
}
