import { joinId } from '../conclusions/generate-conclusions';
import { countWithWords, formatPercentId, formatRupiah, keepRupiahWithFigure } from '../format/format-id';
import { LkjModel } from '../model/lkj-model.types';
import { col, dataRow, h2, p, spanCell, table, totalRow } from './blocks';
import { Block, TableColumn, TableRow } from './lkj-document.types';

/**
 * Column widths in points of the 439-point text column. A rupiah column holds "Rp 999.999.999.999,99"
 * on one line in bold (the Jumlah row): 100 pt in the PDF's DejaVu Sans Condensed 8,5 pt, 105 pt in the
 * DOCX's Arial 10 pt, each with 8 pt of cell padding; "Penyerapan" in bold, 56 pt in Arial. Realisasi
 * and efisiensi are two tables: seven columns with two such amounts leave no room for the kegiatan.
 */
const NO: TableColumn = col('No', 24, 'center');
const RUPIAH_WIDTH = 117;
const PENYERAPAN: TableColumn = col('Penyerapan', 66, 'center');

/** 3.3: realisasi anggaran per kegiatan against its pagu (Tabel 3.3), then efisiensi against capaian (Tabel 3.4). */
export function budgetBlocks(m: LkjModel): Block[] {
  return [
    h2('bab-3-3', '3.3 Realisasi Anggaran'),
    p('Penyerapan anggaran adalah realisasi anggaran dibagi pagu dikali 100%.'),
    ...missingPaguBlocks(m),
    table(
      'tabel-3-3',
      ['Tabel 3.3', 'Realisasi Anggaran per Kegiatan'],
      [NO, col('Kegiatan', 115), col('Pagu', RUPIAH_WIDTH, 'right'), col('Realisasi', RUPIAH_WIDTH, 'right'), PENYERAPAN],
      realisasiRows(m),
    ),
    p(
      'Efisiensi membandingkan rata-rata capaian kinerja kegiatan dengan penyerapan anggarannya: indeks di atas 1 berarti ' +
        'capaian kinerja lebih tinggi daripada anggaran yang digunakan (efisien). Baris Seluruh kegiatan memuat penyerapan ' +
        'seluruh anggaran (jumlah realisasi dibagi jumlah pagu) dan rata-rata capaian seluruh indikator, seperti pada Tabel 3.2, ' +
        'bukan rata-rata baris kegiatan di atasnya.',
    ),
    table(
      'tabel-3-4',
      ['Tabel 3.4', 'Efisiensi Penggunaan Anggaran per Kegiatan'],
      [NO, col('Kegiatan', 179), PENYERAPAN, col('Capaian Kinerja', 66, 'center'), col('Efisiensi', 104, 'center')],
      efficiencyRows(m),
    ),
  ];
}

/** Realisasi null: nothing reported yet (no month approved), blank rather than 0; a missing pagu stays "tidak tersedia". */
function absorbed(pagu: string | null, realisasi: string | null, absorption: string | null): string {
  return realisasi === null && pagu !== null ? '-' : absorption === null ? 'tidak tersedia' : formatPercentId(absorption);
}

function realisasiRows(m: LkjModel): TableRow[] {
  const b = m.budget;
  // "Rp" and its figure on one line (a no-break space).
  const rp = (value: string | null) => keepRupiahWithFigure(formatRupiah(value, b.rupiahPlaces));
  const spent = (value: string | null) => (value === null ? '-' : rp(value));
  return [
    ...b.rows.map((r) => dataRow(String(r.no), r.kegiatanName, rp(r.pagu), spent(r.realisasi), absorbed(r.pagu, r.realisasi, r.absorption))),
    totalRow(spanCell('Jumlah', 2), rp(b.totalPagu), spent(b.totalRealisasi), absorbed(b.totalPagu, b.totalRealisasi, b.totalAbsorption)),
  ];
}

function efficiencyRows(m: LkjModel): TableRow[] {
  const b = m.budget;
  return [
    ...b.rows.map((r) =>
      dataRow(
        String(r.no),
        r.kegiatanName,
        absorbed(r.pagu, r.realisasi, r.absorption),
        formatPercentId(r.capaian),
        r.efficiencyIndex === null ? r.efficiency : `${r.efficiency} (${r.efficiencyIndex.replace('.', ',')})`,
      ),
    ),
    // Not a sum: the office's absorption and the average of every indicator (Tabel 3.2's last row), said above the table.
    totalRow(spanCell('Seluruh kegiatan', 2), absorbed(b.totalPagu, b.totalRealisasi, b.totalAbsorption), formatPercentId(m.measurement.office.capaian), ''),
  ];
}

/** Says which pagu the PK lacks, so that a "tidak tersedia" cell of Tabel 3.3 is explained: none at all, or some. */
function missingPaguBlocks(m: LkjModel): Block[] {
  const missing = m.budget.rows.filter((r) => r.pagu === null);
  if (missing.length === 0) return [];
  if (missing.length === m.budget.rows.length) {
    return [
      p(
        `Perjanjian Kinerja Tahun ${m.year} belum memuat pagu anggaran untuk kegiatan mana pun (tidak ada data pagu), ` +
          'sehingga penyerapan dan efisiensi setiap kegiatan dicantumkan "tidak tersedia".',
      ),
    ];
  }
  return [
    p(
      `Pagu anggaran belum dimuat dalam Perjanjian Kinerja Tahun ${m.year} untuk ${countWithWords(missing.length)} dari ` +
        `${countWithWords(m.budget.rows.length)} kegiatan, yaitu ${joinId(missing.map((r) => r.kegiatanName))}; penyerapan ` +
        'dan efisiensi kegiatan tersebut, serta penyerapan keseluruhan, dicantumkan "tidak tersedia".',
    ),
  ];
}
