// One plain sentence per capability, in both languages, worded as in the seed's disclosure.
import type { DisclosureItem } from '../../../shared/skills/disclosure.ts';
import type { SkillCapabilities } from '../../../shared/skills/manifest.ts';

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

export function capabilityItems(capabilities: SkillCapabilities): DisclosureItem[] {
  return [
    ...sorted(capabilities.reads).map((table): DisclosureItem => ({ kind: 'read', target: table, text: { en: `read ${table}`, pl: `Odczytywać ${table}` } })),
    ...sorted(capabilities.writes).map(
      (table): DisclosureItem => ({ kind: 'write', target: table, text: { en: `write new entries to ${table}`, pl: `Zapisywać nowe wpisy w ${table}` } }),
    ),
    ...sorted(capabilities.http).map((host): DisclosureItem => ({ kind: 'http', target: host, text: { en: `send data to ${host}`, pl: `Wysyłać dane do ${host}` } })),
    ...(capabilities.notifications
      ? [{ kind: 'notify', target: null, text: { en: 'send you notifications', pl: 'Wysyłać Ci powiadomienia' } } satisfies DisclosureItem]
      : []),
    ...sorted(capabilities.skills).map((slug): DisclosureItem => ({ kind: 'skill', target: slug, text: { en: `call the skill ${slug}`, pl: `Wywoływać skill ${slug}` } })),
  ];
}

const itemKey = (item: DisclosureItem) => `${item.kind}:${item.target ?? ''}`;

/** Items in `from` that `other` lacks, in `from`'s order. */
export function itemsMissingFrom(from: DisclosureItem[], other: DisclosureItem[]): DisclosureItem[] {
  const present = new Set(other.map(itemKey));
  return from.filter((item) => !present.has(itemKey(item)));
}
