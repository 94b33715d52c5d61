import { joinId, pendingReportsSentence } from '../conclusions/generate-conclusions';
import { MONTHS_ID, countWithWords, formatPercentId, formatQuantityId, formatRupiah } from '../format/format-id';
import { LkjIndicatorAnalysis, LkjModel } from '../model/lkj-model.types';
import { bold, col, dataRow, groupRow, h1, h2, h3, italic, list, p, spanCell, table, totalRow } from './blocks';
import { Block, TableRow } from './lkj-document.types';

/** Marks a lower-is-better indicator in Tabel 3.2: "4 Temuan | 5 Temuan | 75,00%" reads wrong without it. */
const LOWER_MARK = '*)';
const LOWER_NOTE = 'makin kecil makin baik; capaiannya dihitung dengan rumus pada subbab 3.1.';

export function bab3Blocks(m: LkjModel): Block[] {
  return [...measurementBlocks(m), ...analysisBlocks(m), ...budgetBlocks(m)];
}

function measurementBlocks(m: LkjModel): Block[] {
  const o = m.office.shortName;
  return [
    h1('bab-3', 'BAB III AKUNTABILITAS KINERJA'),
    p(
      `Bab ini menjelaskan pengukuran kinerja, evaluasi, dan analisis akuntabilitas kinerja ${o} Tahun ${m.year}, ` +
        `termasuk kendala yang dihadapi dan solusi yang ditempuh.`,
    ),
    h2('bab-3-1', '3.1 Pengukuran Capaian Kinerja'),
    p(methodText(m)),
    table(
      'tabel-3-1',
      ['Tabel 3.1', 'Skala Penilaian Capaian Kinerja'],
      [col('No', 0.5, 'center'), col('Rentang Nilai (%)', 1.4, 'center'), col('Kategori', 1.4), col('Keterangan', 4)],
      m.ratingScale.map((r) => dataRow(`${r.no}.`, r.range, r.category, r.meaning)),
    ),
    p(`Hasil pengukuran kinerja ${m.office.name} Tahun ${m.year}${periodText(m)}`),
    table(
      'tabel-3-2',
      ['Tabel 3.2', 'Pengukuran Kinerja'],
      [
        col('No', 0.6, 'center'),
        col('Program/Kegiatan/Indikator Kinerja', 3.1),
        col('Target', 1.2, 'center'),
        col('Realisasi', 1.2, 'center'),
        col('Capaian', 1.1, 'center'),
        col('Kategori', 1.7, 'center'),
      ],
      measurementRows(m),
    ),
    ...lowerIsBetterNoteBlocks(m),
    ...pendingReportsBlocks(m),
  ];
}

/** Under Tabel 3.2 when it marks an indicator (`LOWER_MARK`). */
function lowerIsBetterNoteBlocks(m: LkjModel): Block[] {
  const any = m.measurement.programs.some((p) => p.kegiatan.some((k) => k.rows.some((r) => r.polarity === 'LOWER_IS_BETTER')));
  return any ? [p(`${LOWER_MARK} Indikator yang ${LOWER_NOTE}`, 'left')] : [];
}

/** Under a draft's Tabel 3.2: the owed reports its figures do not hold yet (`pendingReportsSentence`). */
function pendingReportsBlocks(m: LkjModel): Block[] {
  const sentence = pendingReportsSentence(m.year, m.measurement);
  return sentence === null ? [] : [p(sentence)];
}

/**
 * 3.1's method: the formulas the year's indicators actually use (Tabel 3.2 was computed with them,
 * `capaianOf` in the domain), ranges only when a target is a range.
 */
export function methodText(m: LkjModel): string {
  const f = m.measurement.method;
  const lower = f.inverseDifference + f.inverseRatio + f.zeroTargets;
  const higherRule = 'realisasi dibagi target dikali 100%';
  let rule: string;
  if (lower === 0) {
    rule = `Capaian dihitung sebagai ${higherRule}`;
  } else {
    // A lower-is-better target of 0 is measured by its own rule and counted under no formula.
    const rules = [
      f.higherIsBetter > 0 ? `untuk indikator yang makin besar makin baik, ${higherRule}` : null,
      f.inverseDifference > 0
        ? `untuk ${countWithWords(f.inverseDifference)} indikator yang makin kecil makin baik` +
          `${f.inverseRatio > 0 ? ' dengan rumus selisih' : ''}, (2 × target − realisasi) dibagi target dikali 100%, ` +
          'dengan capaian paling rendah 0%'
        : null,
      f.inverseRatio > 0
        ? `untuk ${countWithWords(f.inverseRatio)} indikator yang makin kecil makin baik` +
          `${f.inverseDifference > 0 ? ' dengan rumus rasio' : ''}, target dibagi realisasi dikali 100% ` +
          'dengan capaian paling tinggi 200% (juga untuk realisasi 0), agar temuan yang lebih sedikit tidak pernah bernilai lebih rendah'
        : null,
      f.zeroTargets > 0
        ? `untuk ${countWithWords(f.zeroTargets)} indikator yang makin kecil makin baik bertarget 0, realisasi 0 memberi ` +
          'capaian 100% dan realisasi di atas 0 memberi capaian 0%, tanpa pembagian dengan nol'
        : null,
    ].filter((r): r is string => r !== null);
    rule = `Capaian dihitung ${rules.join('; ')}`;
  }
  const range = f.rangeTargets > 0
    ? ' Untuk target berupa rentang, realisasi di dalam rentang memberi capaian 100%; realisasi di bawah rentang ' +
      'diukur terhadap batas bawah dan di atas rentang terhadap batas atas, dengan rumus di atas.'
    : '';
  return 'Pengukuran tingkat capaian kinerja dilakukan dengan membandingkan target indikator kinerja dengan realisasinya. ' +
    (range === '' ? `${rule}, lalu diklasifikasikan menurut skala berikut:` : `${rule}.${range} Capaian kemudian diklasifikasikan menurut skala berikut:`);
}

/**
 * The period of Tabel 3.2, and for figures to date which target its Target column shows: the plan
 * to date where the indicator has a rencana aksi, the annual target where it has none
 * (`appliedTarget` in the domain).
 */
function periodText(m: LkjModel): string {
  const text = periodOnly(m);
  const earlier = m.measurement.earlierPk;
  if (earlier === null) return text;
  // Only a draft to date through month M (1–11) follows an earlier version: its text ends with its colon.
  return `${text.slice(0, -1)}. Laporan bulan-bulan tersebut disampaikan menurut Perjanjian Kinerja versi ${earlier.version}, sehingga ` +
    `tabel ini dihitung menurut versi tersebut; PK Perubahan versi ${earlier.inForce} yang disajikan pada Bab II berlaku untuk ` +
    'laporan bulan-bulan sesudahnya:';
}

function periodOnly(m: LkjModel): string {
  const month = m.measurement.throughMonth;
  if (month === null) return ' disajikan dalam tabel berikut:';
  if (month === 0) {
    return ' belum dapat disajikan karena belum ada laporan bulanan yang disetujui. Tabel berikut memuat target tahunan ' +
      'setiap indikator; kolom Realisasi dan Capaian dikosongkan ("-") karena belum ada realisasi yang dilaporkan, bukan bernilai nol:';
  }
  const until = ` sampai dengan bulan ${MONTHS_ID[month - 1]}`;
  const toDate = m.measurement.method.toDate;
  if (toDate === null) return `${until} disajikan dalam tabel berikut:`;
  if (toDate.withoutPlan === 0) return `${until} (target sampai dengan bulan tersebut menurut rencana aksi) disajikan dalam tabel berikut:`;
  const lower = toDate.lowerIsBetterWithoutPlan;
  if (toDate.withPlan === 0) {
    const annual = `${until} disajikan dalam tabel berikut. Karena indikatornya tidak memiliki rencana aksi bulanan, kolom Target memuat target tahunan`;
    if (lower === 0) return `${annual} dan capaian menunjukkan kemajuan terhadap target tahunan tersebut:`;
    return `${annual}; ${annualTargetCapaian(toDate.withoutPlan - lower, lower)}:`;
  }
  const mixed = `${until} disajikan dalam tabel berikut. Kolom Target memuat target sampai dengan bulan tersebut menurut rencana ` +
    `aksi bagi ${countWithWords(toDate.withPlan)} indikator yang memiliki rencana aksi bulanan, dan target tahunan bagi ` +
    `${countWithWords(toDate.withoutPlan)} indikator lainnya`;
  if (lower === 0) return `${mixed}, yang capaiannya menunjukkan kemajuan terhadap target tahunan:`;
  const among = toDate.withoutPlan > lower ? 'di antara indikator lainnya tersebut, ' : '';
  return `${mixed}; ${among}${annualTargetCapaian(toDate.withoutPlan - lower, lower)}:`;
}

/**
 * What a capaian to date against the annual target means, by polarity: for higher-is-better, the
 * progress towards it; for lower-is-better, what has happened so far against the ceiling, which may
 * still fall (each further temuan lowers it) and so is no result of the year yet.
 */
function annualTargetCapaian(higher: number, lower: number): string {
  const lowerText = 'membandingkan realisasi sampai dengan bulan tersebut dengan target tahunan sebagai batas atas; ' +
    'capaian tersebut masih dapat turun sebelum tahun berakhir, sehingga belum merupakan hasil tahunan';
  if (higher === 0) return `karena indikator tersebut makin kecil makin baik, capaiannya ${lowerText}`;
  return `capaian ${countWithWords(higher)} indikator yang makin besar makin baik menunjukkan kemajuan terhadap target ` +
    `tahunan, sedangkan capaian ${countWithWords(lower)} indikator yang makin kecil makin baik ${lowerText}`;
}

function measurementRows(m: LkjModel): TableRow[] {
  const rows: TableRow[] = [];
  for (const prog of m.measurement.programs) {
    rows.push(groupRow(prog.name, 6));
    for (const k of prog.kegiatan) {
      rows.push(groupRow(k.name, 6, String(k.no)));
      k.rows.forEach((r, n) =>
        rows.push(
          dataRow(
            `${k.no}.${n + 1}`,
            r.polarity === 'LOWER_IS_BETTER' ? `${r.indicatorName} ${LOWER_MARK}` : r.indicatorName,
            formatQuantityId(r.targetText, r.unit),
            formatQuantityId(r.realisasi, r.unit),
            formatPercentId(r.capaian),
            r.category,
          ),
        ),
      );
      rows.push(totalRow('', spanCell('Rata-rata capaian kegiatan', 3), formatPercentId(k.average.capaian), k.average.category));
    }
    rows.push(totalRow('', spanCell('Rata-rata capaian program', 3), formatPercentId(prog.average.capaian), prog.average.category));
  }
  const office = m.measurement.office;
  rows.push(totalRow('', spanCell('Rata-rata capaian seluruh indikator', 3), formatPercentId(office.capaian), office.category));
  return rows;
}

function analysisBlocks(m: LkjModel): Block[] {
  const blocks: Block[] = [
    h2('bab-3-2', `3.2 Evaluasi dan Analisis Capaian Kinerja Tahun ${m.year}`),
    p(
      `Analisis capaian setiap indikator kinerja membandingkan target dan realisasi Tahun ${m.year} serta capaian ` +
        `Tahun ${m.year - 1}, disertai uraian pelaksanaan, kendala, dan solusi dari Kepala Subbagian penanggung jawab.`,
    ),
  ];
  for (const k of m.analyses) {
    blocks.push(h3(`bab-3-2-${k.no}`, `3.2.${k.no} ${k.kegiatanName}`));
    k.items.forEach((item, n) => blocks.push(...indicatorBlocks(m.year, m.measurement.throughMonth, item, `${k.no}.${n + 1}`, n + 1)));
  }
  return blocks;
}

function indicatorBlocks(year: number, throughMonth: number | null, item: LkjIndicatorAnalysis, id: string, n: number): Block[] {
  const blocks: Block[] = [bold(`${n}) ${item.indicatorName}`)];
  if (item.narratives.length === 0) blocks.push(italic('Belum ada uraian yang dicatat untuk indikator ini.'));
  blocks.push(...item.narratives.map((text) => p(text)));
  blocks.push(
    table(
      `tabel-analisis-${id}`,
      [],
      [
        col('Kegiatan', 2.7),
        col('Target', 1.2, 'center'),
        col('Realisasi', 1.2, 'center'),
        col(`Capaian ${year - 1}`, 1.1, 'center'),
        col(`Capaian ${year}`, 1.1, 'center'),
        col('Kategori', 1.7, 'center'),
      ],
      [
        dataRow(
          item.activity,
          formatQuantityId(item.targetText, item.unit),
          formatQuantityId(item.realisasi, item.unit),
          formatPercentId(item.capaianPrevYear),
          formatPercentId(item.capaian),
          item.category,
        ),
      ],
    ),
  );
  if (item.polarity === 'LOWER_IS_BETTER') {
    // `annualTargetToDate` holds only through January–November.
    const toDate = item.annualTargetToDate
      ? ' Karena tidak memiliki rencana aksi bulanan, capaiannya sampai dengan bulan ' +
        `${MONTHS_ID[(throughMonth as number) - 1]} membandingkan realisasi sejauh ini dengan target tahunan dan masih dapat ` +
        'turun sebelum tahun berakhir.'
      : '';
    blocks.push(p(`Indikator ini ${LOWER_NOTE}${toDate}`));
  }
  if (item.trend !== null) {
    const word = { naik: 'meningkat', turun: 'menurun', tetap: 'tetap sama' }[item.trend];
    blocks.push(p(`Dibandingkan Tahun ${year - 1}, capaian indikator ini ${word}.`));
  }
  if (item.kendala.length > 0) blocks.push(bold('Kendala:'), list(item.kendala, 'bullet'));
  // Said, not missing: the reader sees that the Kasubbag reported none.
  else if (item.kendalaNoneSaid) blocks.push(p('Kendala: Kepala Subbagian penanggung jawab menyatakan tidak ada kendala.'));
  if (item.solusi.length > 0) blocks.push(bold('Solusi yang ditempuh:'), list(item.solusi, 'bullet'));
  return blocks;
}

function budgetBlocks(m: LkjModel): Block[] {
  const b = m.budget;
  // "Rp" and its figure on one line (a no-break space), in columns wide enough for "Rp 12.345.678.900".
  const rp = (value: string | null) => formatRupiah(value, b.rupiahPlaces).replace('Rp ', 'Rp\u00a0');
  // Realisasi null: nothing reported yet (no month approved), blank rather than 0; a missing pagu stays "tidak tersedia".
  const spent = (value: string | null) => (value === null ? '-' : rp(value));
  const absorbed = (pagu: string | null, realisasi: string | null, absorption: string | null) =>
    realisasi === null && pagu !== null ? '-' : absorption === null ? 'tidak tersedia' : formatPercentId(absorption);
  return [
    h2('bab-3-3', '3.3 Realisasi Anggaran'),
    p(
      'Penyerapan anggaran adalah realisasi anggaran dibagi pagu dikali 100%. Efisiensi membandingkan rata-rata ' +
        'capaian kinerja kegiatan dengan penyerapan anggarannya: indeks di atas 1 berarti capaian kinerja lebih ' +
        'tinggi daripada anggaran yang digunakan (efisien).',
    ),
    ...missingPaguBlocks(m),
    table(
      'tabel-3-3',
      ['Tabel 3.3', 'Realisasi Anggaran dan Efisiensi per Kegiatan'],
      [
        col('No', 0.45, 'center'),
        col('Kegiatan', 2.35),
        col('Pagu', 1.85, 'right'),
        col('Realisasi', 1.85, 'right'),
        col('Penyerapan', 1.3, 'center'),
        col('Capaian Kinerja', 1.1, 'center'),
        col('Efisiensi', 1.1, 'center'),
      ],
      [
        ...b.rows.map((r) =>
          dataRow(
            String(r.no),
            r.kegiatanName,
            rp(r.pagu),
            spent(r.realisasi),
            absorbed(r.pagu, r.realisasi, r.absorption),
            formatPercentId(r.capaian),
            r.efficiencyIndex === null ? r.efficiency : `${r.efficiency} (${r.efficiencyIndex.replace('.', ',')})`,
          ),
        ),
        totalRow(
          spanCell('Jumlah', 2),
          rp(b.totalPagu),
          spent(b.totalRealisasi),
          absorbed(b.totalPagu, b.totalRealisasi, b.totalAbsorption),
          formatPercentId(m.measurement.office.capaian),
          '',
        ),
      ],
    ),
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
