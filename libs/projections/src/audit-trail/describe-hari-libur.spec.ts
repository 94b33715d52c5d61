import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const ROOT_IDENTITY = 'identity:kpu-a';
const KEMERDEKAAN = { date: '2026-08-17', name: 'Hari Kemerdekaan RI', kind: 'LIBUR_NASIONAL' };
const CUTI_NATAL = { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'CUTI_BERSAMA' };
const fieldsOf = (changes: Array<{ field: string; before: string | null; after: string | null }>) => changes.map((c) => [c.field, c.before, c.after]);

describe('the audit trail in words: the holiday calendar of a year changed', () => {
  it('given a first list with a reason, when described, then it is "ditetapkan", each date in words, the reason as alasan and the year as the row\'s', () => {
    const data = { year: 2026, version: 1, added: [KEMERDEKAAN, CUTI_NATAL], removed: [], changed: [], reason: 'SKB 3 Menteri 2026' };
    const { row } = describeEvent(recorded('HariLiburChanged', data, ROOT_IDENTITY), new AuditTrailState());
    expect(row).toMatchObject({
      subjectKind: 'IDENTITAS',
      year: 2026,
      reason: 'SKB 3 Menteri 2026',
      summary: 'Hari libur tahun 2026 ditetapkan (versi 1): ditambah 17 Agustus 2026 (Hari Kemerdekaan RI, libur nasional), '
        + '24 Desember 2026 (Cuti Bersama Hari Raya Natal, cuti bersama).',
    });
    expect(fieldsOf(row.changes)).toEqual([
      ['hari libur 17 Agustus 2026', null, 'Hari Kemerdekaan RI, libur nasional'],
      ['hari libur 24 Desember 2026', null, 'Cuti Bersama Hari Raya Natal, cuti bersama'],
    ]);
  });

  it('given a later list, when described, then it tells what was added, removed and renamed or re-kinded, in date order', () => {
    const data = {
      year: 2026,
      version: 3,
      added: [{ date: '2026-12-25', name: 'Hari Raya Natal', kind: 'LIBUR_NASIONAL' }],
      removed: [KEMERDEKAAN],
      changed: [
        { date: '2026-03-20', before: { name: 'Idul Fitri', kind: 'LIBUR_NASIONAL' }, after: { name: 'Hari Raya Idul Fitri 1447 H', kind: 'LIBUR_NASIONAL' } },
        { date: '2026-12-24', before: { name: CUTI_NATAL.name, kind: 'LIBUR_NASIONAL' }, after: { name: CUTI_NATAL.name, kind: 'CUTI_BERSAMA' } },
      ],
    };
    const { row } = describeEvent(recorded('HariLiburChanged', data, ROOT_IDENTITY), new AuditTrailState());
    expect(row.summary).toBe(
      'Hari libur tahun 2026 diubah (versi 3): ditambah 25 Desember 2026 (Hari Raya Natal, libur nasional); '
        + 'dihapus 17 Agustus 2026 (Hari Kemerdekaan RI, libur nasional); '
        + 'diubah 20 Maret 2026 (nama Idul Fitri → Hari Raya Idul Fitri 1447 H), 24 Desember 2026 (jenis libur nasional → cuti bersama).',
    );
    expect(row.reason).toBeNull();
    expect(fieldsOf(row.changes)).toEqual([
      ['hari libur 20 Maret 2026', 'Idul Fitri, libur nasional', 'Hari Raya Idul Fitri 1447 H, libur nasional'],
      ['hari libur 17 Agustus 2026', 'Hari Kemerdekaan RI, libur nasional', null],
      ['hari libur 24 Desember 2026', 'Cuti Bersama Hari Raya Natal, libur nasional', 'Cuti Bersama Hari Raya Natal, cuti bersama'],
      ['hari libur 25 Desember 2026', null, 'Hari Raya Natal, libur nasional'],
    ]);
  });

  it('given a list cleared, when described, then every date it held is told as removed', () => {
    const { row } = describeEvent(recorded('HariLiburChanged', { year: 2026, version: 4, added: [], removed: [KEMERDEKAAN], changed: [] }, ROOT_IDENTITY), new AuditTrailState());
    expect(row.summary).toBe('Hari libur tahun 2026 diubah (versi 4): dihapus 17 Agustus 2026 (Hari Kemerdekaan RI, libur nasional).');
  });
});
