import { deciderSpec } from '../../testing/decider-spec';
import type { CommandMetadata, Role } from '../shared/actor';
import type { LocalDate } from '../shared/local-date';
import type { ReportDeadlineCommand } from './report-deadline-extension.commands';
import { DISPENSASI_MAX_DAYS, reportDeadlinesDecider } from './report-deadline-extension.decider';
import type { ReportDeadlineEvent } from './report-deadline-extension.events';
import { deadlineWithExtensions } from './report-deadline-extension.state';

const given = deciderSpec(reportDeadlinesDecider);
const on = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
/** 10:00 in Jakarta on a local date. */
const at = (iso: string) => `${iso}T03:00:00.000Z`;
const meta = (now: string, role: Role = 'SEKRETARIS'): CommandMetadata => ({ actor: { userId: 'u-1', role, subbagian: role === 'KASUBBAG' ? 'KUL' : null }, now: at(now) });

/** March 2024's report (own deadline 5 April), extended on `today` until `until`. */
const extend = (
  today: string, until: string, options: { role?: Role; reason?: string; deadline?: LocalDate | null; owedBy?: string[] } = {},
): ReportDeadlineCommand => ({
  type: 'ExtendReportDeadline',
  data: {
    satker: 's1', year: 2024, month: 3, until: on(until), reason: options.reason ?? 'Server kantor rusak, data realisasi hilang', timeZone: 'Asia/Jakarta',
    deadline: options.deadline === undefined ? on('2024-04-05') : options.deadline, owedBy: options.owedBy ?? ['KUL'],
  },
  metadata: meta(today, options.role),
});
const extended = (until: string, previousDeadline: string, grantedAt: string, role: 'SEKRETARIS' | 'ADMIN' = 'SEKRETARIS'): ReportDeadlineEvent => ({
  type: 'ReportDeadlineExtended',
  data: {
    satker: 's1', year: 2024, month: 3, until, previousDeadline, reason: 'Server kantor rusak, data realisasi hilang',
    grantedBy: 'u-1', grantedByRole: role, grantedAt: at(grantedAt),
  },
});

describe('a dispensasi of a report deadline, granted after the deadline has passed', () => {
  it('given March due 5 April, when the Sekretaris extends it on 8 April until 20 April, then it is recorded with the deadline it replaces', () => {
    given().when(extend('2024-04-08', '2024-04-20')).then([extended('2024-04-20', '2024-04-05', '2024-04-08')]);
  });

  it('given the same, when the Admin extends it, then it is recorded as the Admin\'s', () => {
    given().when(extend('2024-04-08', '2024-04-20', { role: 'ADMIN' })).then([extended('2024-04-20', '2024-04-05', '2024-04-08', 'ADMIN')]);
  });

  it('when a Kasubbag, the Ketua or the Inspektorat asks, then it is refused', () => {
    for (const role of ['KASUBBAG', 'KETUA', 'INSPEKTORAT'] as const) {
      given().when(extend('2024-04-08', '2024-04-20', { role })).thenThrows('DEADLINE_EXTENSION.FORBIDDEN', 'forbidden');
    }
  });

  it('when asked on the deadline day itself (5 April), then it is refused: nothing is late yet', () => {
    given().when(extend('2024-04-05', '2024-04-20')).thenThrows('DEADLINE_EXTENSION.DEADLINE_NOT_PASSED', 'conflict');
  });

  it('given a dispensasi until 20 April, when another is asked on 15 April, then it is refused; on 21 April it extends from 20 April', () => {
    const first = extended('2024-04-20', '2024-04-05', '2024-04-08');
    given(first).when(extend('2024-04-15', '2024-04-30')).thenThrows('DEADLINE_EXTENSION.DEADLINE_NOT_PASSED');
    given(first).when(extend('2024-04-21', '2024-04-30')).then([extended('2024-04-30', '2024-04-20', '2024-04-21')]);
  });

  it('when the new deadline is today or earlier, then it is refused', () => {
    given().when(extend('2024-04-08', '2024-04-08')).thenThrows('DEADLINE_EXTENSION.UNTIL_NOT_LATER', 'validation');
    given().when(extend('2024-04-08', '2024-04-01')).thenThrows('DEADLINE_EXTENSION.UNTIL_NOT_LATER');
  });

  it('when the reason is blank, then it is refused', () => {
    given().when(extend('2024-04-08', '2024-04-20', { reason: '   ' })).thenThrows('DEADLINE_EXTENSION.REASON_REQUIRED', 'validation');
  });

  it('when the reason is invisible characters only, or shorter than 3 visible characters, then it is refused as every reason of the workflow', () => {
    for (const reason of ['\u200b\u200b', '\u200b\u200c\u200d\u2060\ufeff\u00ad', 'x', ' ab ', 'a\u200bb\u200b', '\u3164\u3164\u3164', '\u2800\u2800\u2800', '\u0301\u0301\u0301']) {
      given().when(extend('2024-04-08', '2024-04-20', { reason })).thenThrows('DEADLINE_EXTENSION.REASON_REQUIRED', 'validation');
    }
    given().when(extend('2024-04-08', '2024-04-20', { reason: 'x'.repeat(2001) })).thenThrows('DEADLINE_EXTENSION.REASON_REQUIRED');
  });

  it('when the reason has 3 visible characters, then it is recorded trimmed', () => {
    const [event] = given().when(extend('2024-04-08', '2024-04-20', { reason: '  Rusak\u200b ' })).events();
    expect(event.data.reason).toBe('Rusak\u200b');
  });

  it(`when the new deadline is more than ${DISPENSASI_MAX_DAYS} days after today, then it is refused with the latest day allowed`, () => {
    given().when(extend('2024-04-08', '2024-05-09')).then([extended('2024-05-09', '2024-04-05', '2024-04-08')]);
    for (const until of ['2024-05-10', '9999-12-31']) {
      given().when(extend('2024-04-08', until)).thenThrows('DEADLINE_EXTENSION.UNTIL_TOO_LATE', 'validation');
    }
    expect(() => reportDeadlinesDecider.decide(extend('2024-04-08', '2024-05-10'), reportDeadlinesDecider.initialState()))
      .toThrow('paling lambat 9 Mei 2024');
  });

  it('given a dispensasi until 20 April, when another is asked on 21 April, then it may reach 22 May (31 days from that today)', () => {
    const first = extended('2024-04-20', '2024-04-05', '2024-04-08');
    given(first).when(extend('2024-04-21', '2024-05-22')).then([extended('2024-05-22', '2024-04-20', '2024-04-21')]);
    given(first).when(extend('2024-04-21', '2024-05-23')).thenThrows('DEADLINE_EXTENSION.UNTIL_TOO_LATE');
  });

  it('when every report of the month has been submitted or approved (none owed), then it is refused: it would excuse nobody', () => {
    given().when(extend('2024-04-08', '2024-04-20', { owedBy: [] })).thenThrows('DEADLINE_EXTENSION.NOTHING_OWED', 'conflict');
    expect(() => reportDeadlinesDecider.decide(extend('2024-04-08', '2024-04-20', { owedBy: [] }), reportDeadlinesDecider.initialState()))
      .toThrow('Semua laporan Maret 2024 sudah dikirim');
  });

  it('when no PK of the year is approved (nothing owed), then it is refused', () => {
    given().when(extend('2024-04-08', '2024-04-20', { deadline: null })).thenThrows('DEADLINE_EXTENSION.NOTHING_OWED', 'conflict');
  });

  it('given a catch-up deadline (5 December) not yet passed, when asked on 8 April, then it is refused: the month is not late', () => {
    given().when(extend('2024-04-08', '2024-04-20', { deadline: on('2024-12-05') })).thenThrows('DEADLINE_EXTENSION.DEADLINE_NOT_PASSED');
  });

  it('readers take the last dispensasi of the month, and the month\'s deadline for every other month', () => {
    const extensions = [
      { year: 2024, month: 3, until: on('2024-04-20'), grantedAt: at('2024-04-08') }, { year: 2024, month: 3, until: on('2024-04-30'), grantedAt: at('2024-04-21') },
    ];
    expect(deadlineWithExtensions(on('2024-04-05'), extensions, 2024, 3)).toEqual(on('2024-04-30'));
    expect(deadlineWithExtensions(on('2024-05-05'), extensions, 2024, 4)).toEqual(on('2024-05-05'));
    expect(deadlineWithExtensions(on('2025-04-05'), extensions, 2025, 3)).toEqual(on('2025-04-05'));
  });
});
