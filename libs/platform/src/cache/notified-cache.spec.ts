import { NotifiedCache } from './notified-cache';

interface Row {
  tokenVersion: number;
}

/** A database of one table whose reads can be held open, to interleave them with invalidations. */
function fakeDatabase() {
  const rows = new Map<string, Row>([['u-1', { tokenVersion: 1 }], ['u-2', { tokenVersion: 1 }]]);
  let reads = 0;
  let hold: Promise<void> | null = null;
  const load = async (id: string) => {
    reads += 1;
    const row = rows.get(id);
    const copy = row ? { ...row } : null;
    if (hold) await hold;
    return copy;
  };
  return { rows, load, reads: () => reads, holdReads: (p: Promise<void> | null) => (hold = p) };
}

describe('NotifiedCache', () => {
  let clock = 0;
  const options = { ttlMs: 1000, maxEntries: 10, now: () => clock };
  beforeEach(() => (clock = 0));

  it('reads the database every time until it is told that changes are announced', async () => {
    const db = fakeDatabase();
    const cache = new NotifiedCache(db.load, options);
    await cache.get('u-1');
    await cache.get('u-1');
    expect(db.reads()).toBe(2);
    cache.setLive(true);
    await cache.get('u-1');
    await cache.get('u-1');
    expect(db.reads()).toBe(3);
  });

  it('reads a user again after their invalidation, everyone after *, and all after the TTL', async () => {
    const db = fakeDatabase();
    const cache = new NotifiedCache(db.load, options);
    cache.setLive(true);
    await cache.get('u-1');
    await cache.get('u-2');
    db.rows.set('u-1', { tokenVersion: 2 });
    cache.invalidate('u-1');
    expect(await cache.get('u-1')).toEqual({ tokenVersion: 2 });
    await cache.get('u-2');
    expect(db.reads()).toBe(3);
    cache.invalidate('*');
    await cache.get('u-2');
    expect(db.reads()).toBe(4);
    clock = 1001;
    await cache.get('u-2');
    expect(db.reads()).toBe(5);
  });

  it('does not keep a read that overlapped an invalidation: it may predate the change', async () => {
    const db = fakeDatabase();
    const cache = new NotifiedCache(db.load, options);
    cache.setLive(true);
    let release!: () => void;
    db.holdReads(new Promise<void>((r) => (release = r)));
    const pending = cache.get('u-1');
    db.rows.set('u-1', { tokenVersion: 2 });
    cache.invalidate('u-1');
    release();
    expect(await pending).toEqual({ tokenVersion: 1 });
    db.holdReads(null);
    expect(await cache.get('u-1')).toEqual({ tokenVersion: 2 });
  });

  it('drops everything and stops serving when the announcements stop', async () => {
    const db = fakeDatabase();
    const cache = new NotifiedCache(db.load, options);
    cache.setLive(true);
    await cache.get('u-1');
    cache.setLive(false);
    expect(cache.size).toBe(0);
    db.rows.set('u-1', { tokenVersion: 3 });
    expect(await cache.get('u-1')).toEqual({ tokenVersion: 3 });
    expect(cache.size).toBe(0);
  });

  it('keeps no answer for a user who does not exist, and at most maxEntries users', async () => {
    const db = fakeDatabase();
    for (let i = 0; i < 20; i++) db.rows.set(`x-${i}`, { tokenVersion: 1 });
    const cache = new NotifiedCache(db.load, options);
    cache.setLive(true);
    expect(await cache.get('nobody')).toBeNull();
    expect(cache.size).toBe(0);
    for (let i = 0; i < 20; i++) await cache.get(`x-${i}`);
    expect(cache.size).toBe(10);
  });
});
