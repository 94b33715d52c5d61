import { catchUpDeadline, reportDeadline, type DeadlineDayHistory } from './report-deadline';

const on = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const day10: DeadlineDayHistory = [{ changedOn: on('2023-01-02'), deadlineDay: 10 }];

describe('A month whose reporting window had begun when the PK of its year was first approved is due by a catch-up deadline', () => {
  describe('given deadline day 10 and the PK of 2026 first approved on 20 November 2026', () => {
    const opened = on('2026-11-20');

    it('then January to October, whose deadlines had passed, are due 10 December 2026', () => {
      for (let month = 1; month <= 10; month++) {
        expect(reportDeadline(day10, 2026, month, opened)).toEqual(on('2026-12-10'));
        expect(catchUpDeadline(day10, 2026, month, opened)).toEqual(on('2026-12-10'));
      }
    });

    it('then November keeps its own deadline, 10 December, and December its own, 10 January 2027', () => {
      expect(reportDeadline(day10, 2026, 11, opened)).toEqual(on('2026-12-10'));
      expect(catchUpDeadline(day10, 2026, 11, opened)).toBeNull();
      expect(reportDeadline(day10, 2026, 12, opened)).toEqual(on('2027-01-10'));
    });
  });

  describe('given deadline day 10 and the PK of 2026 first approved on 7 December 2026, three days before November is due', () => {
    const opened = on('2026-12-07');

    it('then January to November are due 10 January 2027, as December is: no older month due after a newer one', () => {
      for (let month = 1; month <= 12; month++) expect(reportDeadline(day10, 2026, month, opened)).toEqual(on('2027-01-10'));
      expect(catchUpDeadline(day10, 2026, 11, opened)).toEqual(on('2027-01-10'));
      expect(catchUpDeadline(day10, 2026, 12, opened)).toBeNull();
    });
  });

  it('given the PK approved on 1 February, the first day January can be sent, then January is due 10 February as usual', () => {
    expect(reportDeadline(day10, 2026, 1, on('2026-02-01'))).toEqual(on('2026-02-10'));
    expect(catchUpDeadline(day10, 2026, 1, on('2026-02-01'))).toBeNull();
  });

  describe('given deadline day 5 and the PK of 2026 first approved on 1 November 2026, the first day October can be sent', () => {
    const opened = on('2026-11-01');
    const day5: DeadlineDayHistory = [{ changedOn: on('2023-01-02'), deadlineDay: 5 }];

    it('then October keeps 5 November and January to September are due with it, not after it', () => {
      expect(catchUpDeadline(day5, 2026, 10, opened)).toBeNull();
      for (let month = 1; month <= 10; month++) expect(reportDeadline(day5, 2026, month, opened)).toEqual(on('2026-11-05'));
      expect(reportDeadline(day5, 2026, 11, opened)).toEqual(on('2026-12-05'));
    });

    it('and the PK of 2026 approved on 1 January 2027, then all of 2026 is due 5 January 2027 as December is', () => {
      for (let month = 1; month <= 12; month++) expect(reportDeadline(day5, 2026, month, on('2027-01-01'))).toEqual(on('2027-01-05'));
    });
  });

  it('given the PK approved on 2 February, a day of January\'s window lost, then January is due 10 March with February', () => {
    expect(reportDeadline(day10, 2026, 1, on('2026-02-02'))).toEqual(on('2026-03-10'));
    expect(catchUpDeadline(day10, 2026, 1, on('2026-02-02'))).toEqual(on('2026-03-10'));
    expect(catchUpDeadline(day10, 2026, 2, on('2026-02-02'))).toBeNull();
  });

  it('given the PK approved on the deadline day itself (10 February), then January is due 10 March, not within hours', () => {
    expect(reportDeadline(day10, 2026, 1, on('2026-02-10'))).toEqual(on('2026-03-10'));
  });

  it('given the PK approved in January (the demo: 16 January), then every month keeps its own deadline', () => {
    for (let month = 1; month <= 12; month++) expect(catchUpDeadline(day10, 2026, month, on('2026-01-16'))).toBeNull();
  });

  it('given the PK approved on 20 February, then January is due 10 March and February keeps 10 March', () => {
    expect(reportDeadline(day10, 2026, 1, on('2026-02-20'))).toEqual(on('2026-03-10'));
    expect(reportDeadline(day10, 2026, 2, on('2026-02-20'))).toEqual(on('2026-03-10'));
    expect(reportDeadline(day10, 2026, 3, on('2026-02-20'))).toEqual(on('2026-04-10'));
  });

  it('given the PK of 2026 approved on 15 January 2027 (across the year boundary), then every month of 2026 is due 10 February 2027', () => {
    for (let month = 1; month <= 12; month++) {
      expect(reportDeadline(day10, 2026, month, on('2027-01-15'))).toEqual(on('2027-02-10'));
    }
  });

  it('given the PK of 2026 approved on 1 January 2027, then December 2026 keeps 10 January 2027 and November is due with it', () => {
    expect(reportDeadline(day10, 2026, 12, on('2027-01-01'))).toEqual(on('2027-01-10'));
    expect(reportDeadline(day10, 2026, 11, on('2027-01-01'))).toEqual(on('2027-01-10'));
  });

  it('given no approved PK (opened is null), then every month has its ordinary deadline', () => {
    expect(reportDeadline(day10, 2026, 1, null)).toEqual(on('2026-02-10'));
    expect(catchUpDeadline(day10, 2026, 1, null)).toBeNull();
    expect(reportDeadline([], 2026, 12, null, 5)).toEqual(on('2027-01-05'));
  });

  describe('with a history of deadline days', () => {
    it('given the day raised 10 → 15 on 3 November 2026 and the PK approved 20 November, then the catch-up months are due 15 December (the day of November)', () => {
      const history = [...day10, { changedOn: on('2026-11-03'), deadlineDay: 15 }];
      expect(reportDeadline(history, 2026, 3, on('2026-11-20'))).toEqual(on('2026-12-15'));
      // October was due 10 November under its day (the change reached it while open: 15 November).
      expect(reportDeadline(history, 2026, 10, on('2026-11-20'))).toEqual(on('2026-12-15'));
    });

    it('given the day lowered 10 → 5 on 7 December 2026 and the PK approved 20 November, then the catch-up months keep 10 December, as November does', () => {
      const history = [...day10, { changedOn: on('2026-12-07'), deadlineDay: 5 }];
      expect(reportDeadline(history, 2026, 4, on('2026-11-20'))).toEqual(on('2026-12-10'));
      expect(reportDeadline(history, 2026, 11, on('2026-11-20'))).toEqual(on('2026-12-10'));
      expect(reportDeadline(history, 2026, 12, on('2026-11-20'))).toEqual(on('2027-01-05'));
    });

    it('given a month whose own (extended) deadline had not passed at the approval but whose window had begun, then it is due with the next month', () => {
      // 10 → 25 on 5 February: January is due 25 February; approved on 20 February, five days of its
      // window would be left, so it is due 25 March with February.
      const history = [...day10, { changedOn: on('2026-02-05'), deadlineDay: 25 }];
      expect(reportDeadline(history, 2026, 1, on('2026-02-20'))).toEqual(on('2026-03-25'));
      expect(reportDeadline(history, 2026, 1, on('2026-02-01'))).toEqual(on('2026-02-25'));
    });
  });
});
