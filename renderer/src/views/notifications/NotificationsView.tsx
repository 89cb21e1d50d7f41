import { useState } from 'react';
import { notificationText, type NotificationRecord } from '../../../../shared/contract/notification-records.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useNotificationsStore } from '../../store/notifications-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge } from '../../components/Badge.tsx';
import '../../workbench.css';
import './notifications.css';

/** What approved skills notified the owner of, newest first; each can be marked read, or all at once. */
export function NotificationsView() {
  const { t, localize, locale } = useI18n();
  const list = useNotificationsStore((state) => state.list);
  const markError = useNotificationsStore((state) => state.markError);
  const markAllRead = useNotificationsStore((state) => state.markAllRead);
  const [busy, setBusy] = useState(false);
  const unread = list.data?.unread ?? 0;

  async function onMarkAll() {
    setBusy(true);
    await markAllRead();
    setBusy(false);
  }

  return (
    <ViewSection title={t('notifications.title')} intro={t('notifications.intro')}>
      <div className="notifications__bar">
        <p className="notifications__count" aria-live="polite">{t('notifications.unreadCount', { count: formatNumber(unread, locale) })}</p>
        <button type="button" className="button" disabled={busy || unread === 0} onClick={() => void onMarkAll()}>
          {t('notifications.markAllRead')}
        </button>
      </div>
      {markError && <p className="text-bad" role="alert">{localize(markError)}</p>}
      <LoadableContent
        state={list}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t('notifications.empty.title')} body={t('notifications.empty.body')} />}
      >
        {(data) => (
          <ul className="item-list" aria-label={t('notifications.title')}>
            {data.items.map((notification) => <NotificationItem key={notification.id} notification={notification} />)}
          </ul>
        )}
      </LoadableContent>
    </ViewSection>
  );
}

function NotificationItem({ notification }: { notification: NotificationRecord }) {
  const { t, localize } = useI18n();
  const markRead = useNotificationsStore((state) => state.markRead);
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  const [busy, setBusy] = useState(false);
  const { title, body } = notificationText(notification);
  const unread = notification.readAt === null;

  async function onMarkRead() {
    setBusy(true);
    await markRead(notification.id);
    setBusy(false);
  }

  return (
    <li className={`item-card${unread ? ' item-card--marked' : ''}`}>
      <div className="notification-card__main">
        <p className="notification-card__headline">
          {unread && <><Badge tone="warn">{t('notifications.unread')}</Badge>{' '}</>}
          <strong>{localize(title)}</strong>
        </p>
        <p className="notification-card__body">{localize(body)}</p>
        <p className="notification-card__from muted">
          {t('notifications.from', { skill: notification.skillName, version: notification.version })} · <DateTime iso={notification.createdAt} />
        </p>
      </div>
      <div className="item-card__actions">
        <button type="button" className="button" onClick={() => openSkillDetail(notification.skillSlug)}>
          {t('notifications.openSkill')}<span className="visually-hidden"> {notification.skillName}</span>
        </button>
        {unread && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void onMarkRead()}>
            {t('notifications.markRead')}<span className="visually-hidden">: {localize(title)}</span>
          </button>
        )}
      </div>
    </li>
  );
}
