import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The client address as the login limits count it: an IPv4 address as it is (an IPv4-mapped IPv6
 * one as its IPv4), an IPv6 address by its /64 network — one subscriber's, whose device changes the
 * rest at will (privacy addresses), so that rotating them is not a new address each time — and
 * anything else (only a trusted proxy can have said it, `TRUST_PROXY`) as a short hash, never its
 * text: bounded, the same for the same value, harmless in a Redis key.
 */
export function countedAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind === 6) return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
  return `invalid:${createHash('sha256').update(address).digest('hex').slice(0, 16)}`;
}

/** The address as a log line shows it: a valid one as it is, anything else cut to 64 printable characters. */
export function loggedAddress(address: string): string {
  if (isIP(address)) return address;
  return address.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}

/** The eight groups of an IPv6 address, each without leading zeros (`2001:db8:0:0:…`). */
function expandIpv6(address: string): string[] {
  const withoutZone = address.split('%')[0];
  // An embedded IPv4 tail (`::1.2.3.4`) is two groups.
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(withoutZone);
  const text = tail
    ? withoutZone.slice(0, -tail[1].length) + tail[1].split('.').map(Number).reduce<string[]>((groups, byte, i) => {
        if (i % 2 === 0) groups.push(byte.toString(16));
        else groups[groups.length - 1] = ((parseInt(groups[groups.length - 1], 16) << 8) | byte).toString(16);
        return groups;
      }, []).join(':')
    : withoutZone;
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const middle = rest !== undefined ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16).toString(16));
}

/**
 * A name tried at login as the security log shows it: a possible username as it is; anything else
 * — often a password typed into the wrong field — as a short hash that still ties repeated attempts
 * together, never its text.
 */
export function loggedUsername(username: string): string {
  const name = username.trim().toLowerCase();
  return /^[a-z0-9._-]{3,64}$/.test(name) ? name : `invalid:${createHash('sha256').update(username).digest('hex').slice(0, 16)}`;
}
