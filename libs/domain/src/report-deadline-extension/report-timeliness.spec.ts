import type { LocalDate } from '../shared/local-date';
import { reportDeadlineAndBasis, type DeadlineDayHistory } from '../shared/report-deadline';
import { firstSubmissionOf, reportTimeliness, summariseTimeliness, onTimePercentOf } from './report-timeliness';
import type { ReportMove } from './deadline-of-report';

const on = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const JAKARTA = 'Asia/Jakarta';
/** A local time in Jakarta (UTC+7) as an ISO instant: `jakarta('2026-02-10', '23:59')`. */
const jakarta = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`).toISOString();
const day10: DeadlineDayHistory = [{ changedOn: on('2024-01-02'), deadlineDay: 10 }];
const pkApprovedInJanuary = on('2026-01-15');

/** January 2026 under deadline day 10: due 10 February 2026 unless told otherwise. */
function januaryTimeliness(firstSubmittedAt: string | null, options: { opened?: LocalDate; extensions?: Parameters<typeof reportTimeliness>[2]; owed?: boolean } = {}) {
  const { deadline, catchUp } = reportDeadlineAndBasis(day10, 2026, 1, options.opened ?? pkApprovedInJanuary);
  return reportTimeliness(deadline, catchUp, options.extensions ?? [], 2026, 1, firstSubmittedAt, options.owed ?? true, JAKARTA);
}

describe('ketepatan waktu pelaporan: a report is judged by its first submission against its deadline day, office time', () => {
  it('given a report first submitted on the deadline day at 23:59 office time, then it is on time, 0 days late', () => {
    const sent = jakarta('2026-02-10', '23:59');
    expect(januaryTimeliness(sent)).toEqual({ firstSubmittedAt: sent, submittedOnTime: true, daysLate: 0 });
  });

  it('given a report first submitted at 00:00 the day after the deadline, office time (still the 10th in UTC), then it is 1 day late', () => {
    const sent = jakarta('2026-02-11', '00:00');
    expect(sent.startsWith('2026-02-10')).toBe(true);
    expect(januaryTimeliness(sent)).toEqual({ firstSubmittedAt: sent, submittedOnTime: false, daysLate: 1 });
  });

  it('given a report first submitted ten days early, then it is on time and 0 days late, never negative', () => {
    expect(januaryTimeliness(jakarta('2026-02-01', '09:00'))).toMatchObject({ submittedOnTime: true, daysLate: 0 });
  });

  it('given a report first submitted on 2 March, then it is 20 days late (whole office-calendar days after 10 February)', () => {
    expect(januaryTimeliness(jakarta('2026-03-02', '08:00'))).toMatchObject({ submittedOnTime: false, daysLate: 20 });
  });

  it('given a report never submitted, then its timeliness is unknown (null), whatever the date', () => {
    expect(januaryTimeliness(null)).toEqual({ firstSubmittedAt: null, submittedOnTime: null, daysLate: null });
  });

  it('given the PK of 2026 first approved on 20 March, then January is judged against its catch-up deadline, 10 April', () => {
    const opened = on('2026-03-20');
    expect(januaryTimeliness(jakarta('2026-04-10', '23:00'), { opened })).toMatchObject({ submittedOnTime: true, daysLate: 0 });
    expect(januaryTimeliness(jakarta('2026-04-13', '08:00'), { opened })).toMatchObject({ submittedOnTime: false, daysLate: 3 });
  });

  describe('given a dispensasi for January granted on 15 February until 25 February', () => {
    const extensions = [{ year: 2026, month: 1, until: on('2026-02-25'), grantedAt: jakarta('2026-02-15', '10:00') }];

    it('when the report was still owed at the grant and is first submitted on 25 February, then it is on time', () => {
      expect(januaryTimeliness(jakarta('2026-02-25', '16:00'), { extensions })).toMatchObject({ submittedOnTime: true, daysLate: 0 });
    });

    it('when it is first submitted on 27 February, then it is 2 days late against the dispensasi', () => {
      expect(januaryTimeliness(jakarta('2026-02-27', '16:00'), { extensions })).toMatchObject({ submittedOnTime: false, daysLate: 2 });
    });

    it('when it was first submitted on 12 February, before the grant, then the dispensasi does not reach it: 2 days late', () => {
      expect(januaryTimeliness(jakarta('2026-02-12', '09:00'), { extensions })).toMatchObject({ submittedOnTime: false, daysLate: 2 });
    });
  });

  describe('only the first submission counts', () => {
    const moves = (...steps: Array<[ReportMove['type'], string]>): ReportMove[] => steps.map(([type, at]) => ({ type, at }));

    it('given a report sent on time, returned, and sent again after the deadline, then it stays on time', () => {
      const history = moves(
        ['RealisasiDraftSaved', jakarta('2026-02-02', '08:00')], ['RealisasiSubmitted', jakarta('2026-02-09', '08:00')],
        ['RealisasiReturned', jakarta('2026-02-12', '08:00')], ['RealisasiSubmitted', jakarta('2026-02-20', '08:00')],
      );
      expect(firstSubmissionOf(history)).toBe(jakarta('2026-02-09', '08:00'));
      expect(januaryTimeliness(firstSubmissionOf(history))).toMatchObject({ submittedOnTime: true, daysLate: 0 });
    });

    it('given a report approved on time and revised in June (reopened, submitted again), then the revision never makes it late', () => {
      const history = moves(
        ['RealisasiDraftSaved', jakarta('2026-02-02', '08:00')], ['RealisasiSubmitted', jakarta('2026-02-10', '08:00')],
        ['RealisasiApproved', jakarta('2026-02-11', '08:00')], ['RealisasiRevisionOpened', jakarta('2026-06-01', '08:00')],
        ['RealisasiSubmitted', jakarta('2026-06-02', '08:00')],
      );
      expect(januaryTimeliness(firstSubmissionOf(history))).toMatchObject({ firstSubmittedAt: jakarta('2026-02-10', '08:00'), submittedOnTime: true });
    });

    it('given a report first sent late, returned, and a dispensasi granted while it sat returned, then it stays late', () => {
      const extensions = [{ year: 2026, month: 1, until: on('2026-02-28'), grantedAt: jakarta('2026-02-16', '10:00') }];
      const history = moves(
        ['RealisasiSubmitted', jakarta('2026-02-13', '08:00')], ['RealisasiReturned', jakarta('2026-02-14', '08:00')],
        ['RealisasiSubmitted', jakarta('2026-02-20', '08:00')],
      );
      expect(januaryTimeliness(firstSubmissionOf(history), { extensions })).toMatchObject({ submittedOnTime: false, daysLate: 3 });
    });
  });

  it('given a report nobody owes (no indicator of the month\'s PK version) but submitted late anyway, then it is neither on time nor late', () => {
    const sent = jakarta('2026-03-02', '08:00');
    expect(januaryTimeliness(sent, { owed: false })).toEqual({ firstSubmittedAt: sent, submittedOnTime: null, daysLate: null });
  });
});

describe('the timeliness summary of an office counts the owed reports due or sent', () => {
  it('given 2 on time, 1 late, 1 overdue and never sent, 1 not due yet and 1 not owed, then 50.00 % on time', () => {
    const summary = summariseTimeliness([
      { owed: true, submittedOnTime: true, deadlinePassed: true },
      { owed: true, submittedOnTime: true, deadlinePassed: false },
      { owed: true, submittedOnTime: false, deadlinePassed: true },
      { owed: true, submittedOnTime: null, deadlinePassed: true },
      { owed: true, submittedOnTime: null, deadlinePassed: false },
      { owed: false, submittedOnTime: null, deadlinePassed: true },
    ]);
    expect(summary).toEqual({ onTime: 2, late: 1, notYetSubmitted: 1, onTimePercent: '50.00' });
  });

  it('given nothing due nor sent, then there is no percentage yet', () => {
    expect(summariseTimeliness([{ owed: true, submittedOnTime: null, deadlinePassed: false }]))
      .toEqual({ onTime: 0, late: 0, notYetSubmitted: 0, onTimePercent: null });
  });

  it('rounds half up in decimal: 2 of 3 is 66.67, 1 of 8 is 12.50, 1 of 3 is 33.33', () => {
    expect(onTimePercentOf(2, 3)).toBe('66.67');
    expect(onTimePercentOf(1, 8)).toBe('12.50');
    expect(onTimePercentOf(1, 3)).toBe('33.33');
    expect(onTimePercentOf(7, 7)).toBe('100.00');
  });
});
