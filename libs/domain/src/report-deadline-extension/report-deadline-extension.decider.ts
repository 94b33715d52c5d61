import type { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { INDONESIAN_MONTHS, indonesianMonthYear } from '../shared/indonesian-time';
import { localDateOf, type LocalDate } from '../shared/local-date';
import { readableReason, REASON_RULE_MESSAGE } from '../shared/reason';
import { deadlineHasPassed } from '../shared/report-deadline';
import type { ExtendReportDeadline, ReportDeadlineCommand } from './report-deadline-extension.commands';
import type { ReportDeadlineEvent } from './report-deadline-extension.events';
import {
  deadlineWithExtensions, evolveReportDeadlines, initialReportDeadlineState, localDateText, type ReportDeadlineState,
} from './report-deadline-extension.state';

const words = (d: LocalDate) => `${d.day} ${INDONESIAN_MONTHS[d.month - 1]} ${d.year}`;

/**
 * A dispensasi is a short extension for a passing trouble (a broken server, an officer on leave), at
 * most this many days after the office's today: a far-off day would excuse the month's missing reports
 * for good — they would read as not yet due and never be escalated. When it passes with reports still
 * missing, another one can be granted, so each extension is seen and given a reason again.
 */
export const DISPENSASI_MAX_DAYS = 31;

function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/**
 * A dispensasi is granted by the SEKRETARIS or ADMIN, for a month whose deadline (with any earlier
 * dispensasi) has passed — before that, nobody is late — and some report of which is still owed, to a
 * day after today and at most `DISPENSASI_MAX_DAYS` later, with a reason.
 */
function extend(command: ExtendReportDeadline, state: ReportDeadlineState): ReportDeadlineEvent[] {
  const { actor, now } = command.metadata;
  const d = command.data;
  if (actor.role !== 'SEKRETARIS' && actor.role !== 'ADMIN') {
    throw new DomainError('DEADLINE_EXTENSION.FORBIDDEN', 'Dispensasi batas waktu hanya dapat diberikan oleh Sekretaris atau Admin.', 'forbidden', { role: actor.role });
  }
  const month = indonesianMonthYear(d.year, d.month);
  const reason = readableReason(d.reason);
  if (reason === null) throw new DomainError('DEADLINE_EXTENSION.REASON_REQUIRED', REASON_RULE_MESSAGE, 'validation');
  if (d.deadline === null) {
    throw new DomainError(
      'DEADLINE_EXTENSION.NOTHING_OWED',
      `PK tahun ${d.year} belum disetujui, jadi belum ada laporan ${month} yang wajib dikirim; dispensasi tidak diperlukan.`,
      'conflict', { year: d.year, month: d.month },
    );
  }
  if (d.owedBy.length === 0) {
    throw new DomainError(
      'DEADLINE_EXTENSION.NOTHING_OWED',
      `Semua laporan ${month} sudah dikirim (atau sudah pernah disetujui); dispensasi tidak diperlukan dan tidak mengubah batas waktu laporan yang sudah masuk.`,
      'conflict', { year: d.year, month: d.month },
    );
  }
  const today = localDateOf(now, d.timeZone);
  const current = deadlineWithExtensions(d.deadline, state.extensions, d.year, d.month);
  if (!deadlineHasPassed(current, today)) {
    throw new DomainError(
      'DEADLINE_EXTENSION.DEADLINE_NOT_PASSED',
      `Batas waktu laporan ${month} (${words(current)}) belum lewat; dispensasi hanya dapat diberikan setelah batas waktu lewat.`,
      'conflict', { year: d.year, month: d.month, deadline: localDateText(current) },
    );
  }
  if (!deadlineHasPassed(today, d.until)) {
    throw new DomainError(
      'DEADLINE_EXTENSION.UNTIL_NOT_LATER',
      `Batas waktu baru (${words(d.until)}) harus setelah hari ini (${words(today)}).`,
      'validation', { until: localDateText(d.until), today: localDateText(today) },
    );
  }
  const latest = addDays(today, DISPENSASI_MAX_DAYS);
  if (deadlineHasPassed(latest, d.until)) {
    throw new DomainError(
      'DEADLINE_EXTENSION.UNTIL_TOO_LATE',
      `Dispensasi paling lama ${DISPENSASI_MAX_DAYS} hari: batas waktu baru paling lambat ${words(latest)}. Bila laporan masih belum masuk saat itu, dispensasi dapat diberikan lagi.`,
      'validation', { until: localDateText(d.until), latest: localDateText(latest), maxDays: DISPENSASI_MAX_DAYS },
    );
  }
  return [{
    type: 'ReportDeadlineExtended',
    data: {
      satker: d.satker, year: d.year, month: d.month, until: localDateText(d.until), previousDeadline: localDateText(current), reason,
      grantedBy: actor.userId, grantedByRole: actor.role, grantedAt: now,
    },
  }];
}

export function decideReportDeadlines(command: ReportDeadlineCommand, state: ReportDeadlineState): ReportDeadlineEvent[] {
  switch (command.type) {
    case 'ExtendReportDeadline':
      return extend(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

/** The office's dispensasi of report deadlines: stream `report-deadlines:<satker>`. */
export const reportDeadlinesDecider: Decider<ReportDeadlineState, ReportDeadlineCommand, ReportDeadlineEvent> = {
  initialState: initialReportDeadlineState,
  evolve: evolveReportDeadlines,
  decide: decideReportDeadlines,
};
