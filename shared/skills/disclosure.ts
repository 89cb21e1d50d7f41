// What the owner is told before approving a skill (seed stage 5): "Nowy skill 'Water Tracker'
// chce: Odczytywać exo_water_entries; Zapisywać nowe wpisy". Built in main, shown by the renderer.
import type { Localized } from '../i18n-types.ts';

export type RiskLevel = 'low' | 'medium' | 'high';

export type DisclosureItemKind = 'read' | 'write' | 'http' | 'secret' | 'notify' | 'skill' | 'action' | 'trigger' | 'schedule';

export interface DisclosureItem {
  kind: DisclosureItemKind;
  /**
   * The table, HTTP capability (a plain-HTTP one starts with `http://`: unencrypted), secret name,
   * skill slug, action slug or trigger kind (`onMessage`); null for notifications.
   */
  target: string | null;
  text: Localized;
  /** The technical name behind the plain words ("table exo_water_entries"), for a details line. */
  details?: Localized;
}

export interface DisclosureChanges {
  previousVersion: string;
  added: DisclosureItem[];
  removed: DisclosureItem[];
}

export interface Disclosure {
  slug: string;
  name: string;
  version: string;
  /** "New skill 'Water Tracker' wants to:" or, for an update, "… (new version 1.1.0) wants to:". */
  title: Localized;
  /** Everything the skill may do once approved, in a fixed order: reads, writes, HTTP, secrets, notifications, skills, actions, triggers. */
  items: DisclosureItem[];
  risk: { level: RiskLevel; reasons: Localized[] };
  /** The audit's warnings in plain words. */
  warnings: Localized[];
  /** Capabilities gained and lost since the version running now; null for a new skill. */
  changes: DisclosureChanges | null;
  /** The whole disclosure as plain text, e.g. for a notification or the command line. */
  text: Localized;
}
