import type { RatingRow, RatingScaleEvent } from '@kinerja/domain';
import type { RecordedEvent } from '@kinerja/event-store';
import type { Description } from './describe.types';

/** "90 < capaian ≤ 100", "capaian > 100", "capaian ≤ 50": a row of Tabel 3.1 as the report prints it. */
function rangeOf(row: RatingRow): string {
  if (row.minExclusive !== null && row.maxInclusive !== null) return `${row.minExclusive} < capaian ≤ ${row.maxInclusive}`;
  if (row.minExclusive !== null) return `capaian > ${row.minExclusive}`;
  return row.maxInclusive !== null ? `capaian ≤ ${row.maxInclusive}` : 'semua nilai';
}

/** The ADMIN's changes to the office's rating scale (Tabel 3.1), row by row. */
export function describeRatingScale(event: RecordedEvent): Description | null {
  if (event.type !== 'RatingScaleSet') return null;
  const { data } = event as unknown as RatingScaleEvent;
  return {
    subjectKind: 'LAINNYA',
    summary: `Menetapkan skala penilaian capaian versi ${data.version} ("${data.label}", ${data.rows.length} baris).`,
    changes: data.rows.map((row, i) => ({
      indicatorCode: null, indicatorName: null, field: `Baris ${i + 1}`, before: null, after: `${rangeOf(row)}: ${row.category}`,
    })),
    reason: data.reason,
  };
}
