import { indicatorsOwnedBy, type PkStructure, type RealisasiContent } from '@kinerja/domain';

export const WORKLOAD_SUBBAGIAN = ['KUL', 'PDI'];

/** What a PK Perubahan hands from PDI to KUL: nothing, K2.2, or both of PDI's indicators. */
export type WorkloadMove = 'none' | 'K2.2' | 'PDI';

/**
 * A small PK with every aggregation, both polarities and a range target; `bump` changes a target and
 * `move` hands indicators from PDI to KUL (what a PK Perubahan may do; with 'PDI', PDI owns nothing).
 */
export function workloadStructure(bump = 0, move: WorkloadMove = 'none'): PkStructure {
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
            { ...base, code: 'K2.1', name: 'Indeks Layanan Data', unit: '%', target: { kind: 'RANGE', min: '70', max: '80' }, polarity: 'HIGHER_IS_BETTER', aggregation: 'AVERAGE', picSubbagian: move === 'PDI' ? 'KUL' : 'PDI' },
            { ...base, code: 'K2.2', name: 'Dokumen Data', unit: 'Dokumen', target: { kind: 'SINGLE', value: '3' }, polarity: 'HIGHER_IS_BETTER', aggregation: 'MAX', picSubbagian: move === 'none' ? 'PDI' : 'KUL' },
          ],
        },
      ],
    }],
  };
}

const VALUE_OF: Record<string, (random: () => number) => string> = {
  'K1.1': (random) => (random() * 2).toFixed(0),
  'K1.2': (random) => (random() * 6).toFixed(0),
  'K2.1': (random) => (random() * 100).toFixed(2),
  'K2.2': (random) => (random() * 5).toFixed(0),
};

/** Random but valid content of one subbagian's report under `structure`: a line per indicator it owns, sometimes blank. */
export function workloadContent(structure: PkStructure, subbagian: string, random: () => number): RealisasiContent {
  const owned = indicatorsOwnedBy(structure, subbagian);
  const lines = owned.map((i) => {
    const value = VALUE_OF[i.code](random);
    return { indicatorCode: i.code, value: random() < 0.08 ? null : value, narrative: 'Terlaksana', kendala: '', solusi: '', evidence: [] };
  });
  const kegiatan = structure.programs.flatMap((p) => p.kegiatan).filter((k) => k.indicators.some((i) => i.picSubbagian === subbagian));
  return { lines, budget: kegiatan.map((k) => ({ kegiatanCode: k.code, spent: (random() * 10000000).toFixed(2) })) };
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
