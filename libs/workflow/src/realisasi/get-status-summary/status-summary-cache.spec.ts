import { StatusSummaryCache, type DatedAnswer } from './status-summary-cache';

const NATIONAL = ['kpu-ri', 'kpu-prov-11', 'kpu-kab-1101'];
const PROVINCE = ['kpu-prov-11', 'kpu-kab-1101'];
const JAKARTA_8_APRIL = (zone: string) => (zone === 'Asia/Jakarta' ? '2024-04-08' : '?');

/** A computation that counts its runs and answers what it was told, on the dates of Jakarta it is given. */
function computation(days: Record<string, string> = { 'Asia/Jakarta': '2024-04-08' }) {
  let runs = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    get runs() {
      return runs;
    },
    release: () => release(),
    compute: (value: string, wait = false) => async (): Promise<DatedAnswer<string>> => {
      runs += 1;
      if (wait) await gate;
      return { value, days: new Map(Object.entries(days)) };
    },
  };
}

describe('StatusSummaryCache: one computation per scope, year, version and office-calendar day', () => {
  it('given four identical requests at once, when they ask, then one computation answers all four', async () => {
    const cache = new StatusSummaryCache<string>();
    const c = computation();
    const asked = [1, 2, 3, 4].map(() => cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, c.compute('national', true)));
    c.release();
    expect(await Promise.all(asked)).toEqual(['national', 'national', 'national', 'national']);
    expect(c.runs).toBe(1);
  });

  it('given a kept answer, when asked again at the same version and day, then it is not computed again', async () => {
    const cache = new StatusSummaryCache<string>();
    const c = computation();
    await cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, c.compute('first'));
    expect(await cache.answer([...NATIONAL].reverse(), 2024, 'v1', JAKARTA_8_APRIL, c.compute('second'))).toBe('first');
    expect(c.runs).toBe(1);
  });

  it('given a kept answer, when what it was made of changed (another version), then it is computed anew and replaces the kept one', async () => {
    const cache = new StatusSummaryCache<string>();
    const c = computation();
    await cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, c.compute('before the write'));
    expect(await cache.answer(NATIONAL, 2024, 'v2', JAKARTA_8_APRIL, c.compute('after the write'))).toBe('after the write');
    expect(await cache.answer(NATIONAL, 2024, 'v2', JAKARTA_8_APRIL, c.compute('again'))).toBe('after the write');
    expect(cache.size).toBe(1);
  });

  it('given a kept answer, when midnight has passed in one of its time zones, then it is computed anew', async () => {
    const cache = new StatusSummaryCache<string>();
    const c = computation({ 'Asia/Jakarta': '2024-04-08', 'Asia/Jayapura': '2024-04-08' });
    await cache.answer(NATIONAL, 2024, 'v1', () => '2024-04-08', c.compute('8 April'));
    // 22:30 in Jakarta is already 00:30 of the 9th in Jayapura: a deadline of the 8th has passed there.
    const at2230Jakarta = (zone: string) => (zone === 'Asia/Jayapura' ? '2024-04-09' : '2024-04-08');
    expect(await cache.answer(NATIONAL, 2024, 'v1', at2230Jakarta, c.compute('9 April in Jayapura'))).toBe('9 April in Jayapura');
    expect(c.runs).toBe(2);
  });

  it('given a running computation for the day before, when a request of the next day joins it, then it computes its own', async () => {
    const cache = new StatusSummaryCache<string>();
    const c = computation();
    const before = cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, c.compute('8 April', true));
    const after = cache.answer(NATIONAL, 2024, 'v1', () => '2024-04-09', c.compute('9 April'));
    c.release();
    expect(await before).toBe('8 April');
    expect(await after).toBe('9 April');
  });

  it('given two scopes or two years, when each asks at the same version, then neither gets the other\'s answer', async () => {
    const cache = new StatusSummaryCache<string>();
    const c = computation();
    await cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, c.compute('KPU RI 2024'));
    expect(await cache.answer(PROVINCE, 2024, 'v1', JAKARTA_8_APRIL, c.compute('provinsi 2024'))).toBe('provinsi 2024');
    expect(await cache.answer(NATIONAL, 2025, 'v1', JAKARTA_8_APRIL, c.compute('KPU RI 2025'))).toBe('KPU RI 2025');
    expect(await cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, c.compute('x'))).toBe('KPU RI 2024');
    expect(await cache.answer(PROVINCE, 2024, 'v1', JAKARTA_8_APRIL, c.compute('x'))).toBe('provinsi 2024');
  });

  it('given a computation that fails, when asked again, then the failure is not kept', async () => {
    const cache = new StatusSummaryCache<string>();
    const failing = async (): Promise<DatedAnswer<string>> => {
      throw new Error('connection lost');
    };
    await expect(cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, failing)).rejects.toThrow('connection lost');
    const c = computation();
    expect(await cache.answer(NATIONAL, 2024, 'v1', JAKARTA_8_APRIL, c.compute('recovered'))).toBe('recovered');
  });

  it('given more scopes than it keeps, when one more is asked, then the least recently used is dropped', async () => {
    const cache = new StatusSummaryCache<string>(2);
    const c = computation();
    await cache.answer(['a'], 2024, 'v1', JAKARTA_8_APRIL, c.compute('a'));
    await cache.answer(['b'], 2024, 'v1', JAKARTA_8_APRIL, c.compute('b'));
    await cache.answer(['a'], 2024, 'v1', JAKARTA_8_APRIL, c.compute('a again'));
    await cache.answer(['c'], 2024, 'v1', JAKARTA_8_APRIL, c.compute('c'));
    expect(cache.size).toBe(2);
    expect(await cache.answer(['a'], 2024, 'v1', JAKARTA_8_APRIL, c.compute('a recomputed'))).toBe('a');
    expect(await cache.answer(['b'], 2024, 'v1', JAKARTA_8_APRIL, c.compute('b recomputed'))).toBe('b recomputed');
  });
});
