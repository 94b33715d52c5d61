import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { normalizedUsername } from '@kinerja/identity';

/**
 * The client address as the login limits count it: an IPv4 address as it is (an IPv4-mapped IPv6
 * one as its IPv4), an IPv6 address by its /64 network — one subscriber's, whose device changes the
 * rest at will (privacy addresses), so that rotating them is not a new address each time — and
 * anything else (only a trusted proxy can have said it, `TRUST_PROXY`) as a short hash, never its
 * text: bounded, the same for the same value, harmless in a Redis key. Parsed with ipaddr.js, which
 * Express's `trust proxy` (proxy-addr) reads the addresses with.
 */
export function countedAddress(address: string): string {
  const parsed = parsedAddress(address);
  if (parsed === null) return `invalid:${shortHash(address)}`;
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}

/** The address as a log line shows it: a valid one as it is, anything else cut to 64 printable characters. */
export function loggedAddress(address: string): string {
  if (parsedAddress(address) !== null) return address;
  return address.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}

/**
 * A name tried at login as the security log shows it: a possible username as it is; anything else
 * — often a password typed into the wrong field — as a short hash that still ties repeated attempts
 * together, never its text.
 */
export function loggedUsername(username: string): string {
  const name = normalizedUsername(username);
  return /^[a-z0-9._-]{3,64}$/.test(name) ? name : `invalid:${shortHash(username)}`;
}

/** An IPv4 or IPv6 address written in full (ipaddr.js would also take `1` or `0x7f.1` as IPv4), its zone aside; else null. */
function parsedAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const withoutZone = address.split('%')[0];
  if (ipaddr.IPv4.isValidFourPartDecimal(withoutZone)) return ipaddr.IPv4.parse(withoutZone);
  return withoutZone.includes(':') && ipaddr.IPv6.isValid(withoutZone) ? ipaddr.IPv6.parse(withoutZone) : null;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
