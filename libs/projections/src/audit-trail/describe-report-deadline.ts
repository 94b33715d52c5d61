import type { ReportDeadlineEvent } from '@kinerja/domain';
import type { RecordedEvent } from '@kinerja/event-store';
import { monthName } from './audit-trail.types';
import type { Description } from './describe.types';

/** "20 April 2024" from "2024-04-20". */
function dateWords(text: string): string {
  const [year, month, day] = text.split('-').map(Number);
  return `${day} ${monthName(month)} ${year}`;
}

/** A dispensasi of a report deadline: which month, from which deadline to which, and why. */
export function describeReportDeadline(event: RecordedEvent): Description | null {
  if (event.type !== 'ReportDeadlineExtended') return null;
  const { data } = event as unknown as ReportDeadlineEvent;
  const month = `${monthName(data.month)} ${data.year}`;
  return {
    subjectKind: 'REALISASI',
    year: data.year,
    month: data.month,
    summary: `Memberi dispensasi batas waktu laporan realisasi ${month}: dari ${dateWords(data.previousDeadline)} menjadi ${dateWords(data.until)}.`,
    changes: [{ indicatorCode: null, indicatorName: null, field: 'batas waktu', before: data.previousDeadline, after: data.until }],
    reason: data.reason,
  };
}
