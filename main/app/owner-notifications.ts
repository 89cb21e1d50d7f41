import { Notification } from 'electron';
import type { Locale } from '../../shared/i18n-types.ts';
import type { OwnerNotice } from '../skills/service.ts';

/**
 * Tells the owner that something waits for review. Clicking the notification only opens the
 * review window: nothing is ever approved from a notification.
 */
export function createOwnerNotifier(locale: () => Locale, open: (notice: OwnerNotice) => void) {
  return (notice: OwnerNotice): void => {
    if (!Notification.isSupported()) return;
    const language = locale();
    const notification = new Notification({ title: notice.title[language], body: notice.body[language] });
    notification.on('click', () => open(notice));
    notification.show();
  };
}
