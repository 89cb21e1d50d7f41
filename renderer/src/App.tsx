import { useEffect, type ComponentType } from 'react';
import { useFoundryStore } from './store/app-store.ts';
import type { ViewId } from './store/view-location.ts';
import { useI18n } from './i18n/use-i18n.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { Navigation } from './components/Navigation.tsx';
import { ReviewQueueView } from './views/reviews/ReviewQueueView.tsx';
import { SkillsView } from './views/skills/SkillsView.tsx';
import { ActivityView } from './views/activity/ActivityView.tsx';
import { SettingsView } from './views/settings/SettingsView.tsx';

const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  reviews: ReviewQueueView,
  skills: SkillsView,
  activity: ActivityView,
  settings: SettingsView,
};

export function App() {
  const { t, locale } = useI18n();
  const view = useFoundryStore((state) => state.view);
  // Until settings answer, the language is unknown: show no text that might switch a moment later.
  const settingsAnswered = useFoundryStore((state) => state.settings.data !== null || state.settings.error !== null);
  const start = useFoundryStore((state) => state.start);

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
          <CurrentView />
        </main>
      </div>
    </div>
  );
}
