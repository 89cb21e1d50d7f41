import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useFoundryStore } from './store/app-store.ts';
import type { ViewId } from './store/view-location.ts';
import { useI18n } from './i18n/use-i18n.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { Navigation } from './components/Navigation.tsx';
import { ReviewQueueView } from './views/reviews/ReviewQueueView.tsx';
import { TodayView } from './views/today/TodayView.tsx';
import { SkillsView } from './views/skills/SkillsView.tsx';
import { NewSkillView } from './views/new-skill/NewSkillView.tsx';
import { ActivityView } from './views/activity/ActivityView.tsx';
import { SettingsView } from './views/settings/SettingsView.tsx';
import { NotificationsView } from './views/notifications/NotificationsView.tsx';
import { SchedulesView } from './views/schedules/SchedulesView.tsx';
import { MarketplaceView } from './views/marketplace/MarketplaceView.tsx';
import { Loading } from './components/Loading.tsx';
import { SandboxBanner } from './components/SandboxBanner.tsx';
import { ConsentPrompt } from './components/ConsentPrompt.tsx';

// The skill detail (highlighting, Markdown, diffs) loads on first use, not with the window.
const SkillDetailPage = lazy(() => import('./views/skill-detail/SkillDetailPage.tsx').then((module) => ({ default: module.SkillDetailPage })));

const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  today: TodayView,
  reviews: ReviewQueueView,
  'new-skill': NewSkillView,
  skills: SkillsView,
  marketplace: MarketplaceView,
  notifications: NotificationsView,
  schedules: SchedulesView,
  activity: ActivityView,
  settings: SettingsView,
};

export function App() {
  const { t, locale } = useI18n();
  const view = useFoundryStore((state) => state.view);
  // Until settings answer, the language is unknown: show no text that might switch a moment later.
  const settingsAnswered = useFoundryStore((state) => state.settings.data !== null || state.settings.error !== null);
  const start = useFoundryStore((state) => state.start);
  const skillDetail = useFoundryStore((state) => state.skillDetail);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.name');
  }, [locale, t]);

  if (!settingsAnswered) return <div className="app" aria-busy="true" />;
  const CurrentView = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <AppHeader />
      <div className="app-body">
        <Navigation />
        <main className="app-main">
          <SandboxBanner />
          {/* The view stays mounted under an open skill detail, so closing it returns to the same place. */}
          <div hidden={skillDetail !== null}>
            <CurrentView />
          </div>
          {skillDetail && (
            <Suspense fallback={<Loading />}>
              <SkillDetailPage key={`${skillDetail.slug}:${skillDetail.opened}`} target={skillDetail} />
            </Suspense>
          )}
        </main>
      </div>
      <ConsentPrompt />
    </div>
  );
}
