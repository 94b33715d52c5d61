import { INDONESIAN_MONTHS as MONTHS, type PkStructure, type RealisasiContent } from '@kinerja/domain';

const KENDALA = [
  ['Tidak ada kendala berarti.', 'Pelaksanaan dipantau dalam rapat koordinasi bulanan.'],
  ['Keterlambatan penyampaian dokumen pendukung dari unit pelaksana.', 'Pengingat tertulis dan batas waktu internal tanggal 25 setiap bulan.'],
  ['Jaringan internet kantor sempat terganggu sehingga unggah data tertunda.', 'Koordinasi dengan penyedia layanan dan penggunaan jaringan cadangan.'],
  ['Jumlah pegawai terbatas karena bersamaan dengan tahapan Pemilu.', 'Pembagian tugas ulang dan dukungan PPNPN pada pekerjaan administratif.'],
];

/** Which months deliver a one-off output: spread over the year so the table fills month by month. */
export function demoMonthlyValue(target: string, indexInOffice: number, month: number): string {
  if (target === '12') return '1';
  if (target === '2') return month === 6 || month === 12 ? '1' : '0';
  return month === (indexInOffice * 5) % 12 + 1 ? '1' : '0';
}

/**
 * The PK with a rencana aksi for every indicator that has none, planning what the demo delivers
 * month by month (`demoMonthlyValue`), where that sums to the annual target: a year in progress
 * then measures each indicator against what was due so far (an output due in December has no
 * target yet in June) instead of against the whole year's target.
 */
export function withDemoRencanaAksi(structure: PkStructure): PkStructure {
  let index = 0;
  return {
    ...structure,
    programs: structure.programs.map((program) => ({
      ...program,
      kegiatan: program.kegiatan.map((kegiatan) => ({
        ...kegiatan,
        indicators: kegiatan.indicators.map((indicator) => {
          const position = index++;
          if (indicator.monthlyPlan || indicator.target.kind !== 'SINGLE' || indicator.aggregation !== 'SUM') return indicator;
          const target = indicator.target.value;
          const plan = MONTHS.map((_, m) => demoMonthlyValue(target, position, m + 1));
          return String(plan.reduce((sum, v) => sum + Number(v), 0)) === target ? { ...indicator, monthlyPlan: plan } : indicator;
        }),
      })),
    })),
  };
}

/**
 * A Kasubbag's report for a month, as a real one reads: the figure, a narrative, kendala and solusi
 * (varying by indicator and month), and the budget spent on the kegiatan the subbagian reports.
 */
export function demoMonthlyContent(structure: PkStructure, subbagian: string, month: number): RealisasiContent {
  const all = structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => ({ kegiatan: k.code, indicator: i }))));
  const owned = all.map((entry, index) => ({ ...entry, index })).filter((e) => e.indicator.picSubbagian === subbagian);
  const lines = owned.map(({ indicator, index }) => {
    const target = indicator.target.kind === 'SINGLE' ? indicator.target.value : indicator.target.max;
    const value = demoMonthlyValue(target, index, month);
    const [kendala, solusi] = KENDALA[(index + month) % KENDALA.length];
    const schedule = MONTHS.map((_, m) => Number(demoMonthlyValue(target, index, m + 1)));
    const narrative = demoNarrative(indicator.name, indicator.unit, schedule, month, indicator.monthlyPlan !== undefined && indicator.monthlyPlan !== null);
    return { indicatorCode: indicator.code, value, narrative, kendala, solusi, evidence: [] };
  });
  const kegiatan = [...new Set(owned.map((o) => o.kegiatan))];
  const budget = kegiatan.map((code, i) => ({ kegiatanCode: code, spent: String(1_250_000 * (i + 1) + 75_000 * month) }));
  return { lines, budget };
}

/**
 * What the Kasubbag writes for `month` given what the year delivers month by month (`schedule`):
 * an output not yet due is being prepared, one delivered this month is done, one delivered earlier
 * is said to be done already. Months where nothing changes read the same, so that the LKj (which
 * keeps a narrative repeated month after month once) tells each indicator's year in a few lines.
 */
export function demoNarrative(name: string, unit: string, schedule: readonly number[], month: number, planned: boolean): string {
  const total = schedule.reduce((a, b) => a + b, 0);
  const done = schedule.slice(0, month).reduce((a, b) => a + b, 0);
  const now = schedule[month - 1];
  const plan = planned ? ' sesuai rencana aksi' : '';
  const next = schedule.findIndex((v, m) => m >= month && v > 0);
  const last = schedule.slice(0, month).reduce((at, v, m) => (v > 0 ? m : at), -1);
  const monthName = (m: number) => `bulan ${MONTHS[m]}`;
  if (total === 0) return `${name}: tidak ada keluaran yang dijadwalkan tahun ini.`;
  if (schedule.every((v) => v > 0)) {
    return `${name} terlaksana setiap bulan${plan} (${schedule[0]} ${unit} per bulan) dan telah didokumentasikan.`;
  }
  if (now > 0) {
    return done === total
      ? `${name} diselesaikan pada ${monthName(month - 1)} (${now} ${unit}) dan telah didokumentasikan; target ${total} ${unit} tercapai.`
      : `${name} diselesaikan pada ${monthName(month - 1)} (${now} ${unit}) dan telah didokumentasikan; ${done} dari ${total} ${unit} tercapai.`;
  }
  if (done === 0) return `${name} dalam tahap persiapan; keluaran dijadwalkan pada ${monthName(next)}${plan}.`;
  if (done === total) return `${name} telah diselesaikan pada ${monthName(last)}; target ${total} ${unit} tercapai.`;
  return `${name}: ${done} dari ${total} ${unit} telah tercapai sampai dengan ${monthName(last)}; keluaran berikutnya dijadwalkan pada ${monthName(next)}${plan}.`;
}
