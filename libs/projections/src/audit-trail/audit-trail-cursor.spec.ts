import { decodeAcrossCursor, decodeCursor, encodeAcrossCursor, encodeCursor, listingOf } from './audit-trail.query';

describe('an audit trail cursor is bound to the listing that issued it', () => {
  it('given the same office, filters and order, when written in another order of names, then the listing is the same', () => {
    const a = listingOf('across', ['kpu-b', 'kpu-a'], { eventTypes: ['RealisasiApproved', 'RealisasiDraftSaved'], year: 2024 }, 'asc');
    const b = listingOf('across', ['kpu-a', 'kpu-b', 'kpu-a'], { year: 2024, eventTypes: ['RealisasiDraftSaved', 'RealisasiApproved'] }, 'asc');
    expect(a).toBe(b);
  });

  it('given another office, route, order or filter, then the listing differs', () => {
    const base = listingOf('office', ['kpu-a'], { month: 3 }, 'asc');
    expect(new Set([
      base,
      listingOf('office', ['kpu-b'], { month: 3 }, 'asc'),
      listingOf('across', ['kpu-a'], { month: 3 }, 'asc'),
      listingOf('office', ['kpu-a'], { month: 3 }, 'desc'),
      listingOf('office', ['kpu-a'], { month: 4 }, 'asc'),
      listingOf('office', ['kpu-a'], { month: 3, role: 'KASUBBAG' }, 'asc'),
      listingOf('office', ['kpu-a'], { month: 3, from: new Date('2024-03-01T00:00:00Z') }, 'asc'),
    ]).size).toBe(7);
  });

  it('given the longest office code Kinerja takes, when a cursor is issued, then it fits the 200 characters the routes accept', () => {
    // Office codes are 2–64 characters (SATKER_CODE_PATTERN); the routes take a cursor of at most 200.
    const office = 'k'.repeat(64);
    const listing = listingOf('across', [office], { year: 2024 }, 'desc');
    const across = encodeAcrossCursor({ recordedAt: '2024-12-31T23:59:59.999Z', satker: office, sequence: 99_999_999, order: 'desc', listing });
    const one = encodeCursor(Number.MAX_SAFE_INTEGER, 'desc', listing);
    expect(across.length).toBeLessThanOrEqual(200);
    expect(one.length).toBeLessThanOrEqual(200);
    expect(decodeAcrossCursor(across)).toEqual({ recordedAt: '2024-12-31T23:59:59.999Z', satker: office, sequence: 99_999_999, order: 'desc', listing });
    expect(decodeCursor(one)).toEqual({ sequence: Number.MAX_SAFE_INTEGER, order: 'desc', listing });
  });

  it('given an empty cursor or one without its listing, then it is refused as not issued by the route', () => {
    const old = Buffer.from(JSON.stringify({ s: 3, o: 'asc' })).toString('base64url');
    for (const cursor of ['', old]) {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_CURSOR' }));
      expect(() => decodeAcrossCursor(cursor)).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_CURSOR' }));
    }
  });
});
