// The home view "Today": one card per active skill, read through the sandbox like any execution
// (getData and getInsights, recorded with trigger `dashboard`, which is not counted as use), beside
// the schedules coming up and the latest notifications. The window, the local API and
// `foundry today` all read it here.
//
// A card is cached for CACHE_MS: the window refreshes often (every view change, every run) and 20
// skills are 40 sandbox executions, each one an execution record and an audit entry. The cache
// holds only while nothing else ran that skill (any execution but the dashboard's own, in any
// process sharing the store: the app, `foundry serve`, the CLI) and its running version is the same,
// so a card is fresh right after each run of its skill.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ModAction, ModInsight } from '../../../shared/skills/mod-types.ts';
import type { SkillPresentation } from '../../../shared/skills/presentation.ts';
import type { UpcomingRun } from '../../../shared/skills/schedules.ts';
import type { TodayBoard, TodayCard } from '../../../shared/contract/today-records.ts';
import type { FoundryStore } from '../../store/index.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import { DASHBOARD_TRIGGER } from '../registry/index.ts';
import { cardFigures } from './card-data.ts';

/** Long enough to absorb a burst of refreshes, short enough that nothing looks stale. */
export const CACHE_MS = 5_000;
/** Upcoming runs and notifications beside the cards: the next few, not a list to scroll. */
const UPCOMING_SHOWN = 5;
const NOTIFICATIONS_SHOWN = 5;
/** At most this many insights per card: the skill's, in its order. */
const MAX_INSIGHTS = 5;
const INSIGHT_TYPES = new Set(['info', 'success', 'warning', 'alert']);

export interface TodayBoardDeps {
  store: Pick<FoundryStore, 'now' | 'skills' | 'versions' | 'executions' | 'notifications'>;
  /** Runs a reading method through the service (authorized, sandboxed, recorded with `trigger`). */
  read(principal: PrincipalKind, slug: string, method: 'getData' | 'getInsights', trigger: string): Promise<unknown>;
  actionsOf(principal: PrincipalKind, slug: string): Promise<ModAction[] | null>;
  upcoming(count: number): UpcomingRun[];
  /** Why a read failed, in both languages, for an error the service raised; null for a bug (rethrown). */
  problemOf(error: unknown): Localized | null;
  /** Milliseconds for the cache's age; the store's clock by default. */
  clock?: () => number;
}

interface CachedCard {
  card: Promise<TodayCard>;
  at: number;
  versionId: string | null;
  lastRunId: number | null;
}

/** Insights as the window can show them: objects with text, the known kinds, a few. */
function cleanInsights(value: unknown): ModInsight[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is ModInsight => typeof item === 'object' && item !== null && INSIGHT_TYPES.has(item.type) && typeof item.title === 'string' && typeof item.message === 'string')
    .slice(0, MAX_INSIGHTS)
    .map(({ type, title, message }) => ({ type, title: title.slice(0, 200), message: message.slice(0, 500) }));
}

export function createTodayBoard(deps: TodayBoardDeps) {
  const { store } = deps;
  const clock = deps.clock ?? (() => store.now().getTime());
  const cache = new Map<string, CachedCard>();

  async function readCard(principal: PrincipalKind, slug: string, name: string, version: string | null, presentation: SkillPresentation | undefined): Promise<TodayCard> {
    const readAt = store.now();
    const base = { slug, name, version, insights: [], headline: null, figures: [], chart: null, quickAction: null, problem: null, readAt: readAt.toISOString() };
    try {
      const data = await deps.read(principal, slug, 'getData', DASHBOARD_TRIGGER);
      const insights = cleanInsights(await deps.read(principal, slug, 'getInsights', DASHBOARD_TRIGGER));
      const actions = (await deps.actionsOf(principal, slug)) ?? [];
      const mostUsed = store.executions.mostUsedAction(slug, [DASHBOARD_TRIGGER, 'dry-run']);
      const quickAction = actions.find((action) => action.slug === mostUsed) ?? actions[0] ?? null;
      return { ...base, insights, ...cardFigures(data, presentation, readAt), quickAction };
    } catch (error) {
      const problem = deps.problemOf(error);
      if (!problem) throw error;
      return { ...base, problem };
    }
  }

  function card(principal: PrincipalKind, slug: string, name: string): Promise<TodayCard> {
    const running = store.versions.active(slug);
    const versionId = running?.id ?? null;
    const lastRunId = store.executions.latestId(slug, DASHBOARD_TRIGGER);
    const key = `${principal}:${slug}`;
    const cached = cache.get(key);
    if (cached && clock() - cached.at < CACHE_MS && cached.versionId === versionId && cached.lastRunId === lastRunId) return cached.card;
    const fresh = readCard(principal, slug, name, running?.version ?? null, running?.manifest.presentation);
    cache.set(key, { card: fresh, at: clock(), versionId, lastRunId });
    // A failure the card could not hold must not stay cached.
    fresh.catch(() => {
      if (cache.get(key)?.card === fresh) cache.delete(key);
    });
    return fresh;
  }

  return {
    /** Every active skill's card (by name), the next runs and the latest notifications, as `principal` may read them. */
    async read(principal: PrincipalKind): Promise<TodayBoard> {
      const active = store.skills.list().filter((skill) => skill.status === 'active');
      const cards = await Promise.all(active.map((skill) => card(principal, skill.slug, skill.name)));
      const notifications = store.notifications.list({ unreadOnly: false, limit: NOTIFICATIONS_SHOWN });
      return { cards, upcoming: deps.upcoming(UPCOMING_SHOWN), notifications: notifications.items, unreadNotifications: notifications.unread };
    },
  };
}
export type TodayReader = ReturnType<typeof createTodayBoard>;
