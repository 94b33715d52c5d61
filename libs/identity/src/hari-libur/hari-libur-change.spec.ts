import type { HariLibur } from '@kinerja/domain';
import { decideHariLiburChange } from './hari-libur-change';

const KEMERDEKAAN: HariLibur = { date: '2026-08-17', name: 'Hari Kemerdekaan RI', kind: 'LIBUR_NASIONAL' };
const CUTI_NATAL: HariLibur = { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'CUTI_BERSAMA' };
const NATAL: HariLibur = { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'LIBUR_NASIONAL' };
const in2026 = (version: number, holidays: HariLibur[]) => ({ version, holidays });

describe("a year's holiday list replaced: what the change records", () => {
  it('given a year never set, when a list is given, then HariLiburChanged version 1 adds every date, sorted', () => {
    const event = decideHariLiburChange(2026, in2026(0, []), [KEMERDEKAAN, CUTI_NATAL], undefined);
    expect(event).toEqual({ type: 'HariLiburChanged', data: { year: 2026, version: 1, added: [KEMERDEKAAN, CUTI_NATAL], removed: [], changed: [] } });
  });

  it('given the list in force, when the same list is sent again, then nothing is recorded, its reason included', () => {
    expect(decideHariLiburChange(2026, in2026(2, [KEMERDEKAAN, NATAL]), [KEMERDEKAAN, NATAL], 'Kirim ulang')).toBeNull();
  });

  it('given a list, when a date is dropped, one added and one renamed and re-kinded, then each is told with its before and after', () => {
    const event = decideHariLiburChange(
      2026,
      in2026(2, [KEMERDEKAAN, { ...CUTI_NATAL, name: 'Cuti Natal', kind: 'LIBUR_NASIONAL' }]),
      [CUTI_NATAL, NATAL],
      'Revisi SKB 3 Menteri',
    );
    expect(event?.data).toEqual({
      year: 2026,
      version: 3,
      added: [NATAL],
      removed: [KEMERDEKAAN],
      changed: [{ date: CUTI_NATAL.date, before: { name: 'Cuti Natal', kind: 'LIBUR_NASIONAL' }, after: { name: CUTI_NATAL.name, kind: 'CUTI_BERSAMA' } }],
      reason: 'Revisi SKB 3 Menteri',
    });
  });

  it('given the entries of a year as read (with who recorded them), when the list is cleared, then only the calendar fields are removed', () => {
    const recorded = { ...NATAL, recordedBy: { userId: 'u-1', fullName: 'Admin' }, recordedAt: '2026-01-02T03:00:00.000Z' };
    const event = decideHariLiburChange(2026, in2026(1, [recorded]), [], undefined);
    expect(event?.data).toEqual({ year: 2026, version: 2, added: [], removed: [NATAL], changed: [] });
    expect(event?.data).not.toHaveProperty('reason');
  });
});
