import { validateSync } from 'class-validator';
import { CALENDAR_DATE_MESSAGE, IsCalendarDate, NO_SUCH_DAY_MESSAGE } from './calendar-date.validator';

class Dated {
  @IsCalendarDate() until: unknown;
}

function messagesOf(until: unknown): string[] {
  return validateSync(Object.assign(new Dated(), { until })).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('a calendar date field (IsCalendarDate)', () => {
  it('given a real date written otherwise than YYYY-MM-DD, or not text, then one message names the format', () => {
    for (const until of ['2026-4-20', '20-04-2026', '2026/04/20', '2026-04-20T00:00:00Z', 20260420, null, ''])
      expect(messagesOf(until)).toEqual([CALENDAR_DATE_MESSAGE]);
  });

  it('given the right format but a day that does not exist, then one message says so', () => {
    for (const until of ['2026-02-30', '2026-13-01', '2026-04-00', '2025-02-29', '0000-01-01']) expect(messagesOf(until)).toEqual([NO_SUCH_DAY_MESSAGE]);
  });

  it('given a day of the calendar, then it passes', () => {
    for (const until of ['2026-04-20', '2024-02-29', '2026-12-31']) expect(messagesOf(until)).toEqual([]);
  });
});
