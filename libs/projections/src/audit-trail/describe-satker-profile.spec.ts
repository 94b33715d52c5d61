import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const IDENTITY = 'identity:dinkes-kab-kupang';
const fieldsOf = (changes: Array<{ field: string; before: string | null; after: string | null }>) => changes.map((c) => [c.field, c.before, c.after]);

describe('the audit trail in words: an office profile for the LKj changed, with its values before', () => {
  it('given no profile yet, when a Dinas is described, then each field set is named in Indonesian with nothing before, the kind before being KPU', () => {
    const { row } = describeEvent(recorded('SatkerProfileChanged', {
      code: 'dinkes-kab-kupang', version: 1, reason: 'Peraturan Bupati tentang susunan organisasi',
      changes: {
        institutionKind: 'LAINNYA', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang', signingPlace: 'Oelamasi', tasks: ['Urusan kesehatan;', 'Tugas pembantuan.'],
        subbagian: [{ code: 'UMPEG', duties: ['Mengelola kepegawaian.'] }], staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [12, 30] }] },
      },
    }, IDENTITY), new AuditTrailState());
    expect(row).toMatchObject({
      subjectKind: 'IDENTITAS', reason: 'Peraturan Bupati tentang susunan organisasi',
      summary: 'Mengubah profil satker dinkes-kab-kupang untuk Laporan Kinerja (versi 1): jenis instansi, jabatan pimpinan, tempat penandatanganan, tugas, tabel SDM, tugas subbagian UMPEG.',
    });
    expect(fieldsOf(row.changes)).toEqual([
      ['jenis instansi', 'KPU', 'instansi lain (bukan KPU)'],
      ['jabatan pimpinan', null, 'Kepala Dinas Kesehatan Kabupaten Kupang'],
      ['tempat penandatanganan', null, 'Oelamasi'],
      ['tugas', null, '1. Urusan kesehatan; 2. Tugas pembantuan.'],
      ['tabel SDM', null, 'PNS: D3 12, S1 30'],
      ['tugas subbagian UMPEG', null, '1. Mengelola kepegawaian.'],
    ]);
  });

  it('given a profile set before, when changed again, then the before is the value of the last change, a removed one shown as nothing', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('SatkerProfileChanged', { code: 'dinkes-kab-kupang', version: 1, changes: { signingPlace: 'Oelamasi', subbagian: [{ code: 'UMPEG', duties: ['A.'] }] } }, IDENTITY), state);
    const { row } = describeEvent(recorded('SatkerProfileChanged', {
      code: 'dinkes-kab-kupang', version: 2, changes: { signingPlace: null, subbagian: [{ code: 'PROG', duties: ['B.'] }] },
    }, IDENTITY), state);
    expect(row.summary).toBe('Mengubah profil satker dinkes-kab-kupang untuk Laporan Kinerja (versi 2): tempat penandatanganan, tugas subbagian PROG, tugas subbagian UMPEG.');
    expect(row.reason).toBeNull();
    expect(fieldsOf(row.changes)).toEqual([
      ['tempat penandatanganan', 'Oelamasi', null],
      ['tugas subbagian PROG', null, '1. B.'],
      ['tugas subbagian UMPEG', '1. A.', null],
    ]);
  });
});
