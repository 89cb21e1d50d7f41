// The home view "Today" (issue 16 §1): one card per active skill, read through the sandbox, with
// the schedules coming up and the latest notifications beside them. The same record answers the
// window (today.get), the local API (GET /api/today) and `foundry today --json`.
import type { Localized } from '../i18n-types.ts';
import type { ModAction, ModInsight } from '../skills/mod-types.ts';
import type { UpcomingRun } from '../skills/schedules.ts';
import type { NotificationRecord } from './notification-records.ts';

/** How many days a card's chart covers at most; the window shows the last 7 or all 30. */
export const TODAY_CHART_DAYS = 30;

/** A top-level figure of getData(): `{ key: 'today_count', value: 3 }`. */
export interface TodayFigure {
  key: string;
  value: number | string | boolean;
}

export interface TodayChart {
  /** The getData() key the rows came from. */
  key: string;
  unit: string | null;
  goal: number | null;
  /** One point per calendar day (UTC, as skills' foundry.now() dates them), oldest first, TODAY_CHART_DAYS of them; null: no reading that day. */
  points: { date: string; value: number | null }[];
}

export interface TodayCard {
  slug: string;
  name: string;
  version: string | null;
  /** getInsights(), as the skill wrote them (a skill writes in its owner's language). */
  insights: ModInsight[];
  /** The headline figure: the hint's, else the first number of getData(). */
  headline: (TodayFigure & { value: number; unit: string | null }) | null;
  /** The other short figures of getData(), at most a handful. */
  figures: TodayFigure[];
  /** Where the data holds dated numbers: a point per day. Null otherwise. */
  chart: TodayChart | null;
  /** The action run most often (else the first one): the card's one-tap entry. */
  quickAction: ModAction | null;
  /** Why the card could not be read (the skill failed, is disabled…); the rest of the card is then empty. */
  problem: Localized | null;
  /** When getData() ran (cards are cached for a few seconds). */
  readAt: string;
}

export interface TodayBoard {
  cards: TodayCard[];
  upcoming: UpcomingRun[];
  /** The newest few, read or not. */
  notifications: NotificationRecord[];
  unreadNotifications: number;
}
