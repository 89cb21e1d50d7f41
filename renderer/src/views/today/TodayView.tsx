import type { NotificationRecord, TodayBoard } from '../../../../shared/contract/index.ts';
import { notificationText } from '../../../../shared/contract/index.ts';
import type { UpcomingRun } from '../../../../shared/skills/schedules.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { useTodayStore } from './today-store.ts';
import { SkillCard } from './SkillCard.tsx';
import '../../workbench.css';
import './today.css';

/** The home view: one card per active skill, and beside them what runs next and the latest notifications. */
export function TodayView() {
  const { t } = useI18n();
  const board = useTodayStore((state) => state.board);
  return (
    <ViewSection title={t('today.title')} intro={t('today.intro')}>
      <LoadableContent state={board} isEmpty={() => false} empty={null}>
        {(data) => <Board data={data} />}
      </LoadableContent>
    </ViewSection>
  );
}

function Board({ data }: { data: TodayBoard }) {
  const { t } = useI18n();
  return (
    <div className="today">
      <section className="today__cards" aria-label={t('today.cards')}>
        {data.cards.length === 0 ? (
          <EmptyState title={t('today.empty.title')} body={t('today.empty.body')} />
        ) : (
          data.cards.map((card) => <SkillCard key={card.slug} card={card} />)
        )}
      </section>
      <aside className="today__side">
        <Upcoming runs={data.upcoming} />
        <LatestNotifications items={data.notifications} unread={data.unreadNotifications} />
      </aside>
    </div>
  );
}

function Upcoming({ runs }: { runs: UpcomingRun[] }) {
  const { t } = useI18n();
  return (
    <section className="card today-side" aria-labelledby="today-upcoming">
      <h2 id="today-upcoming" className="card__title">{t('today.upcoming.title')}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t('today.upcoming.empty')}</p>
      ) : (
        <ul className="today-side__list">
          {runs.map((run) => (
            <li key={`${run.scheduleId}:${run.at}`}>
              <DateTime iso={run.at} />
              <span className="today-side__text">{t('today.upcoming.item', { skill: run.skillName ?? run.skillSlug, action: run.action })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LatestNotifications({ items, unread }: { items: NotificationRecord[]; unread: number }) {
  const { t, localize, locale } = useI18n();
  const navigate = useFoundryStore((state) => state.navigate);
  return (
    <section className="card today-side" aria-labelledby="today-notifications">
      <h2 id="today-notifications" className="card__title">{t('today.notifications.title')}</h2>
      {unread > 0 && <p className="muted">{t('today.notifications.unread', { count: formatNumber(unread, locale) })}</p>}
      {items.length === 0 ? (
        <p className="muted">{t('today.notifications.empty')}</p>
      ) : (
        <ul className="today-side__list">
          {items.map((notification) => {
            const { title, body } = notificationText(notification);
            return (
              <li key={notification.id} className={notification.readAt === null ? 'today-side__unread' : undefined}>
                <DateTime iso={notification.createdAt} />
                <span className="today-side__text"><strong>{localize(title)}</strong> {localize(body)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button button--quiet button--small" onClick={() => navigate('notifications')}>{t('today.notifications.all')}</button>
    </section>
  );
}
