import { isToDate, pendingReportsSentence, trendAgainstLastYear } from '../conclusions/generate-conclusions';
import { MONTHS_ID, countWithWords, formatPercentId, formatQuantityId } from '../format/format-id';
import { LkjIndicatorAnalysis, LkjModel } from '../model/lkj-model.types';
import { bold, col, dataRow, groupRow, h1, h2, h3, italic, list, p, spanCell, table, totalRow } from './blocks';
import { budgetBlocks } from './chapter-3-budget.part';
import { Block, TableRow } from './lkj-document.types';

/** Marks a lower-is-better indicator in Tabel 3.2: "4 Temuan | 5 Temuan | 75,00%" reads wrong without it. */
const LOWER_MARK = '*)';
const LOWER_NOTE = 'makin kecil makin baik; capaiannya dihitung dengan rumus pada subbab 3.1.';

/**
 * Column widths in points of the 439-point text column (A4 with 3 cm and 2.5 cm margins, both
 * renderers): a figure column holds "1.000.000.000,50" on one line (the unit may wrap below it), in
 * the PDF's DejaVu Sans Condensed 8,5 pt and the DOCX's Arial 10 pt with their cell padding; a
 * percent column "100,00%"; a category column "Kurang Berhasil", and in the PDF "Belum dapat diukur".
 */
const FIGURE_WIDTH = 86;
const PERCENT_WIDTH = 52;
const CATEGORY_WIDTH = 84;

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
        col('No', 26, 'center'),
        col('Program/Kegiatan/Indikator Kinerja', 105),
        col('Target', FIGURE_WIDTH, 'center'),
        col('Realisasi', FIGURE_WIDTH, 'center'),
        col('Capaian', PERCENT_WIDTH, 'center'),
        col('Kategori', CATEGORY_WIDTH, 'center'),
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
        col('Kegiatan', 79),
        col('Target', FIGURE_WIDTH, 'center'),
        col('Realisasi', FIGURE_WIDTH, 'center'),
        col(`Capaian ${year - 1}`, PERCENT_WIDTH, 'center'),
        col(isToDate(throughMonth) ? `Capaian s.d. ${MONTHS_ID[throughMonth - 1].slice(0, 3)} ${year}` : `Capaian ${year}`, PERCENT_WIDTH, 'center'),
        col('Kategori', CATEGORY_WIDTH, 'center'),
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
    // Only a figure measured so far can still fall: an indicator with no realisasi yet has nothing to compare.
    const toDate = item.annualTargetToDate && item.capaian !== null
      ? ' Karena tidak memiliki rencana aksi bulanan, capaiannya sampai dengan bulan ' +
        `${MONTHS_ID[(throughMonth as number) - 1]} membandingkan realisasi sejauh ini dengan target tahunan dan masih dapat ` +
        'turun sebelum tahun berakhir.'
      : '';
    blocks.push(p(`Indikator ini ${LOWER_NOTE}${toDate}`));
  }
  if (item.trend !== null && isToDate(throughMonth)) {
    blocks.push(p(`Capaian indikator ini sampai dengan bulan ${MONTHS_ID[throughMonth - 1]} ${trendAgainstLastYear(year, throughMonth, item.trend, item.capaianPrevYear)}.`));
  } else if (item.trend !== null) {
    const word = { naik: 'meningkat', turun: 'menurun', tetap: 'tetap sama' }[item.trend];
    blocks.push(p(`Dibandingkan Tahun ${year - 1}, capaian indikator ini ${word}.`));
  } else if (item.annualTargetToDate && item.capaian !== null && item.capaianPrevYear !== null) {
    blocks.push(p(
      `Capaian sampai dengan bulan ${MONTHS_ID[(throughMonth as number) - 1]} belum dapat dibandingkan dengan capaian setahun penuh ` +
        `Tahun ${year - 1} (${formatPercentId(item.capaianPrevYear)}), karena diukur terhadap target tahunan.`,
    ));
  }
  if (item.kendala.length > 0) blocks.push(bold('Kendala:'), list(item.kendala, 'bullet'));
  // Said, not missing: the reader sees that the Kasubbag reported none.
  else if (item.kendalaNoneSaid) blocks.push(p('Kendala: Kepala Subbagian penanggung jawab menyatakan tidak ada kendala.'));
  if (item.solusi.length > 0) blocks.push(bold('Solusi yang ditempuh:'), list(item.solusi, 'bullet'));
  return blocks;
}
