import { foldEvents, realisasiDecider, type PkState, type PkVersionInForce, type RealisasiEvent, type RealisasiKey } from '@kinerja/domain';
import { anIndicator, aPkInForce, aStructure } from '../../../../domain/testing/builders';
import { statusShown } from '@kinerja/projections';
import type { Clock } from '@kinerja/platform';
import type { PkReader } from '../../perjanjian-kinerja/pk-reader';
import type { SatkerDirectory } from '../../shared/satker-directory';
import type { RealisasiReader } from '../realisasi-reader';
import { ListRealisasiHandler, type RealisasiListCell } from './list-realisasi.query';

// KUL's January 2024 report; the deadline is 5 February (Asia/Jakarta).
const key: RealisasiKey = { satker: 'kpu-kab-jember', year: 2024, month: 1, subbagian: 'KUL' };
const saved: RealisasiEvent = {
  type: 'RealisasiDraftSaved',
  data: { key, revision: 0, pkVersion: 1, lines: [], budget: [], savedBy: 'u-kul', savedAt: '2024-02-01T02:00:00Z' },
};
const submitted = (revision: number): RealisasiEvent => ({
  type: 'RealisasiSubmitted', data: { revision, resubmission: revision > 0, submittedBy: 'u-kul', submittedAt: '2024-02-01T02:00:00Z' },
});
const approved: RealisasiEvent = { type: 'RealisasiApproved', data: { revision: 0, approvedBy: 'u-sek', approvedAt: '2024-02-02T02:00:00Z' } };
const returned = (revision: number): RealisasiEvent => ({
  type: 'RealisasiReturned', data: { revision, reason: 'Lampirkan SP2D.', returnedBy: 'u-sek', returnedAt: '2024-03-02T02:00:00Z' },
});
const revisionOpened: RealisasiEvent = {
  type: 'RealisasiRevisionOpened', data: { revision: 1, reason: 'Salah ketik.', openedBy: 'u-kul', openedAt: '2024-03-01T02:00:00Z' },
};

/** A PK stream whose one approved version is `pk` (approved 16 January 2024). */
function pkReaderOf(pk: PkVersionInForce | null): PkReader {
  const state: PkState = pk === null ? { status: 'EMPTY' } : {
    status: 'EXISTS', satker: pk.satker, year: pk.year, inForce: pk.version, working: null,
    versions: [{
      version: pk.version, status: 'APPROVED', structure: pk.structure, revisionReason: null, basedOnVersion: null, draftedBy: 'u', draftedAt: pk.approvedAt,
      submittedBy: 'u', submittedAt: pk.approvedAt, approvedBy: 'k', approvedAt: pk.approvedAt, lastReturn: null,
    }],
  };
  return { load: async () => ({ state, version: 0 }) } as unknown as PkReader;
}

/** The PK in force: KUL is PIC of K1.1 and K1.2 (PDI of K2.1). */
const pkInForce = pkReaderOf(aPkInForce());

/** January's KUL cell of `GET realisasi/2024` at `now`, the report having the given events. */
async function januaryCell(events: RealisasiEvent[], now: string, pk: PkVersionInForce | null = aPkInForce()): Promise<RealisasiListCell> {
  const reader = { loadYear: async () => [{ key, state: foldEvents(realisasiDecider, events), version: events.length }] } as unknown as RealisasiReader;
  const directory = { facts: async () => ({ code: key.satker, timeZone: 'Asia/Jakarta', reportDeadlineDay: 5, deadlineDays: [], subbagianCodes: ['KUL'] }) } as unknown as SatkerDirectory;
  const clock: Clock = { now: () => new Date(now) };
  const pkReader = pkReaderOf(pk);
  const view = await new ListRealisasiHandler(reader, directory, pkReader, clock).execute({ satker: key.satker, year: 2024 } as never);
  return view.months[0].reports.find((r) => r.subbagian === 'KUL')!;
}

/** 10 March 2024 in Jakarta: well past January's deadline. */
const LATE = '2024-03-10T03:00:00Z';

describe('realisasi list of a year: overdue follows the one rule of the submission-status read model', () => {
  it('given an approved report under correction (revision opened), when listed past the deadline, then it is a draft, not overdue', async () => {
    const cell = await januaryCell([saved, submitted(0), approved, revisionOpened], LATE);
    expect(cell).toMatchObject({ status: 'DRAFT', revision: 1, overdue: false });
  });

  it('given a correction returned to its Kasubbag, when listed past the deadline, then it is returned, not overdue', async () => {
    const cell = await januaryCell([saved, submitted(0), approved, revisionOpened, submitted(1), returned(1)], LATE);
    expect(cell).toMatchObject({ status: 'RETURNED', overdue: false });
  });

  it('given a first draft or a return never approved, when listed past the deadline, then it is overdue', async () => {
    expect(await januaryCell([saved], LATE)).toMatchObject({ status: 'DRAFT', overdue: true });
    expect(await januaryCell([saved, submitted(0), returned(0)], LATE)).toMatchObject({ status: 'RETURNED', overdue: true });
  });

  it('given no report, then it is overdue only once the deadline day is over in the office time zone', async () => {
    expect(await januaryCell([], '2024-02-05T16:59:00Z')).toMatchObject({ status: 'NOT_STARTED', overdue: false });
    expect(await januaryCell([], '2024-02-05T17:00:00Z')).toMatchObject({ status: 'NOT_STARTED', overdue: true });
  });

  it('given a submitted or approved report, then it is never overdue', async () => {
    expect(await januaryCell([saved, submitted(0)], LATE)).toMatchObject({ overdue: false });
    expect(await januaryCell([saved, submitted(0), approved], LATE)).toMatchObject({ overdue: false });
  });

  it('agrees with statusShown (the matrix and the reminders) in every case', async () => {
    const histories: RealisasiEvent[][] = [
      [], [saved], [saved, submitted(0)], [saved, submitted(0), returned(0)], [saved, submitted(0), approved],
      [saved, submitted(0), approved, revisionOpened], [saved, submitted(0), approved, revisionOpened, submitted(1)],
      [saved, submitted(0), approved, revisionOpened, submitted(1), returned(1)],
    ];
    for (const events of histories) {
      const state = foldEvents(realisasiDecider, events);
      const stored = state.status === 'EMPTY' ? null : { status: state.status, approvedOnce: state.approved !== null };
      const shown = statusShown(stored, { deadline: { year: 2024, month: 2, day: 5 }, owed: true }, { year: 2024, month: 3, day: 10 });
      expect({ events: events.map((e) => e.type), overdue: (await januaryCell(events, LATE)).overdue })
        .toEqual({ events: events.map((e) => e.type), overdue: shown === 'OVERDUE' });
    }
  });

  it('given KUL is PIC of no indicator of the PK in force, when listed past the deadline, then its empty month is not required, never overdue', async () => {
    const moved = aPkInForce(aStructure([anIndicator({ picSubbagian: 'PDI' })]), 2);
    expect(await januaryCell([], LATE, moved)).toMatchObject({ status: 'NOT_REQUIRED', overdue: false });
    expect(await januaryCell([saved], LATE, moved)).toMatchObject({ status: 'DRAFT', overdue: false });
    expect(await januaryCell([saved, submitted(0), approved], LATE, moved)).toMatchObject({ status: 'APPROVED', overdue: false });
  });

  it('given the PK first approved on 20 March 2024, then January and February are due 5 April (catch-up) and overdue only after it', async () => {
    const late = { ...aPkInForce(), approvedAt: '2024-03-20T03:00:00Z' };
    expect(await januaryCell([], '2024-04-05T16:59:00Z', late)).toMatchObject({ status: 'NOT_STARTED', overdue: false });
    expect(await januaryCell([saved], '2024-04-05T16:59:00Z', late)).toMatchObject({ status: 'DRAFT', overdue: false });
    expect(await januaryCell([], '2024-04-05T17:00:00Z', late)).toMatchObject({ status: 'NOT_STARTED', overdue: true, dueDate: '2024-04-05', deadlineBasis: 'CATCH_UP' });
    expect(await januaryCell([], LATE)).toMatchObject({ dueDate: '2024-02-05', deadlineBasis: 'OWN' });
    const reader = { loadYear: async () => [] } as unknown as RealisasiReader;
    const directory = { facts: async () => ({ code: key.satker, timeZone: 'Asia/Jakarta', reportDeadlineDay: 5, deadlineDays: [], subbagianCodes: [] }) } as unknown as SatkerDirectory;
    const view = await new ListRealisasiHandler(reader, directory, pkReaderOf(late), { now: () => new Date('2024-03-21T03:00:00Z') }).execute({ satker: key.satker, year: 2024 } as never);
    expect(view.months.slice(0, 4).map((m) => m.dueDate)).toEqual(['2024-04-05', '2024-04-05', '2024-04-05', '2024-05-05']);
  });

  it('given a report first submitted on time, returned and sent again late, then it is on time by its first submission; one first sent late is late', async () => {
    const sentOn = (submittedAt: string, revision = 0): RealisasiEvent => ({ type: 'RealisasiSubmitted', data: { revision, resubmission: false, submittedBy: 'u-kul', submittedAt } });
    const onTime = await januaryCell([saved, submitted(0), returned(0), sentOn('2024-03-05T03:00:00Z')], LATE);
    expect(onTime).toMatchObject({ firstSubmittedAt: '2024-02-01T02:00:00Z', submittedAt: '2024-03-05T03:00:00Z', submittedOnTime: true, daysLate: 0 });
    // 8 February 00:30 in Jakarta is still 7 February in UTC: three office days after 5 February.
    const late = await januaryCell([saved, sentOn('2024-02-07T17:30:00Z')], LATE);
    expect(late).toMatchObject({ firstSubmittedAt: '2024-02-07T17:30:00Z', submittedOnTime: false, daysLate: 3 });
    expect(await januaryCell([saved], LATE)).toMatchObject({ firstSubmittedAt: null, submittedOnTime: null, daysLate: null });
  });

  it('given no approved PK yet, then nothing is owed and nothing is overdue', async () => {
    expect(await januaryCell([], LATE, null)).toMatchObject({ status: 'NOT_REQUIRED', overdue: false });
  });

  it('gives the deadline of December in January of the next year', async () => {
    const reader = { loadYear: async () => [] } as unknown as RealisasiReader;
    const directory = { facts: async () => ({ code: key.satker, timeZone: 'Asia/Jakarta', reportDeadlineDay: 5, deadlineDays: [], subbagianCodes: [] }) } as unknown as SatkerDirectory;
    const view = await new ListRealisasiHandler(reader, directory, pkInForce, { now: () => new Date(LATE) }).execute({ satker: key.satker, year: 2024 } as never);
    expect(view.months.map((m) => m.dueDate)).toEqual([
      '2024-02-05', '2024-03-05', '2024-04-05', '2024-05-05', '2024-06-05', '2024-07-05',
      '2024-08-05', '2024-09-05', '2024-10-05', '2024-11-05', '2024-12-05', '2025-01-05',
    ]);
  });

  it('gives each month the deadline day it had: raised 5 → 15 on 3 June 2024, April keeps 5 May, May is due 15 June', async () => {
    const reader = { loadYear: async () => [] } as unknown as RealisasiReader;
    const deadlineDays = [
      { changedOn: { year: 2023, month: 1, day: 2 }, deadlineDay: 5 },
      { changedOn: { year: 2024, month: 6, day: 3 }, deadlineDay: 15 },
    ];
    const directory = { facts: async () => ({ code: key.satker, timeZone: 'Asia/Jakarta', reportDeadlineDay: 15, deadlineDays, subbagianCodes: [] }) } as unknown as SatkerDirectory;
    const view = await new ListRealisasiHandler(reader, directory, pkInForce, { now: () => new Date('2024-06-03T03:00:00Z') }).execute({ satker: key.satker, year: 2024 } as never);
    expect(view.months.map((m) => m.dueDate)).toEqual([
      '2024-02-05', '2024-03-05', '2024-04-05', '2024-05-05', '2024-06-15', '2024-07-15',
      '2024-08-15', '2024-09-15', '2024-10-15', '2024-11-15', '2024-12-15', '2025-01-15',
    ]);
  });
});
