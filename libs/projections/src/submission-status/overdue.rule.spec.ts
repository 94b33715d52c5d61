import { monthDeadline as deadlineOf } from '@kinerja/domain';
import { statusShown } from './overdue.rule';

const period = { deadline: deadlineOf(2025, 1, 5), owed: true };
const on = (month: number, day: number, year = 2025) => ({ year, month, day });

describe('submission status shown: overdue is decided from the deadline and today', () => {
  it('the deadline of December is in January of the next year', () => {
    expect(deadlineOf(2024, 12, 5)).toEqual({ year: 2025, month: 1, day: 5 });
  });

  it('not started stays not started through the deadline day itself', () => {
    expect(statusShown(null, period, on(2, 5))).toBe('NOT_STARTED');
  });

  it('not started becomes overdue the day after the deadline', () => {
    expect(statusShown(null, period, on(2, 6))).toBe('OVERDUE');
  });

  it('a draft or a returned report past the deadline is overdue', () => {
    expect(statusShown({ status: 'DRAFT', approvedOnce: false }, period, on(3, 1))).toBe('OVERDUE');
    expect(statusShown({ status: 'RETURNED', approvedOnce: false }, period, on(2, 6))).toBe('OVERDUE');
  });

  it('a submitted or approved report is never overdue', () => {
    expect(statusShown({ status: 'SUBMITTED', approvedOnce: false }, period, on(6, 1))).toBe('SUBMITTED');
    expect(statusShown({ status: 'APPROVED', approvedOnce: true }, period, on(6, 1))).toBe('APPROVED');
  });

  it('a correction of an approved report is shown as a draft, not overdue', () => {
    expect(statusShown({ status: 'DRAFT', approvedOnce: true }, period, on(6, 1))).toBe('DRAFT');
  });

  it('a report nobody owes (no indicator of the PK in force, or no PK) and nobody opened is not required, never overdue', () => {
    expect(statusShown(null, { ...period, owed: false }, on(2, 5))).toBe('NOT_REQUIRED');
    expect(statusShown(null, { ...period, owed: false }, on(6, 1))).toBe('NOT_REQUIRED');
  });

  it('a report opened before its indicators moved elsewhere keeps its status and is never overdue', () => {
    expect(statusShown({ status: 'DRAFT', approvedOnce: false }, { ...period, owed: false }, on(6, 1))).toBe('DRAFT');
    expect(statusShown({ status: 'RETURNED', approvedOnce: false }, { ...period, owed: false }, on(6, 1))).toBe('RETURNED');
  });

  it('a catch-up deadline (the PK approved after the month\'s own deadline) is the one that counts', () => {
    const catchUp = { ...period, deadline: { year: 2025, month: 3, day: 5 } };
    expect(statusShown(null, catchUp, on(2, 6))).toBe('NOT_STARTED');
    expect(statusShown(null, catchUp, on(3, 5))).toBe('NOT_STARTED');
    expect(statusShown(null, catchUp, on(3, 6))).toBe('OVERDUE');
  });

  it('follows the office deadline day', () => {
    expect(statusShown(null, { ...period, deadline: deadlineOf(2025, 1, 10) }, on(2, 9))).toBe('NOT_STARTED');
    expect(statusShown(null, { ...period, deadline: deadlineOf(2025, 1, 10) }, on(2, 11))).toBe('OVERDUE');
  });
});
