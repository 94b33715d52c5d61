import type { PkStructure, RealisasiContent } from '@kinerja/domain';

export const WORKLOAD_SUBBAGIAN = ['KUL', 'PDI'];

/** A small PK with every aggregation, both polarities and a range target; `bump` changes a target (PK Perubahan). */
export function workloadStructure(bump = 0): PkStructure {
  const base = { unit: 'Layanan', lowerIsBetterFormula: 'INVERSE_DIFFERENCE' as const, monthlyPlan: null, evidenceRequired: false, sasaran: null };
  return {
    programs: [{
      code: 'P1', name: 'Program Dukungan Manajemen',
      kegiatan: [
        {
          code: 'K1', name: 'Pengelolaan Keuangan', pagu: '120000000',
          indicators: [
            { ...base, code: 'K1.1', name: 'Layanan Perkantoran', target: { kind: 'SINGLE', value: String(12 + bump) }, polarity: 'HIGHER_IS_BETTER', aggregation: 'SUM', picSubbagian: 'KUL' },
            { ...base, code: 'K1.2', name: 'Temuan Audit', unit: 'Temuan', target: { kind: 'SINGLE', value: '4' }, polarity: 'LOWER_IS_BETTER', aggregation: 'LAST', picSubbagian: 'KUL' },
          ],
        },
        {
          code: 'K2', name: 'Manajemen Data', pagu: null,
          indicators: [
            { ...base, code: 'K2.1', name: 'Indeks Layanan Data', unit: '%', target: { kind: 'RANGE', min: '70', max: '80' }, polarity: 'HIGHER_IS_BETTER', aggregation: 'AVERAGE', picSubbagian: 'PDI' },
            { ...base, code: 'K2.2', name: 'Dokumen Data', unit: 'Dokumen', target: { kind: 'SINGLE', value: '3' }, polarity: 'HIGHER_IS_BETTER', aggregation: 'MAX', picSubbagian: 'PDI' },
          ],
        },
      ],
    }],
  };
}

/** Random but valid content of one subbagian's report. */
export function workloadContent(subbagian: string, random: () => number): RealisasiContent {
  const line = (indicatorCode: string, value: string | null) => ({ indicatorCode, value, narrative: 'Terlaksana', kendala: '', solusi: '', evidence: [] });
  const n = (max: number, places = 0) => (random() * max).toFixed(places);
  const maybe = (value: string) => (random() < 0.08 ? null : value);
  if (subbagian === 'KUL') {
    return { lines: [line('K1.1', maybe(n(2))), line('K1.2', maybe(n(6)))], budget: [{ kegiatanCode: 'K1', spent: n(10000000, 2) }] };
  }
  return { lines: [line('K2.1', maybe(n(100, 2))), line('K2.2', maybe(n(5)))], budget: [{ kegiatanCode: 'K2', spent: n(500000) }] };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
