import { JEMBER_OFFICE, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import type { OfficeProfileInput } from '../model/lkj-input.types';
import { blocksOf, sectionOf, textsOf } from '../testing/document-blocks';

type Model = ReturnType<typeof buildLkjModel>;

/** A Dinas's LKj: the office as the job hands it over for an office of kind LAINNYA. */
function lkjOf(office: Partial<OfficeProfileInput>, place: string | null = 'Oelamasi'): Model {
  return buildLkjModel(jember2024LkjInput({
    office: {
      ...JEMBER_OFFICE, code: 'dinkes-kab-kupang', name: 'Dinas Kesehatan Kabupaten Kupang', kind: 'LAINNYA', shortName: 'Dinas Kesehatan Kabupaten Kupang',
      institutionName: 'Dinas Kesehatan Kabupaten Kupang', region: '', ketua: '', tasks: [], functions: [], subbagian: [], ...office,
    },
    signing: { place, date: '2026-12-08' },
    producedAt: '2026-12-08T05:00:00Z',
  }));
}
const signature = (model: Model) => blocksOf(model).find((b) => b.kind === 'signature');
const cover = (model: Model) => blocksOf(model).slice(0, blocksOf(model).findIndex((b) => b.kind === 'heading')).flatMap((b) => (b.kind === 'title' ? [b.text] : []));
const KPU_WORDS = /Komisi Pemilihan Umum|KPU|Pemilu|Sekretariat dipimpin|kewenangan dan kewajiban/;

describe('another government office is named, tasked and signed in its own words, never KPU\'s', () => {
  it('given a head\'s title naming the institution, then the signature prints it alone, with the town and the head\'s name', () => {
    const model = lkjOf({ headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang', ketua: 'dr. Maria Yasinta Kono, M.Kes' });
    expect(signature(model)).toEqual({
      kind: 'signature', lines: ['Oelamasi, 8 Desember 2026', 'KEPALA DINAS KESEHATAN KABUPATEN KUPANG'], name: 'DR. MARIA YASINTA KONO, M.KES',
    });
    expect(model.office).toMatchObject({ kind: 'LAINNYA', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' });
    // A KPU office given neither keeps its model (and so its digest) and its signature as before.
    const kpu = buildLkjModel(jember2024LkjInput());
    expect('kind' in kpu.office || 'headTitle' in kpu.office).toBe(false);
    expect(signature(kpu)).toMatchObject({ lines: ['Jember, 17 Januari 2025', 'KOMISI PEMILIHAN UMUM KABUPATEN JEMBER', 'KETUA'], name: 'DESI ANGGRAENI, SH.MH' });
  });

  it('given a title that does not name it, then the institution line stands above the title', () => {
    expect(signature(lkjOf({ headTitle: 'Kepala Dinas', ketua: 'Yohanes Bana' }))).toMatchObject({
      lines: ['Oelamasi, 8 Desember 2026', 'DINAS KESEHATAN KABUPATEN KUPANG', 'KEPALA DINAS'], name: 'YOHANES BANA',
    });
  });

  it('given nobody holds the head\'s account and no town is recorded, then blanks are left to fill in by hand', () => {
    expect(signature(lkjOf({ headTitle: 'Pimpinan Dinas Kesehatan Kabupaten Kupang' }, null))).toMatchObject({
      lines: ['...................., 8 Desember 2026', 'PIMPINAN DINAS KESEHATAN KABUPATEN KUPANG'], name: '(........................................)',
    });
  });

  it('given no tasks, functions or units recorded, then BAB I says so, borrows nothing from KPU, and the cover has no empty region line', () => {
    const model = lkjOf({});
    const bab1 = [...textsOf(sectionOf(model, 'bab-1-3')), ...textsOf(sectionOf(model, 'bab-1-4'))];
    expect(bab1).toContain('Uraian tugas dan fungsi Dinas Kesehatan Kabupaten Kupang belum dicatat.');
    expect(bab1).toContain('Unit kerja Dinas Kesehatan Kabupaten Kupang belum dicatat.');
    expect(bab1.join(' ')).not.toMatch(KPU_WORDS);
    expect(cover(model)).toEqual(['LAPORAN KINERJA', 'Dinas Kesehatan Kabupaten Kupang', 'Tahun 2024', 'DINAS KESEHATAN KABUPATEN KUPANG', '2026']);
  });

  it('given its tasks, functions and units, then BAB I lists them in a Dinas\'s words', () => {
    const model = lkjOf({
      tasks: ['Melaksanakan urusan kesehatan.'], functions: ['Perumusan kebijakan teknis;'],
      subbagian: [{ code: 'UMPEG', name: 'Subbagian Umum dan Kepegawaian', duties: ['Mengelola kepegawaian.'] }],
    });
    const tugas = textsOf(sectionOf(model, 'bab-1-3'));
    expect(tugas).toEqual([
      'Dinas Kesehatan Kabupaten Kupang mempunyai tugas sebagai berikut:', 'Melaksanakan urusan kesehatan.',
      'Dalam melaksanakan tugasnya, Dinas Kesehatan Kabupaten Kupang menyelenggarakan fungsi sebagai berikut:', 'Perumusan kebijakan teknis;',
    ]);
    expect(textsOf(sectionOf(model, 'bab-1-4'))).toContain('Dalam melaksanakan tugas dan fungsinya, Dinas Kesehatan Kabupaten Kupang didukung oleh 1 (satu) unit kerja, yaitu:');
  });
});
