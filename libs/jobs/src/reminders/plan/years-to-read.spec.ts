import { pkYearsToRead, reportYearsToRead } from './plan-reminders';
import { extension, office } from './plan.test-builders';

const day = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number);
  return { year, month, day: d };
};

describe('the years a reminder run reads', () => {
  it('given the PK of 2025 first approved on 7 December 2026 (day 5), when it runs in January or February 2027, then it reads the reports of 2025 (due 5 January 2027)', () => {
    const opened = new Map([[2025, day('2026-12-07')], [2026, day('2026-01-06')]]);
    expect(reportYearsToRead(office(), day('2027-01-01'), opened)).toEqual([2025, 2026, 2027]);
    expect(reportYearsToRead(office(), day('2027-02-28'), opened)).toEqual([2025, 2026, 2027]);
  });

  it('given the same PK, when it runs in March 2027 (the escalation window of 5 January has passed), then 2025 is read no more', () => {
    expect(reportYearsToRead(office(), day('2027-03-01'), new Map([[2025, day('2026-12-07')]]))).toEqual([2026, 2027]);
  });

  it('given the PK of 2025 approved in time (January 2025), when it runs in January 2027, then only this year and last are read', () => {
    expect(reportYearsToRead(office(), day('2027-01-01'), new Map([[2025, day('2025-01-06')]]))).toEqual([2026, 2027]);
  });

  it('given a dispensasi for March 2025 until 15 March 2027, when it runs in March 2027, then 2025 is read', () => {
    const withDispensasi = office({ extensions: [extension(2025, 3, '2027-03-15')] });
    expect(reportYearsToRead(withDispensasi, day('2027-03-10'), new Map([[2025, day('2025-01-06')]]))).toEqual([2025, 2026, 2027]);
  });

  it('reads the PK streams of this year and the two before, and of an older year with a dispensasi still in the window', () => {
    expect(pkYearsToRead(office(), day('2027-01-01'))).toEqual([2025, 2026, 2027]);
    expect(pkYearsToRead(office({ extensions: [extension(2024, 3, '2027-01-15'), extension(2023, 3, '2024-01-15')] }), day('2027-01-01')))
      .toEqual([2024, 2025, 2026, 2027]);
  });
});
