// Measures one indicator through computeKinerja, the way the API does, from monthly values.
import { computeKinerja } from '../src/capaian/compute-kinerja';
import type { KinerjaIndicatorRow } from '../src/capaian/kinerja-table.types';
import type { RatingScale } from '../src/capaian/rating-scale';
import type { PkIndicator } from '../src/perjanjian-kinerja/pk-structure.types';
import type { ApprovedRealisasi } from '../src/realisasi/realisasi.types';
import { anIndicator, aPkInForce, aStructure } from './builders';

/** `values[i]` is month i+1; null is a month reported blank; a shorter list leaves later months without a report. */
export function measure(indicator: Partial<PkIndicator>, values: (string | null)[], month?: number, ratingScale?: RatingScale): KinerjaIndicatorRow {
  const pk = aPkInForce(aStructure([anIndicator(indicator)]));
  const reports: ApprovedRealisasi[] = values.map((value, i) => ({
    month: i + 1, subbagian: 'KUL', revision: 0, pkVersion: 1, budget: [],
    lines: [{ indicatorCode: 'K1.1', value, narrative: '', kendala: '', solusi: '', evidence: [] }],
  }));
  return computeKinerja(pk, reports, { month, ratingScale }).programs[0].kegiatan[0].indicators[0];
}

export const single = (value: string) => ({ kind: 'SINGLE' as const, value });
