import type { LocalDate } from '../shared/local-date';
import { deadlineOfReport, reportOwedAt, type ReportMove } from './deadline-of-report';

const on = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
/** 10:00 in Jakarta on a local date. */
const at = (iso: string) => `${iso}T03:00:00.000Z`;
const move = (type: ReportMove['type'], day: string): ReportMove => ({ type, at: at(day) });
/** January 2024, due 5 February; a dispensasi granted on 8 April until 20 April, another on 21 April until 30 April. */
const first = { year: 2024, month: 1, until: on('2024-04-20'), grantedAt: at('2024-04-08') };
const second = { year: 2024, month: 1, until: on('2024-04-30'), grantedAt: at('2024-04-21') };
const ofJanuary = (moves: ReportMove[], extensions = [first, second], catchUp = false) =>
  deadlineOfReport(on('2024-02-05'), catchUp, extensions, 2024, 1, moves);

describe('the deadline of one report once dispensasi are counted', () => {
  it('given no dispensasi for its month, then the month\'s own or catch-up deadline stands, and says which', () => {
    expect(ofJanuary([], [])).toEqual({ deadline: on('2024-02-05'), basis: 'OWN' });
    expect(ofJanuary([], [], true)).toEqual({ deadline: on('2024-02-05'), basis: 'CATCH_UP' });
    expect(deadlineOfReport(on('2024-03-05'), false, [first], 2024, 2, [])).toEqual({ deadline: on('2024-03-05'), basis: 'OWN' });
  });

  it('given a report never sent, then the last dispensasi counts', () => {
    expect(ofJanuary([])).toEqual({ deadline: on('2024-04-30'), basis: 'DISPENSASI' });
    expect(ofJanuary([move('RealisasiDraftSaved', '2024-02-01')])).toEqual({ deadline: on('2024-04-30'), basis: 'DISPENSASI' });
  });

  it('given a report sent late (7 February) and approved on 8 April before the grant, then it keeps 5 February: still late', () => {
    const moves = [move('RealisasiDraftSaved', '2024-02-01'), move('RealisasiSubmitted', '2024-02-07'), move('RealisasiApproved', '2024-02-08')];
    expect(ofJanuary(moves)).toEqual({ deadline: on('2024-02-05'), basis: 'OWN' });
    const waiting = [move('RealisasiDraftSaved', '2024-02-01'), move('RealisasiSubmitted', '2024-04-07')];
    expect(ofJanuary(waiting)).toEqual({ deadline: on('2024-02-05'), basis: 'OWN' });
  });

  it('given a report sent during the first dispensasi, then the second one does not reach it', () => {
    const moves = [move('RealisasiDraftSaved', '2024-04-10'), move('RealisasiSubmitted', '2024-04-15')];
    expect(ofJanuary(moves)).toEqual({ deadline: on('2024-04-20'), basis: 'DISPENSASI' });
  });

  it('given a report returned before the grant and never approved, then it was owed and the dispensasi reaches it', () => {
    const moves = [move('RealisasiDraftSaved', '2024-02-01'), move('RealisasiSubmitted', '2024-02-07'), move('RealisasiReturned', '2024-02-09')];
    expect(ofJanuary(moves, [first])).toEqual({ deadline: on('2024-04-20'), basis: 'DISPENSASI' });
    expect(ofJanuary([...moves, move('RealisasiSubmitted', '2024-04-10'), move('RealisasiApproved', '2024-04-11')], [first]).basis).toBe('DISPENSASI');
  });

  it('given a report approved once, then returned after a revision, then it was not owed at the grant', () => {
    const moves = [
      move('RealisasiSubmitted', '2024-02-07'), move('RealisasiApproved', '2024-02-08'), move('RealisasiRevisionOpened', '2024-03-01'),
      move('RealisasiSubmitted', '2024-03-02'), move('RealisasiReturned', '2024-03-03'),
    ];
    expect(reportOwedAt(moves, at('2024-04-08'))).toBe(false);
    expect(ofJanuary(moves).basis).toBe('OWN');
  });
});
