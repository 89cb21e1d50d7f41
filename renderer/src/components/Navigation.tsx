import type { MessageKey } from '../i18n/en.ts';
import { useFoundryStore } from '../store/app-store.ts';
import { VIEWS, type ViewId } from '../store/view-location.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { formatNumber } from '../i18n/format.ts';
import { useNotificationsStore } from '../store/notifications-store.ts';

const VIEW_LABELS: Record<ViewId, MessageKey> = {
  today: 'nav.today',
  reviews: 'nav.reviews',
  'new-skill': 'nav.newSkill',
  skills: 'nav.skills',
  marketplace: 'nav.marketplace',
  notifications: 'nav.notifications',
  schedules: 'nav.schedules',
  activity: 'nav.activity',
  settings: 'nav.settings',
};

/** The views; the current one is marked with aria-current, the review queue shows how many wait. */
export function Navigation() {
  const { t, locale } = useI18n();
  const view = useFoundryStore((state) => state.view);
  const navigate = useFoundryStore((state) => state.navigate);
  const pending = useFoundryStore((state) => state.info.data?.counts.pendingReviews ?? 0);
  const unread = useNotificationsStore((state) => state.list.data?.unread ?? 0);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul className="app-nav__list">
        {VIEWS.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="app-nav__item"
              aria-current={id === view ? 'page' : undefined}
              onClick={() => navigate(id)}
            >
              <span>{t(VIEW_LABELS[id])}</span>
              {id === 'reviews' && pending > 0 && (
                <>
                  <span className="app-nav__badge" aria-hidden="true">{formatNumber(pending, locale)}</span>
                  <span className="visually-hidden"> {t('nav.pending', { count: formatNumber(pending, locale) })}</span>
                </>
              )}
              {id === 'notifications' && unread > 0 && (
                <>
                  <span className="app-nav__badge" aria-hidden="true">{formatNumber(unread, locale)}</span>
                  <span className="visually-hidden"> {t('nav.unread', { count: formatNumber(unread, locale) })}</span>
                </>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
