import { buildLkjModel } from '../model/build-lkj-model';
import { sectionOf, tableRows, textsOf } from '../testing/document-blocks';
import { jemberInputWithBudget } from '../testing/jember-variants';

describe('3.3 sets realisasi anggaran and efisiensi in two tables, so that the rupiah columns are wide enough', () => {
  // K5: pagu Rp 120.000.000, Rp 8.000.000 spent each month → Rp 96.000.000, 80,00%; capaian 100,00% → 1,25.
  const model = buildLkjModel(jemberInputWithBudget({ K5: '120000000' }, { K5: '8000000' }));
  const name = model.budget.rows.find((r) => r.kegiatanCode === 'K5')!.kegiatanName;

  it('given a pagu and its realisasi, then Tabel 3.3 holds pagu, realisasi and penyerapan', () => {
    const rows = tableRows(model, 'tabel-3-3');
    expect(rows).toContainEqual(['5', name, 'Rp 120.000.000', 'Rp 96.000.000', '80,00%']);
    expect(rows.at(-1)).toEqual(['Jumlah', 'tidak tersedia', 'Rp 96.000.000', 'tidak tersedia']);
  });

  it('given the same, then Tabel 3.4 sets the penyerapan beside the capaian kinerja and the efisiensi, its last row named for what it holds (no sum)', () => {
    const rows = tableRows(model, 'tabel-3-4');
    expect(rows).toContainEqual(['5', name, '80,00%', '100,00%', 'Efisien (1,25)']);
    // The office's absorption and the average of every indicator (Tabel 3.2's last row), not a total of the column.
    expect(rows.at(-1)).toEqual(['Seluruh kegiatan', 'tidak tersedia', model.measurement.office.capaian!.replace('.', ',') + '%', '']);
  });

  it('says what penyerapan is before Tabel 3.3 and what efisiensi is before Tabel 3.4', () => {
    const blocks = sectionOf(model, 'bab-3-3');
    const at = (id: string) => blocks.findIndex((b) => b.kind === 'table' && b.id === id);
    expect(textsOf(blocks.slice(0, at('tabel-3-3')))[0]).toBe('Penyerapan anggaran adalah realisasi anggaran dibagi pagu dikali 100%.');
    expect(textsOf(blocks.slice(at('tabel-3-3'), at('tabel-3-4')))).toEqual([
      'Efisiensi membandingkan rata-rata capaian kinerja kegiatan dengan penyerapan anggarannya: indeks di atas 1 berarti ' +
        'capaian kinerja lebih tinggi daripada anggaran yang digunakan (efisien). Baris Seluruh kegiatan memuat penyerapan ' +
        'seluruh anggaran (jumlah realisasi dibagi jumlah pagu) dan rata-rata capaian seluruh indikator, seperti pada Tabel 3.2, ' +
        'bukan rata-rata baris kegiatan di atasnya.',
    ]);
  });
});
