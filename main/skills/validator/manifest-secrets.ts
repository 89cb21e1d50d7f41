// The secrets a manifest declares (issue 11 §1): values the owner enters in the skill's settings,
// which the engine writes into a request in place of `{{secret:NAME}}` only when the request goes
// to one of the hosts listed with the secret. The threat is a skill that gets the owner to paste a
// key meant for one service and sends it to another, or that words its secrets so the disclosure
// misleads. Contract, and why each limit exists:
// - every host of a secret is one of the skill's HTTP capabilities: the owner approves both
//   together, and a secret bound to a host the skill may not reach would be a promise nobody keeps;
// - names follow SECRET_NAME and are unique, so a placeholder names exactly one secret;
// - at most MAX_SECRETS: each is a line in the disclosure and a field in the settings form, and
//   more would bury the ones that matter (a real skill needs one or two keys);
// - title ≤ 80 and description ≤ 300 characters without control or formatting characters: the
//   title is quoted in the disclosure, whose plain text has one line per item, so a line break or a
//   bidirectional control in it could forge or disguise an item;
// - a `config_schema` property marked `writeOnly: true` or `format: "secret"` is such a secret: it
//   needs an entry of the same name (that is where its hosts come from), no `default` (a key shipped
//   with the skill is not the owner's and would sit in clear text in the version), and it must be a
//   top-level property, the only kind the settings store seals.
import type { Localized } from '../../../shared/i18n-types.ts';
import { SECRET_NAME } from '../../../shared/skills/http-capability.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { FindingSink, Where } from './findings.ts';

const MAX_SECRETS = 16;
const MAX_TITLE = 80;
const MAX_DESCRIPTION = 300;
const SECRET_FIELDS = new Set(['name', 'hosts', 'title', 'description']);
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
// Keywords whose values are data, not schemas: a `writeOnly` inside a default value marks nothing.
const DATA_KEYWORDS = new Set(['default', 'const', 'enum', 'examples']);

/** Secret name → the HTTP capabilities it may be sent to. */
export type SecretHosts = ReadonlyMap<string, readonly string[]>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortText(value: unknown, limit: number): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() !== '' && value.length <= limit && !CONTROL_OR_FORMAT.test(value));
}

/** Why one `secrets` entry is malformed, or null. */
function entryProblem(entry: unknown): Localized | null {
  if (!isObject(entry)) return { en: 'it must be an object with “name” and “hosts”.', pl: 'musi być obiektem z polami „name” i „hosts”.' };
  const unknown = Object.keys(entry).find((key) => !SECRET_FIELDS.has(key));
  if (unknown !== undefined) {
    const key = unknown.slice(0, 40);
    return { en: `“${key}” is not a field of a secret (name, hosts, title, description).`, pl: `„${key}” nie jest polem sekretu (name, hosts, title, description).` };
  }
  if (typeof entry.name !== 'string' || !SECRET_NAME.test(entry.name)) {
    return {
      en: '“name” must start with a letter and hold only letters, digits and _ (at most 64 characters), e.g. OPENWEATHER_KEY.',
      pl: '„name” musi zaczynać się od litery i zawierać tylko litery, cyfry i _ (najwyżej 64 znaki), np. OPENWEATHER_KEY.',
    };
  }
  if (!Array.isArray(entry.hosts) || entry.hosts.length === 0 || !entry.hosts.every((host) => typeof host === 'string')) {
    return {
      en: '“hosts” must be a non-empty list of hosts from capabilities.http.',
      pl: '„hosts” musi być niepustą listą hostów z capabilities.http.',
    };
  }
  if (!shortText(entry.title, MAX_TITLE)) {
    return {
      en: `“title” must be non-empty text of at most ${MAX_TITLE} characters on one line, without control characters.`,
      pl: `„title” musi być niepustym, jednowierszowym tekstem o długości najwyżej ${MAX_TITLE} znaków, bez znaków sterujących.`,
    };
  }
  if (!shortText(entry.description, MAX_DESCRIPTION)) {
    return {
      en: `“description” must be non-empty text of at most ${MAX_DESCRIPTION} characters on one line, without control characters.`,
      pl: `„description” musi być niepustym, jednowierszowym tekstem o długości najwyżej ${MAX_DESCRIPTION} znaków, bez znaków sterujących.`,
    };
  }
  return null;
}

/** The top-level `config_schema` properties marked as secrets, reporting secret marks anywhere else. */
function secretProperties(schema: unknown, anchor: Where, sink: FindingSink): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const visit = (value: unknown, path: string, topLevelName: string | null): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}/${index}`, null));
      return;
    }
    if (!isObject(value)) return;
    if (value.writeOnly === true || value.format === 'secret') {
      if (topLevelName === null) sink.add('schema/nested-secret', anchor, path.slice(0, 120));
      else found.set(topLevelName, value);
    }
    for (const [key, inner] of Object.entries(value)) {
      if (DATA_KEYWORDS.has(key)) continue;
      if (path === '#' && key === 'properties' && isObject(inner)) {
        for (const [name, property] of Object.entries(inner)) visit(property, `#/properties/${name}`, name);
      } else {
        visit(inner, `${path}/${key}`, null);
      }
    }
  };
  visit(schema, '#', null);
  return found;
}

/**
 * Checks `manifest.secrets` and the secrets marked in `config_schema` against the contract above.
 * `http` is the set of well-formed HTTP capabilities the manifest declares. Returns the hosts of
 * every secret with a usable name, so the code's placeholders can be held to them.
 */
export function checkSecrets(manifest: SkillManifest, http: ReadonlySet<string>, anchor: Where, sink: FindingSink): SecretHosts {
  const entries: unknown[] = manifest.secrets ?? [];
  if (entries.length > MAX_SECRETS) sink.add('manifest/too-many-secrets', anchor, entries.length, MAX_SECRETS);
  const hosts = new Map<string, readonly string[]>();
  entries.forEach((entry, index) => {
    const problem = entryProblem(entry);
    if (problem) sink.add('manifest/invalid-secret', anchor, index + 1, problem);
    if (!isObject(entry) || typeof entry.name !== 'string' || !SECRET_NAME.test(entry.name)) return;
    const name = entry.name;
    if (hosts.has(name)) {
      sink.add('manifest/duplicate-secret', anchor, name);
      return;
    }
    const bound = Array.isArray(entry.hosts) ? entry.hosts.filter((host): host is string => typeof host === 'string') : [];
    for (const host of bound) if (!http.has(host)) sink.add('manifest/secret-host-undeclared', anchor, name, host.slice(0, 120));
    hosts.set(name, bound);
  });
  for (const [name, property] of secretProperties(manifest.config_schema, anchor, sink)) {
    const shown = name.slice(0, 64);
    if (!hosts.has(name)) sink.add('schema/secret-not-declared', anchor, shown);
    if (Object.hasOwn(property, 'default')) sink.add('schema/secret-default', anchor, shown);
  }
  return hosts;
}
