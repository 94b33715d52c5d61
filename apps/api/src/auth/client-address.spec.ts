import { countedAddress, loggedAddress, loggedUsername } from './client-address';

describe('the client address the login limits count', () => {
  it('given an IPv4 address, or one mapped into IPv6, then the IPv4 address', () => {
    expect(countedAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(countedAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('given IPv6 addresses of one /64 (a device rotating its privacy addresses), then one address', () => {
    const a = countedAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(countedAddress('2001:0db8:0001:0002::1')).toBe(a);
    expect(countedAddress('2001:db8:1:3::1')).not.toBe(a);
    expect(countedAddress('::1')).toBe('0:0:0:0::/64');
    expect(countedAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('given something that is no address (said by a trusted proxy), then a short hash of it, never its text', () => {
    const long = 'x'.repeat(3000);
    expect(countedAddress('not-an-ip')).toMatch(/^invalid:[0-9a-f]{16}$/);
    expect(countedAddress('evil\r\nX: y')).toMatch(/^invalid:[0-9a-f]{16}$/);
    expect(countedAddress(long)).toBe(countedAddress(long));
    expect(countedAddress(long)).not.toBe(countedAddress('not-an-ip'));
  });

  it('logs a valid address as it is, anything else printable and at most 64 characters', () => {
    expect(loggedAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(loggedAddress('evil\r\nX: y')).toBe('evil??X: y');
    expect(loggedAddress('y'.repeat(3000))).toHaveLength(64);
  });
});

describe('the name tried at login, as the security log shows it', () => {
  it('given a possible username, then it; given anything else (a password in the wrong field), then a hash', () => {
    expect(loggedUsername(' Kasubbag.PDI ')).toBe('kasubbag.pdi');
    expect(loggedUsername('Secret-Pass-Typed-In-User!')).toMatch(/^invalid:[0-9a-f]{16}$/);
    expect(loggedUsername('Secret-Pass-Typed-In-User!')).toBe(loggedUsername('Secret-Pass-Typed-In-User!'));
  });
});
