// How a skill's HTTP capability is written, in the manifest, the audit, the disclosure and the
// guard alike, so all four compare the same text:
//   api.example.com            HTTPS on port 443
//   api.example.com:8443       HTTPS on another port
//   http://192.168.1.20:8123   plain HTTP (unencrypted: the disclosure says so and rates it high risk)
// Host names are lower case; IPv6 literals keep their brackets. Default ports are never written.
export type HttpScheme = 'https' | 'http';

export interface HttpOrigin {
  scheme: HttpScheme;
  /** Lower-case name or IP literal (IPv6 in brackets), as URL.hostname gives it. */
  hostname: string;
  port: number;
}

const DEFAULT_PORTS: Record<HttpScheme, number> = { https: 443, http: 80 };

/** The capability a URL needs, or null when it is not an absolute http(s) URL with a host. */
export function httpCapabilityOf(url: URL): string | null {
  const scheme = url.protocol === 'https:' ? 'https' : url.protocol === 'http:' ? 'http' : null;
  if (scheme === null || url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return scheme === 'https' ? url.host : `http://${url.host}`;
}

/** The origin a capability entry names, or null when the entry is not written as above. */
export function parseHttpCapability(entry: string): HttpOrigin | null {
  if (typeof entry !== 'string' || entry.length === 0 || entry.length > 300) return null;
  const url = URL.parse(entry.startsWith('http://') ? entry : `https://${entry}`);
  if (!url || url.pathname !== '/' || url.search !== '' || url.hash !== '') return null;
  if (httpCapabilityOf(url) !== entry) return null;
  const scheme: HttpScheme = url.protocol === 'http:' ? 'http' : 'https';
  return { scheme, hostname: url.hostname, port: url.port === '' ? DEFAULT_PORTS[scheme] : Number(url.port) };
}

/** Whether the capability sends data unencrypted. */
export function isPlainHttp(entry: string): boolean {
  return entry.startsWith('http://');
}

/** `{{secret:NAME}}` in a URL, header or body: the engine puts the owner's value in, only for the secret's hosts. */
export const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const SECRET_PLACEHOLDER = /\{\{secret:([A-Za-z][A-Za-z0-9_]{0,63})\}\}/g;

/** The secret names a text refers to, in order of first use. */
export function secretPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(SECRET_PLACEHOLDER)].map((match) => match[1]!))];
}
