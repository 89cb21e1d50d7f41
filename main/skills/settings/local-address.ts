// The local-address allowance's guard (issue 11 §1, last SSRF bullet).
//
// Contract: `checkLocalAllowance(address, port)` answers the normalised address and port the owner
// may let one skill reach, or why not. The HTTP guard refuses every non-public address; an
// allowance lifts that for exactly one address and port of one skill (a home-automation box at
// 192.168.1.20:8123), so it widens what a hostile skill can reach. What may be allowed is therefore
// a short list of address classes where a device of the owner's lives, and nothing else:
//   - IPv4 private (10/8, 172.16/12, 192.168/16), loopback, link-local, CGNAT (100.64/10);
//   - IPv6 unique-local (fc00::/7), link-local, loopback.
// Refused, each with its own reason:
//   - public addresses: they need no allowance (the skill's approved HTTP capability covers them);
//   - unspecified (0.0.0.0, ::), broadcast and multicast: not one device, so "one address" would
//     not hold;
//   - cloud-metadata endpoints (169.254.169.254, fd00:ec2::254, 100.100.100.200): they hand out
//     the machine's cloud credentials, the classic SSRF prize, although they sit in allowed classes;
//   - anything else (reserved, documentation, tunnels that embed another address): not a place a
//     device of the owner's lives.
// Addresses are parsed and classified by ipaddr.js, never by hand. IPv4 must be written in the
// usual four decimal parts: 0x7f.1 or 3232235796 name an address too, but such spellings are how
// guards get fooled and an owner never needs them. IPv4-mapped IPv6 (::ffff:192.168.1.20) is
// normalised to its IPv4 form, so one device has one allowance. Zone ids (fe80::1%eth0) are refused:
// the guard connects by address, and a zone would make one address name several devices.
import ipaddr from 'ipaddr.js';
import type { Localized } from '../../../shared/i18n-types.ts';

const ALLOWED_RANGES: Readonly<Record<'ipv4' | 'ipv6', readonly string[]>> = {
  ipv4: ['private', 'loopback', 'linkLocal', 'carrierGradeNat'],
  ipv6: ['uniqueLocal', 'linkLocal', 'loopback'],
};

const CLOUD_METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'].map((text) => ipaddr.parse(text).toString());

export type AllowanceCheck = { ok: true; address: string; port: number } | { ok: false; reason: string; message: Localized };

const refuse = (reason: string, message: Localized): AllowanceCheck => ({ ok: false, reason, message });

/** `192.168.1.20:8123`, `[fd00::20]:8123`: how an allowance is written for people. */
export function formatAllowance(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** `IP:PORT` (IPv6 in brackets) as the CLI takes it; null when it is not written that way. */
export function parseAllowanceText(text: string): { address: string; port: string } | null {
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:[\]]+):(\d+)$/.exec(text);
  return match ? { address: match[1]!, port: match[2]! } : null;
}

export function checkLocalAllowance(addressText: unknown, portValue: unknown): AllowanceCheck {
  const port = typeof portValue === 'string' && /^\d{1,5}$/.test(portValue) ? Number(portValue) : portValue;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
    return refuse('bad-port', { en: 'The port must be a whole number from 1 to 65535.', pl: 'Port musi być liczbą całkowitą od 1 do 65535.' });
  }
  const text = typeof addressText === 'string' ? addressText.trim().replace(/^\[(.*)\]$/, '$1') : '';
  const written = text.length > 0 && text.length <= 45 && !text.includes('%') && (ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text));
  if (!written) {
    const shown = String(addressText).slice(0, 60);
    return refuse('bad-address', {
      en: `“${shown}” is not an IP address written in the usual way (four decimal parts like 192.168.1.20, or IPv6 like fd00::20, without a zone).`,
      pl: `„${shown}” nie jest adresem IP zapisanym w zwykły sposób (cztery liczby dziesiętne, np. 192.168.1.20, albo IPv6, np. fd00::20, bez strefy).`,
    });
  }
  const parsed = ipaddr.process(text);
  const address = parsed.toString();
  if (CLOUD_METADATA.includes(address)) {
    return refuse('cloud-metadata', {
      en: `${address} is a cloud metadata service: it hands out the machine’s credentials, so no skill may reach it.`,
      pl: `${address} to usługa metadanych chmury: wydaje poświadczenia maszyny, więc żaden skill nie może się z nią łączyć.`,
    });
  }
  const range = parsed.range();
  if (range === 'unicast') {
    return refuse('public-address', {
      en: `${address} is a public address: it needs no allowance. A skill reaches public hosts through the HTTP capabilities you approved.`,
      pl: `${address} to adres publiczny: nie potrzebuje zezwolenia. Skill łączy się z publicznymi hostami przez zatwierdzone przez ciebie możliwości HTTP.`,
    });
  }
  if (range === 'unspecified' || range === 'broadcast' || range === 'multicast') {
    return refuse('not-one-device', {
      en: `${address} is a ${range} address: it does not name one device, so it cannot be allowed.`,
      pl: `${address} to adres typu ${range}: nie wskazuje jednego urządzenia, więc nie można na niego zezwolić.`,
    });
  }
  if (!ALLOWED_RANGES[parsed.kind()].includes(range)) {
    return refuse('not-local', {
      en: `${address} (${range}) is not an address of your local network or this computer, so it cannot be allowed.`,
      pl: `${address} (${range}) nie jest adresem twojej sieci lokalnej ani tego komputera, więc nie można na niego zezwolić.`,
    });
  }
  return { ok: true, address, port };
}
