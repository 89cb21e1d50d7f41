// One plain sentence per capability, in both languages, worded as in the seed's disclosure.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { DisclosureItem } from '../../../shared/skills/disclosure.ts';
import { isPlainHttp } from '../../../shared/skills/http-capability.ts';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import { isCapabilityName } from '../../../shared/skills/dependencies.ts';
import type { SkillCapabilities, SkillSecret } from '../../../shared/skills/manifest.ts';
import type { SkillTriggers } from '../../../shared/skills/triggers.ts';
import { triggerEntries, triggerText } from '../../../shared/skills/trigger-text.ts';
import { actionDisclosure } from '../actions/index.ts';
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

/**
 * Every capability in its words, then each manifest action with its policy (what runs without code,
 * who may run it, whether you are asked), then when actions run by themselves (schedules) and what
 * starts the skill by itself (triggers).
 */
export function capabilityItems(
  capabilities: SkillCapabilities, secrets: readonly SkillSecret[] = [], actions: readonly ManifestAction[] = [], schedules: readonly ScheduleSpec[] = [], triggers?: SkillTriggers,
): DisclosureItem[] {
  return [
    ...sorted(capabilities.reads).map((table): DisclosureItem => ({ kind: 'read', target: table, text: { en: `read ${table}`, pl: `Odczytywać ${table}` } })),
    ...sorted(capabilities.writes).map(
      (table): DisclosureItem => ({ kind: 'write', target: table, text: { en: `write new entries to ${table}`, pl: `Zapisywać nowe wpisy w ${table}` } }),
    ),
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
      return { kind: 'schedule', target: spec.action, text: { en: `run “${spec.action}” by itself ${when.en}`, pl: `Uruchamiać „${spec.action}” samodzielnie ${when.pl}` } };
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
