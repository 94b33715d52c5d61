import { computeKinerja, DEFAULT_RATING_SCALE } from '@kinerja/domain';
import { jember2024ApprovedReports, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { LkjInput, PendingReportInput } from '../model/lkj-input.types';
import { blocksOf, sectionOf, textsOf } from '../testing/document-blocks';

/** Jember 2024 as a draft through August, KUL's August missing from its figures for `pending`'s reason. */
function draftThroughAugust(pending: PendingReportInput[]) {
  const input = jember2024LkjInput({ draft: true });
  const reports = jember2024ApprovedReports().filter((r) => r.month <= 8 && !(r.month === 8 && r.subbagian === 'KUL'));
  const kinerja = computeKinerja(input.pk, reports, { month: 8, ratingScale: DEFAULT_RATING_SCALE });
  return buildLkjModel({ ...input, kinerja, pendingReports: pending });
}

/** The paragraph right after Tabel 3.2, if it is one. */
function afterTable32(model: ReturnType<typeof buildLkjModel>): string | null {
  const blocks = sectionOf(model, 'bab-3-1');
  const at = blocks.findIndex((b) => b.kind === 'table' && b.id === 'tabel-3-2');
  const next = blocks[at + 1];
  return next?.kind === 'paragraph' ? next.text : null;
}

describe('a draft whose figures lack an owed report', () => {
  it('given KUL\'s August waiting for approval, then the paragraph under Tabel 3.2 and the Ikhtisar name it with its status', () => {
    const model = draftThroughAugust([{ month: 8, subbagian: 'KUL', status: 'SUBMITTED' }]);
    const sentence = 'Angka Tahun 2024 sampai dengan bulan Agustus belum memuat seluruh laporan bulanan karena laporan berikut belum ' +
      'disetujui: Sub. Bagian Keuangan, Umum dan Logistik bulan Agustus (menunggu persetujuan). Realisasi laporan yang belum ' +
      'disetujui masuk ke dalam pengukuran setelah laporan tersebut disetujui.';
    expect(afterTable32(model)).toBe(sentence);
    expect(model.conclusions).toContain(sentence);
    expect(textsOf(blocksOf(model)).filter((t) => t === sentence).length).toBeGreaterThanOrEqual(2);
  });

  it('given only a report being revised, then it says its last approved figures count, and nothing about reports still to come', () => {
    const model = draftThroughAugust([{ month: 5, subbagian: 'PDI', status: 'REVISING' }]);
    const text = afterTable32(model)!;
    expect(text).toContain('Sub. Bagian Perencanaan, Data dan Informasi bulan Mei (sedang direvisi).');
    expect(text).toContain('Laporan yang sedang direvisi dihitung dengan angka terakhir yang telah disetujui.');
    expect(text).not.toContain('masuk ke dalam pengukuran setelah');
  });

  it('given a subbagian the office profile does not name, then it names it by its code', () => {
    const model = draftThroughAugust([{ month: 8, subbagian: 'XYZ', status: 'NOT_SUBMITTED' }]);
    expect(model.measurement.pendingReports).toEqual([{ month: 8, subbagianCode: 'XYZ', subbagianName: 'Sub. Bagian XYZ', status: 'NOT_SUBMITTED' }]);
  });

  it('given no pending report, then Tabel 3.2 is followed by no such paragraph and the conclusions say nothing of it', () => {
    const model = draftThroughAugust([]);
    expect(afterTable32(model) ?? '').not.toContain('belum memuat seluruh laporan bulanan');
    expect(model.conclusions.join(' ')).not.toContain('belum memuat seluruh laporan bulanan');
  });

  it('given pending reports on a final, then the input is refused as inconsistent', () => {
    const input: LkjInput = { ...jember2024LkjInput(), pendingReports: [{ month: 8, subbagian: 'KUL', status: 'SUBMITTED' }] };
    expect(() => buildLkjModel(input)).toThrow('pending reports belong to a draft');
  });
});
