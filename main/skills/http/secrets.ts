// Host-bound secrets in requests. A skill writes `{{secret:NAME}}`; the owner's value goes in only
// here, on the way out, and only towards the hosts the manifest binds NAME to.
//
// Threat: skill code must never hold a value (it could send it anywhere it is approved for, or hide
// it in data), and an approved host must not receive a secret meant for another one — neither
// directly nor through a redirect. So:
// - every name used must be declared and bound to the request's origin, checked before any value is
//   read; an unset value refuses the call (a request with a hole in it would fail obscurely);
// - values are escaped for where they land: percent-encoded in the URL (they cannot change its
//   structure), JSON-string-escaped in a JSON body, form-encoded in a form body, as they are in
//   headers (a value a header cannot carry refuses the call);
// - on a redirect to another origin, headers that carried a secret not bound there are dropped,
//   and a body that carried one refuses the redirect (307/308 must resend it);
// - a URL the server sent (Location) is never filled in: a server could otherwise ask for secrets.
// Values are never put in an error or a record; the record hashes the body as the skill wrote it.
import { validateHeaderValue } from 'node:http';
import { SECRET_PLACEHOLDER, secretPlaceholders } from '../../../shared/skills/http-capability.ts';
import { HttpRefusal } from './refusal.ts';

export type SecretValues = ReadonlyMap<string, string>;

/** Throws unless every name is declared in the manifest and may go to `origin`. */
export function checkSecretBindings(names: readonly string[], origin: string, secretHosts: ReadonlyMap<string, readonly string[]>): void {
  for (const name of names) {
    const hosts = secretHosts.get(name);
    if (hosts === undefined) throw new HttpRefusal(`the secret ${name} is not declared in this skill's manifest`);
    if (!hosts.includes(origin)) throw new HttpRefusal(`the secret ${name} may not be sent to ${origin} (only to ${hosts.join(', ')})`);
  }
}

/** Whether every secret `text` refers to may go to `origin`. */
export function secretsBoundTo(text: string, origin: string, secretHosts: ReadonlyMap<string, readonly string[]>): boolean {
  return secretPlaceholders(text).every((name) => secretHosts.get(name)?.includes(origin) === true);
}

/** The owner's values, asked only after every check passed. */
export async function readSecretValues(names: readonly string[], secretValue: (name: string) => Promise<string | null>): Promise<SecretValues> {
  const values = new Map<string, string>();
  for (const name of names) {
    const value = await secretValue(name);
    if (value === null) throw new HttpRefusal(`the secret ${name} has no value yet: the owner can enter it in the skill's settings`);
    values.set(name, value);
  }
  return values;
}

function fill(text: string, values: SecretValues, escape: (value: string) => string): string {
  return text.replace(SECRET_PLACEHOLDER, (_placeholder, name: string) => escape(values.get(name)!));
}

/** The URL to send: values percent-encoded, so they cannot add a `/`, `?`, `#` or `@`. */
export function fillUrl(rawUrl: string, values: SecretValues): URL {
  const url = new URL(fill(rawUrl, values, encodeURIComponent));
  url.hash = '';
  return url;
}

export function fillHeader(name: string, value: string, values: SecretValues): string {
  const filled = fill(value, values, (secret) => secret);
  try {
    validateHeaderValue(name, filled);
  } catch {
    throw new HttpRefusal(`a secret in the header ${name} has characters a header cannot carry`);
  }
  return filled;
}

/** How a value written into a text body of this type is escaped: as a JSON string's content, a form field, or as it is. */
export function bodyEscaper(contentType: string | undefined): (value: string) => string {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json')
    ? (value: string) => JSON.stringify(value).slice(1, -1)
    : type === 'application/x-www-form-urlencoded'
      ? encodeURIComponent
      : (value: string) => value;
}

/** Escaped for the body's declared type (bodyEscaper). */
export function fillBody(body: string, contentType: string | undefined, values: SecretValues): string {
  return fill(body, values, bodyEscaper(contentType));
}
