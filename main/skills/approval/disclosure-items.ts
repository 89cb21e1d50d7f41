// One plain sentence per capability, in both languages, worded as in the seed's disclosure.
// Data is spoken of as the person's things, not as tables: with the manifest's label for the table
// ("read your water entries" / "Odczytywać Twoje wpisy o wypitej wodzie"), else as the person's
// entries in the skill ("read your entries in “Water Tracker”"). Every table a skill names is its
// own (the sandbox keeps each skill's rows apart), so a label can only word the skill's own data;
// the table's name stays in a details line, and without a label it is added to the sentence only to
// tell the skill's tables apart.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { DisclosureItem } from '../../../shared/skills/disclosure.ts';
import { isPlainHttp } from '../../../shared/skills/http-capability.ts';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import { isCapabilityName } from '../../../shared/skills/dependencies.ts';
import type { SkillCapabilities, SkillSecret } from '../../../shared/skills/manifest.ts';
import type { SkillTriggers } from '../../../shared/skills/triggers.ts';
import { triggerEntries, triggerText } from '../../../shared/skills/trigger-text.ts';
import { actionDisclosure, actionName } from '../actions/index.ts';
import type { ScheduleSpec } from '../../../shared/skills/schedules.ts';
import { scheduleWhen } from '../scheduler/schedule-text.ts';
import { machineZone } from '../scheduler/zoned-time.ts';

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** Everything either side allows: what a skill declares and what its code was found to use. */
export function unionCapabilities(a: SkillCapabilities, b: SkillCapabilities): SkillCapabilities {
  return {
    reads: sorted([...a.reads, ...b.reads]),
    writes: sorted([...a.writes, ...b.writes]),
    http: sorted([...a.http, ...b.http]),
    notifications: a.notifications || b.notifications,
    skills: sorted([...a.skills, ...b.skills]),
  };
}

function httpText(capability: string): Localized {
  return isPlainHttp(capability)
    ? {
      en: `send data unencrypted to ${capability} — anyone on the network path can read or change it`,
      pl: `Wysyłać dane bez szyfrowania do ${capability} — każdy na trasie połączenia może je odczytać lub zmienić`,
    }
    : { en: `send data to ${capability}`, pl: `Wysyłać dane do ${capability}` };
}

/** What the owner is asked to hand over: the secret's title when it has one, else its name. */
export function secretLabel(secret: SkillSecret): string {
  return secret.title ?? secret.name;
}

function secretText(secret: SkillSecret): Localized {
  const hosts = sorted(secret.hosts).join(', ');
  return {
    en: `use your ${secretLabel(secret)}, only with ${hosts}`,
    pl: `Używać Twojego sekretu „${secretLabel(secret)}”, tylko w połączeniach z ${hosts}`,
  };
}

/** What the items are worded from besides the capabilities; `updates` as the audit found them (absent: unknown). */
export interface ItemContext {
  /** The skill's name, as the owner sees it everywhere. */
  name: string;
  /** The manifest's words for its tables (`tableLabels`); a table without one is worded by the skill's name. */
  tableLabels?: Readonly<Record<string, Localized>> | undefined;
  updates?: readonly string[] | undefined;
  secrets?: readonly SkillSecret[] | undefined;
  actions?: readonly ManifestAction[] | undefined;
  schedules?: readonly ScheduleSpec[] | undefined;
  triggers?: SkillTriggers | undefined;
  /** In a comparison, every table of both versions: both then word a table alike, and only real changes differ. */
  tablesCompared?: readonly string[];
}

/** Every table either version names, for `tablesCompared`. */
export const tablesOf = (...all: SkillCapabilities[]) => sorted(all.flatMap((c) => [...c.reads, ...c.writes]));

/** "Water Tracker", or "Water Tracker" with the table's own words when the skill has several tables. */
function entriesIn(name: string, table: string, several: boolean): Localized {
  const words = table.replace(/^exo_/, '').replace(/_/g, ' ');
  return several ? { en: `“${name}” (${words})`, pl: `„${name}” (${words})` } : { en: `“${name}”`, pl: `„${name}”` };
}

/** What may be done with a table's entries, in words: with the manifest's label for it, or as entries in the skill. */
function dataTexts(table: string, context: ItemContext, several: boolean): { read: Localized; add: Localized; addAndChange: Localized } {
  const label = context.tableLabels?.[table];
  if (label) {
    return {
      read: { en: `read your ${label.en}`, pl: `Odczytywać Twoje ${label.pl}` },
      add: { en: `add new ${label.en}`, pl: `Dodawać nowe ${label.pl}` },
      addAndChange: { en: `add ${label.en} and change the ones already saved`, pl: `Dodawać ${label.pl} i zmieniać już zapisane` },
    };
  }
  const where = entriesIn(context.name, table, several);
  return {
    read: { en: `read your entries in ${where.en}`, pl: `Odczytywać Twoje wpisy w skillu ${where.pl}` },
    add: { en: `add new entries to ${where.en}`, pl: `Dodawać nowe wpisy do skilla ${where.pl}` },
    addAndChange: { en: `add entries to ${where.en} and change the ones already saved`, pl: `Dodawać wpisy do skilla ${where.pl} i zmieniać już zapisane` },
  };
}

const tableDetails = (table: string): Localized => ({ en: `table ${table}`, pl: `tabela ${table}` });

function dataItems(capabilities: SkillCapabilities, context: ItemContext): DisclosureItem[] {
  const several = (context.tablesCompared ?? tablesOf(capabilities)).length > 1;
  return [
    ...sorted(capabilities.reads).map((table): DisclosureItem => ({
      kind: 'read', target: table, details: tableDetails(table), text: dataTexts(table, context, several).read,
    })),
    ...sorted(capabilities.writes).map((table): DisclosureItem => {
      const texts = dataTexts(table, context, several);
      // Whether it changes saved entries is the audit's finding; without one, say it may.
      return { kind: 'write', target: table, details: tableDetails(table), text: context.updates?.includes(table) === false ? texts.add : texts.addAndChange };
    }),
  ];
}

/**
 * Every capability in its words, then each manifest action with its policy (what runs without code,
 * who may run it, whether you are asked), then when actions run by themselves (schedules) and what
 * starts the skill by itself (triggers).
 */
export function capabilityItems(capabilities: SkillCapabilities, context: ItemContext): DisclosureItem[] {
  const { secrets = [], actions = [], schedules = [], triggers } = context;
  return [
    ...dataItems(capabilities, context),
    ...sorted(capabilities.http).map((capability): DisclosureItem => ({ kind: 'http', target: capability, text: httpText(capability) })),
    ...[...secrets]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((secret): DisclosureItem => ({ kind: 'secret', target: secret.name, text: secretText(secret) })),
    ...(capabilities.notifications
      ? [{ kind: 'notify', target: null, text: { en: 'send you notifications', pl: 'Wysyłać Ci powiadomienia' } } satisfies DisclosureItem]
      : []),
    ...sorted(capabilities.skills).map((name): DisclosureItem => ({
      kind: 'skill',
      target: name,
      text: isCapabilityName(name)
        ? { en: `call the skill that provides ${name} (with that skill's own permissions)`, pl: `Wywoływać skill, który zapewnia ${name} (z jego własnymi uprawnieniami)` }
        : { en: `call the skill ${name}`, pl: `Wywoływać skill ${name}` },
    })),
    ...[...actions]
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map((action): DisclosureItem => ({ kind: 'action', target: action.slug, text: actionDisclosure(action) })),
    // "runs every day at 08:00, Europe/Warsaw": when an action runs by itself, as the scheduler will run it.
    ...schedules.map((spec): DisclosureItem => {
      const when = scheduleWhen(spec, spec.timezone ?? machineZone());
      const entry = actions.find((action) => action.slug === spec.action);
      const name = entry?.labels ? actionName(entry, spec.action) : { en: `“${spec.action}”`, pl: `„${spec.action}”` };
      return { kind: 'schedule', target: spec.action, text: { en: `run ${name.en} by itself ${when.en}`, pl: `Uruchamiać ${name.pl} samodzielnie ${when.pl}` } };
    }),
    ...triggerEntries(triggers).map((entry): DisclosureItem => ({ kind: 'trigger', target: entry.kind, text: triggerText(entry) })),
  ];
}

// The wording is part of the key: a secret whose title or hosts changed is a different item.
const itemKey = (item: DisclosureItem) => `${item.kind}:${item.target ?? ''}:${item.text.en}`;

/** Items in `from` that `other` lacks, in `from`'s order. */
export function itemsMissingFrom(from: DisclosureItem[], other: DisclosureItem[]): DisclosureItem[] {
  const present = new Set(other.map(itemKey));
  return from.filter((item) => !present.has(itemKey(item)));
}
