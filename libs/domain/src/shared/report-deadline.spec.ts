import { deadlineDayForMonth, deadlineHasPassed, firstMonthChangeApplies, reportDeadlineOf, type DeadlineDayHistory } from './report-deadline';

const on = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const created = (day: number, date = '2023-01-02') => ({ changedOn: on(date), deadlineDay: day });
const changed = (date: string, day: number) => ({ changedOn: on(date), deadlineDay: day });
const dayOf = (history: DeadlineDayHistory, year: number, month: number) => deadlineDayForMonth(history, year, month);

describe('A deadline has passed from the day after it (the deadline day itself is included)', () => {
  it('given a deadline of 10 December, then it has not passed on 10 December and has on 11 December', () => {
    expect(deadlineHasPassed(on('2024-12-10'), on('2024-12-10'))).toBe(false);
    expect(deadlineHasPassed(on('2024-12-10'), on('2024-12-11'))).toBe(true);
    expect(deadlineHasPassed(on('2025-01-05'), on('2024-12-31'))).toBe(false);
  });
});

describe('The deadline day of a month, from the office history of deadline days', () => {
  it('given no change since creation, then every month, before and after creation, has the first day', () => {
    const history = [created(5, '2024-06-15')];
    expect(dayOf(history, 2023, 3)).toBe(5);
    expect(dayOf(history, 2024, 11)).toBe(5);
    expect(reportDeadlineOf(history, 2024, 11)).toEqual(on('2024-12-05'));
  });

  it('given an empty history, then the fallback is the day; without one it is refused', () => {
    expect(deadlineDayForMonth([], 2024, 11, 7)).toBe(7);
    expect(() => deadlineDayForMonth([], 2024, 11)).toThrow();
  });

  describe('when the admin raises 5 → 15 on 3 December 2024 (an extension of the window still open)', () => {
    const history = [created(5), changed('2024-12-03', 15)];

    it('then November, due 5 December and still open, is due 15 December', () => {
      expect(reportDeadlineOf(history, 2024, 11)).toEqual(on('2024-12-15'));
    });

    it('then October, whose deadline (5 November) had passed, keeps it', () => {
      expect(reportDeadlineOf(history, 2024, 10)).toEqual(on('2024-11-05'));
    });

    it('then December and every later month take 15', () => {
      expect(dayOf(history, 2024, 12)).toBe(15);
      expect(dayOf(history, 2026, 7)).toBe(15);
    });
  });

  describe('when the admin lowers 10 → 5 on 7 December 2024 (a shortening)', () => {
    const history = [created(10), changed('2024-12-07', 5)];

    it('then November keeps 10 December: under 5 it would already be overdue', () => {
      expect(reportDeadlineOf(history, 2024, 11)).toEqual(on('2024-12-10'));
    });

    it('then December is due 5 January', () => {
      expect(reportDeadlineOf(history, 2024, 12)).toEqual(on('2025-01-05'));
    });
  });

  it('when the admin lowers 10 → 8 on 7 December, then November, open under both, is due 8 December', () => {
    expect(reportDeadlineOf([created(10), changed('2024-12-07', 8)], 2024, 11)).toEqual(on('2024-12-08'));
  });

  describe('when the change comes after the deadline of the month passed', () => {
    const history = [created(5), changed('2024-12-06', 20)];

    it('then that month keeps its deadline (a passed deadline is never moved, even outward)', () => {
      expect(reportDeadlineOf(history, 2024, 11)).toEqual(on('2024-12-05'));
    });

    it('then the month still running takes the new day', () => {
      expect(reportDeadlineOf(history, 2024, 12)).toEqual(on('2025-01-20'));
    });
  });

  it('when the change is made on the deadline day itself, then that month still takes it (the day is included)', () => {
    expect(reportDeadlineOf([created(5), changed('2024-12-05', 12)], 2024, 11)).toEqual(on('2024-12-12'));
  });

  describe('across the year boundary: raising 5 → 12 on 4 January 2025', () => {
    const history = [created(5), changed('2025-01-04', 12)];

    it('then December 2024, due 5 January 2025 and still open, is due 12 January 2025', () => {
      expect(reportDeadlineOf(history, 2024, 12)).toEqual(on('2025-01-12'));
    });

    it('then November 2024 keeps 5 December 2024', () => {
      expect(reportDeadlineOf(history, 2024, 11)).toEqual(on('2024-12-05'));
    });

    it('then lowering 12 → 3 on 10 January 2025 leaves December 2024 at 12 January, January 2025 at 3 February', () => {
      const lowered = [...history, changed('2025-01-10', 3)];
      expect(reportDeadlineOf(lowered, 2024, 12)).toEqual(on('2025-01-12'));
      expect(reportDeadlineOf(lowered, 2025, 1)).toEqual(on('2025-02-03'));
    });
  });

  describe('when several changes are made, they fold in order', () => {
    // 5 at creation; 15 on 3 Mar; 8 on 12 Mar; 20 on 9 Apr; 20 → 2 on 1 May.
    const history = [created(5), changed('2024-03-03', 15), changed('2024-03-12', 8), changed('2024-04-09', 20), changed('2024-05-01', 2)];

    it('then January, due 5 February, keeps 5 (every change came after it)', () => {
      expect(dayOf(history, 2024, 1)).toBe(5);
    });

    it('then February took 15 on 3 March and kept it (8 on 12 March would have made it overdue)', () => {
      expect(reportDeadlineOf(history, 2024, 2)).toEqual(on('2024-03-15'));
    });

    it('then March took 15, then 8, and not 20 on 9 April: its deadline of 8 April had passed', () => {
      expect(reportDeadlineOf(history, 2024, 3)).toEqual(on('2024-04-08'));
    });

    it('then April took 20 on 9 April, then 2 on 1 May: 2 May was still ahead under both', () => {
      expect(reportDeadlineOf(history, 2024, 4)).toEqual(on('2024-05-02'));
    });

    it('then May and later take 2', () => {
      expect(dayOf(history, 2024, 5)).toBe(2);
      expect(dayOf(history, 2025, 12)).toBe(2);
    });
  });

  it('when the same day is set again, then nothing moves', () => {
    expect(dayOf([created(5), changed('2024-12-03', 5)], 2024, 11)).toBe(5);
  });
});

describe('The first report month a change of the deadline day applies to', () => {
  it('given an extension while the window is open (5 → 15 on 3 December), then from November', () => {
    expect(firstMonthChangeApplies([created(5)], changed('2024-12-03', 15))).toEqual({ year: 2024, month: 11 });
  });

  it('given a shortening that would make the open month late (10 → 5 on 7 December), then from December', () => {
    expect(firstMonthChangeApplies([created(10)], changed('2024-12-07', 5))).toEqual({ year: 2024, month: 12 });
  });

  it('given a change after the deadline passed (5 → 20 on 6 December), then from December', () => {
    expect(firstMonthChangeApplies([created(5)], changed('2024-12-06', 20))).toEqual({ year: 2024, month: 12 });
  });

  it('given an extension on 4 January while December is still open, then from December of the year before', () => {
    expect(firstMonthChangeApplies([created(5)], changed('2025-01-04', 12))).toEqual({ year: 2024, month: 12 });
  });

  it('given November kept 10 after a shortening to 5, when raised to 8 on 8 December, then from November (its 10 December is still ahead)', () => {
    const before = [created(10), changed('2024-12-07', 5)];
    expect(firstMonthChangeApplies(before, changed('2024-12-08', 8))).toEqual({ year: 2024, month: 11 });
    expect(reportDeadlineOf([...before, changed('2024-12-08', 8)], 2024, 11)).toEqual(on('2024-12-08'));
  });
});
