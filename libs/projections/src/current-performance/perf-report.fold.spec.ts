import type { RealisasiEvent } from '@kinerja/domain';
import { evolvePerfReport, PerfReport, valuesOf } from './perf-report.fold';

const key = { satker: 'kpu-kab-jember', year: 2024, month: 3, subbagian: 'KUL' };
const line = (indicatorCode: string, value: string | null) => ({ indicatorCode, value, narrative: '', kendala: '', solusi: '', evidence: [] });
const saved = (revision: number, lines: ReturnType<typeof line>[]): RealisasiEvent => ({
  type: 'RealisasiDraftSaved',
  data: { key, revision, pkVersion: 1, lines, budget: [{ kegiatanCode: 'K4', spent: '100.50' }], savedBy: 'u-kul', savedAt: '2024-04-01T01:00:00.000Z' },
});
const submitted = (revision: number): RealisasiEvent => ({ type: 'RealisasiSubmitted', data: { revision, resubmission: false, submittedBy: 'u-kul', submittedAt: '2024-04-01T02:00:00.000Z' } });
const approved = (revision: number): RealisasiEvent => ({ type: 'RealisasiApproved', data: { revision, approvedBy: 'u-sek', approvedAt: '2024-04-02T02:00:00.000Z' } });
const reopened = (revision: number): RealisasiEvent => ({ type: 'RealisasiRevisionOpened', data: { revision, reason: 'Koreksi', openedBy: 'u-kul', openedAt: '2024-05-01T02:00:00.000Z' } });

function given(events: RealisasiEvent[]): PerfReport {
  return events.reduce<PerfReport | null>((report, event) => evolvePerfReport(report, key, event), null) as PerfReport;
}

describe('current performance of one report', () => {
  it('given a correction drafted with other figures, when it is withdrawn, then the report reads exactly as when it was approved', () => {
    const first = [saved(0, [line('K4.1', '1')]), submitted(0), approved(0)];
    const withdrawn: RealisasiEvent = {
      type: 'RealisasiRevisionWithdrawn',
      data: {
        revision: 1, approvedRevision: 0, pkVersion: 1, lines: [line('K4.1', '1')], budget: [{ kegiatanCode: 'K4', spent: '100.50' }],
        approvedSubmission: { by: 'u-kul', at: '2024-04-01T02:00:00.000Z' }, approvedReturn: null, reason: null, withdrawnBy: 'u-kul', withdrawnAt: '2024-05-02T02:00:00.000Z',
      },
    };
    const report = given([...first, reopened(1), saved(1, [line('K4.1', '2'), line('K4.3', '5')]), withdrawn]);
    expect(report).toEqual(given(first));
    expect(valuesOf(report)).toEqual(valuesOf(given(first)));
  });

  it('a submitted report counts for nothing yet: its cells carry the working value only', () => {
    const report = given([saved(0, [line('K4.1', '1'), line('K4.2', null)]), submitted(0)]);
    expect(report.approved).toBeNull();
    expect(valuesOf(report).map((v) => [v.indicator_code, v.value, v.status, v.approved, v.approved_value])).toEqual([
      ['K4.1', '1', 'SUBMITTED', false, null],
      ['K4.2', null, 'SUBMITTED', false, null],
    ]);
  });

  it('approval freezes the working content as the approved figures, blanks staying blank', () => {
    const report = given([saved(0, [line('K4.1', '1'), line('K4.2', null)]), submitted(0), approved(0)]);
    expect(report.approved).toEqual({
      revision: 0, pkVersion: 1, lines: [{ indicatorCode: 'K4.1', value: '1' }, { indicatorCode: 'K4.2', value: null }],
      budget: [{ kegiatanCode: 'K4', spent: '100.50' }], approvedAt: '2024-04-02T02:00:00.000Z', approvedBy: 'u-sek',
    });
    expect(valuesOf(report).map((v) => [v.indicator_code, v.approved, v.approved_value])).toEqual([['K4.1', true, '1'], ['K4.2', true, null]]);
  });

  it('while a correction is drafted the approved figures still count, beside the new working values', () => {
    const report = given([saved(0, [line('K4.1', '1')]), submitted(0), approved(0), reopened(1), saved(1, [line('K4.1', '2')])]);
    expect(report).toMatchObject({ status: 'DRAFT', revision: 1 });
    expect(valuesOf(report)).toEqual([{
      satker: 'kpu-kab-jember', year: 2024, indicator_code: 'K4.1', month: 3, subbagian: 'KUL', in_working: true, value: '2',
      status: 'DRAFT', revision: 1, approved: true, approved_value: '1', approved_revision: 0,
    }]);
  });

  it('the corrected figures replace the approved ones only when approved again', () => {
    const report = given([saved(0, [line('K4.1', '1')]), submitted(0), approved(0), reopened(1), saved(1, [line('K4.1', '2')]), submitted(1), approved(1)]);
    expect(valuesOf(report).map((v) => [v.approved_value, v.approved_revision])).toEqual([['2', 1]]);
  });

  it('refuses an event of a report it has never seen opened (a corrupt log, not a user error)', () => {
    expect(() => evolvePerfReport(null, key, submitted(0))).toThrow('before the report was opened');
  });
});
