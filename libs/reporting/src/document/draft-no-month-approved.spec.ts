import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { LkjInput } from '../model/lkj-input.types';
import { blocksOf, sectionOf, tableRows, textsOf } from '../testing/document-blocks';
import { jemberInputWithBudget } from '../testing/jember-variants';

const ALL_KEGIATAN = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];
const NO_MONTH: Partial<LkjInput> = { draft: true, noMonthApproved: true, suggestions: [], approvals: [] };

/** The text of every paragraph, list item and table cell of the report. */
function wholeText(model: ReturnType<typeof buildLkjModel>): string {
  return blocksOf(model)
    .flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : textsOf([b])))
    .join('\n');
}

/** Jember 2024 as a draft produced before any monthly report was approved (Tabel 3.2 of the year, nothing reported). */
describe('a draft LKj before any month is approved', () => {
  const model = buildLkjModel(jember2024LkjInput(NO_MONTH, []));

  it('names no month: it says that no monthly report is approved yet', () => {
    const text = wholeText(model);
    expect(text).not.toMatch(/sampai dengan bulan/);
    expect(text).not.toMatch(/bulan Januari/);
    expect(model.measurement.throughMonth).toBe(0);
    expect(textsOf(sectionOf(model, 'bab-3-1'))[1]).toBe(
      'Hasil pengukuran kinerja Sekretariat KPU Kabupaten Jember Tahun 2024 belum dapat disajikan karena belum ada laporan bulanan ' +
        'yang disetujui. Tabel berikut memuat target tahunan setiap indikator; kolom Realisasi dan Capaian dikosongkan ("-") karena ' +
        'belum ada realisasi yang dilaporkan, bukan bernilai nol:',
    );
  });

  it('prints Tabel 3.2 with the annual targets, realisasi and capaian blank ("-"), never 0, and no category earned', () => {
    const rows = tableRows(model, 'tabel-3-2').filter((r) => /^\d+\.\d+$/.test(r[0]));
    expect(rows).toHaveLength(18);
    expect(rows.find((r) => r[0] === '4.1')).toEqual(['4.1', 'Layanan Perkantoran', '12 Layanan', '-', '-', 'Belum dapat diukur']);
    for (const row of rows) expect(row.slice(3)).toEqual(['-', '-', 'Belum dapat diukur']);
    expect(tableRows(model, 'tabel-3-2').at(-1)).toEqual(['', 'Rata-rata capaian seluruh indikator', '-', 'Belum dapat diukur']);
  });

  it('concludes and advises that reports are to be approved, not that every indicator fell short', () => {
    expect(model.conclusions).toContain(
      'Belum ada laporan bulanan Tahun 2024 yang disetujui, sehingga realisasi dan capaian kinerja serta realisasi anggaran belum ' +
        'dapat disajikan: kolom realisasi dan capaian dikosongkan ("-"), bukan bernilai nol.',
    );
    expect(model.conclusions.join(' ')).not.toMatch(/belum mencapai target|0,00%|Rp 0/);
    expect(model.suggestions[0]).toBe(
      'Menyelesaikan, mengajukan, dan menyetujui laporan realisasi bulanan Tahun 2024, karena belum ada laporan bulanan yang ' +
        'disetujui sehingga capaian seluruh indikator belum dapat diukur.',
    );
    expect(textsOf(sectionOf(model, 'bab-4-2'))[0]).toContain('capaian kinerja Tahun 2024 (belum ada laporan bulanan yang disetujui) di atas');
  });

  it('prints the realisasi anggaran and its penyerapan blank, not Rp 0 and 0,00%, beside a known pagu', () => {
    const withPagu = buildLkjModel(jemberInputWithBudget(Object.fromEntries(ALL_KEGIATAN.map((k) => [k, '10000000'])), {}, NO_MONTH, []));
    const rows = tableRows(withPagu, 'tabel-3-3');
    for (const row of rows.slice(0, -1)) expect(row.slice(2, 5)).toEqual(['Rp 10.000.000', '-', '-']);
    expect(rows.at(-1)!.slice(0, 4)).toEqual(['Jumlah', 'Rp 70.000.000', '-', '-']);
    expect(withPagu.budget).toMatchObject({ totalRealisasi: null, totalAbsorption: null });
    expect(withPagu.suggestions.join(' ')).not.toContain('penyerapan anggaran');
    // Without a pagu, penyerapan stays "tidak tersedia", as 3.3 says above the table.
    expect(tableRows(model, 'tabel-3-3')[0].slice(2, 5)).toEqual(['tidak tersedia', '-', 'tidak tersedia']);
  });

  it('is refused as input unless it is a draft over the year’s table', () => {
    expect(() => buildLkjModel(jember2024LkjInput({ noMonthApproved: true }, []))).toThrow(/no month approved/);
  });
});
