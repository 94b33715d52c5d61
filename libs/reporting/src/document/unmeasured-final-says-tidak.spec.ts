import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { blocksOf, tableRows } from '../testing/document-blocks';
import { jemberReportsWith } from '../testing/jember-variants';

/** Every word of the report: paragraphs, list items and table cells. */
const wordsOf = (model: ReturnType<typeof buildLkjModel>) =>
  blocksOf(model)
    .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : []))
    .join('\n');

describe('an indicator never reported: a final says "tidak dapat diukur" everywhere, a draft "belum"', () => {
  // K1.1 left blank in every monthly report of the year.
  const blank = jemberReportsWith('K1.1', () => ({ value: null }));

  it('given a final, then Tabel 3.2, the per-indicator table and the category count all say "Tidak dapat diukur"', () => {
    const model = buildLkjModel(jember2024LkjInput({}, blank));
    expect(tableRows(model, 'tabel-3-2').find((r) => r[0] === '1.1')!.slice(3)).toEqual(['-', '-', 'Tidak dapat diukur']);
    expect(tableRows(model, 'tabel-analisis-1.1')[0].at(-1)).toBe('Tidak dapat diukur');
    expect(model.conclusions).toContain('Dari 18 (delapan belas) indikator kinerja, 17 (tujuh belas) indikator berkategori Berhasil dan 1 (satu) indikator tidak dapat diukur.');
    expect(wordsOf(model)).not.toMatch(/belum dapat diukur/i);
  });

  it('given a draft with the same reports, then it is not measurable yet: "Belum dapat diukur"', () => {
    const model = buildLkjModel(jember2024LkjInput({ draft: true }, blank));
    expect(tableRows(model, 'tabel-3-2').find((r) => r[0] === '1.1')!.slice(3)).toEqual(['-', '-', 'Belum dapat diukur']);
    expect(tableRows(model, 'tabel-analisis-1.1')[0].at(-1)).toBe('Belum dapat diukur');
    expect(model.conclusions).toContain('Dari 18 (delapan belas) indikator kinerja, 17 (tujuh belas) indikator berkategori Berhasil dan 1 (satu) indikator belum dapat diukur.');
    expect(wordsOf(model)).not.toMatch(/tidak dapat diukur/i);
  });

  it('given a final where a whole kegiatan went unreported, then its average says "Tidak dapat diukur" too', () => {
    const none = ['K2.1', 'K2.2'].reduce((reports, code) => reports.map((r) => ({
      ...r, lines: r.lines.map((l) => (l.indicatorCode === code ? { ...l, value: null } : l)),
    })), blank);
    const model = buildLkjModel(jember2024LkjInput({}, none));
    expect(model.measurement.programs.flatMap((p) => p.kegiatan).find((k) => k.code === 'K2')!.average.category).toBe('Tidak dapat diukur');
  });
});
