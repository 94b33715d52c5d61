import { formatDateId, type ReportDeadlineEvent } from '@kinerja/domain';
import type { RecordedEvent } from '@kinerja/event-store';
import { monthName } from './audit-trail.types';
import type { Description } from './describe.types';

/** A dispensasi of a report deadline: which month, from which deadline to which ("5 Desember 2026"), and why. */
export function describeReportDeadline(event: RecordedEvent): Description | null {
  if (event.type !== 'ReportDeadlineExtended') return null;
  const { data } = event as unknown as ReportDeadlineEvent;
  const month = `${monthName(data.month)} ${data.year}`;
  const [before, after] = [formatDateId(data.previousDeadline), formatDateId(data.until)];
  return {
    subjectKind: 'REALISASI',
    year: data.year,
    month: data.month,
    summary: `Memberi dispensasi batas waktu laporan realisasi ${month}: dari ${before} menjadi ${after}.`,
    changes: [{ indicatorCode: null, indicatorName: null, field: 'batas waktu', before, after }],
    reason: data.reason,
  };
}
