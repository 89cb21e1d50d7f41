// Which addresses a skill's request may connect to (the SSRF guard's verdict on each address).
//
// Threat: a skill approved for `api.example.com` must not reach this computer, the home network,
// the cloud's metadata service or anything else behind the owner's firewall — not through a name
// that resolves there (its own DNS, or one rebinding between our check and the connection), not
// through a literal in any spelling (2130706433, 0x7f.1, 0177.0.0.1 become 127.0.0.1 in the URL
// parser before we look), not through IPv6 forms that carry an IPv4 address.
//
// Contract: an address is allowed when ipaddr.js classes it `unicast` (public). Everything else is
// refused, each class with its name in the error: loopback, private (RFC 1918), link-local, carrier-
// grade NAT, multicast, unspecified, broadcast, reserved and documentation ranges, IPv6 unique-local,
// Teredo, discard, and the rest ipaddr.js names. IPv6 that carries an IPv4 address is judged by that
// address: IPv4-mapped (ipaddr.process), 6to4 (2002::/16) and NAT64 (64:ff9b::/96, which DNS64
// networks hand out for every IPv4-only host, so refusing it outright would break IPv6-only
// networks). The deprecated IPv4-compatible block (::/8 outside the above) is reserved, although
// ipaddr.js calls it unicast.
// Cloud metadata services are named on their own (some sit in public space, like Azure's
// 168.63.129.16) and, with unspecified, multicast and broadcast, are never allowed: those are never
// a device an owner means. Any other non-public address is allowed only when the owner allowed that
// exact address and port for this skill.
import ipaddr from 'ipaddr.js';
import type { LocalAllowance } from './http-call.ts';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Instance metadata, credentials and platform endpoints of the big clouds: a request there hands over the machine's identity. */
const CLOUD_METADATA = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean… instance metadata
  '169.254.170.2', // AWS ECS task credentials
  '169.254.169.123', // AWS time sync
  '169.254.169.253', // AWS DNS
  '168.63.129.16', // Azure WireServer (public space)
  '100.100.100.200', // Alibaba Cloud metadata
  '192.0.0.192', // Oracle Cloud metadata
  'fd00:ec2::254', // AWS metadata over IPv6
  'fd00:ec2::23', // AWS DNS over IPv6
  'fd00:ec2::123', // AWS time sync over IPv6
].map((text) => ipaddr.parse(text).toNormalizedString()));

type AddressClass = string;
const NEVER_ALLOWED: ReadonlySet<AddressClass> = new Set(['metadata', 'unspecified', 'multicast', 'broadcast']);

const CLASS_WORDS: Record<AddressClass, string> = {
  metadata: 'a cloud metadata address',
  loopback: 'a loopback address (this computer)',
  private: 'a private network address',
  uniqueLocal: 'a private network address (IPv6 unique local)',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  teredo: 'a Teredo tunnel address',
};

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/8');
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/** An address as the resolver or the URL gives it; null when it is no IP address. */
export function parseAddress(text: string): Address | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : null;
}

/** The IPv4 address an IPv6 address carries and is routed to (6to4, NAT64), if any. */
function carriedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const words = address.range() === '6to4' ? [parts[1]!, parts[2]!] : address.match(NAT64_WELL_KNOWN) ? [parts[6]!, parts[7]!] : null;
  return words === null ? null : new ipaddr.IPv4(words.flatMap((word) => [word >> 8, word & 0xff]));
}

function classOf(address: Address): AddressClass {
  if (CLOUD_METADATA.has(address.toNormalizedString())) return 'metadata';
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    const carried = carriedIPv4(v6);
    if (carried !== null) return classOf(carried);
    if (v6.range() === 'unicast' && v6.match(IPV4_COMPATIBLE)) return 'reserved';
  }
  const range = address.range();
  return range === 'unicast' ? 'public' : range;
}

export interface AddressRules {
  localAllowances: readonly LocalAllowance[];
  /** Test-only (HttpClientOptions.testing): loopback counts as public so tests can reach their own servers. */
  allowLoopback: boolean;
}

function isAllowedLocally(address: Address, port: number, allowances: readonly LocalAllowance[]): boolean {
  const normalized = address.toNormalizedString();
  return allowances.some((allowance) => allowance.port === port && parseAddress(allowance.address)?.toNormalizedString() === normalized);
}

/** Null when a request may connect to `address` on `port`, otherwise why not (e.g. "a private network address"). */
export function addressRefusal(address: string, port: number, rules: AddressRules): string | null {
  const parsed = parseAddress(address);
  if (parsed === null) return 'not an IP address';
  const kind = classOf(parsed);
  if (kind === 'public' || (kind === 'loopback' && rules.allowLoopback)) return null;
  if (!NEVER_ALLOWED.has(kind) && isAllowedLocally(parsed, port, rules.localAllowances)) return null;
  return CLASS_WORDS[kind] ?? `a non-public address (${kind})`;
}

/** `localhost` and `*.localhost` mean this computer whatever DNS answers (RFC 6761 §6.3): refused without asking. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The address in the form a socket takes (IPv4-mapped IPv6 as plain IPv4). */
export function connectableAddress(address: string): { address: string; family: 4 | 6 } {
  const parsed = parseAddress(address)!;
  return parsed.kind() === 'ipv4' ? { address: parsed.toString(), family: 4 } : { address: address.replace(/^\[|\]$/g, ''), family: 6 };
}
