import { deciderSpec } from '../../testing/decider-spec';
import type { CommandMetadata } from '../shared/actor';
import type { LkjCommand } from './lkj.commands';
import { lkjDecider } from './lkj.decider';
import type { LkjEvent, LkjFile } from './lkj.events';
import { initialLkjState, lkjStatus } from './lkj.state';
import { foldEvents } from '../shared/decider';

const given = deciderSpec(lkjDecider);
const meta = (now = '2025-01-10T02:00:00.000Z'): CommandMetadata => ({ actor: { userId: 'system', role: 'SEKRETARIS', subbagian: null }, now });
const files: LkjFile[] = [{ format: 'DOCX', sha256: 'a'.repeat(64), size: 10 }, { format: 'PDF', sha256: 'b'.repeat(64), size: 20 }];

const request = (draft: boolean, yearComplete: boolean, suggestions: string[] | null = null, pkApproved = true): LkjCommand => ({
  type: 'RequestLkj', data: { satker: 's1', year: 2024, draft, reason: draft ? 'REQUESTED' : 'ALL_APPROVED', suggestions, yearComplete, pkApproved }, metadata: meta(),
});
const requested = (version: number, draft = false, suggestions: string[] = []): LkjEvent => ({
  type: 'LkjRequested',
  data: { satker: 's1', year: 2024, version, draft, reason: draft ? 'REQUESTED' : 'ALL_APPROVED', suggestions, requestedBy: 'system', requestedAt: '2025-01-10T02:00:00.000Z' },
});
const produced = (version: number, draft = false): LkjEvent => ({
  type: 'LkjProduced', data: { version, draft, files, modelDigest: 'c'.repeat(64), producedAt: '2025-01-10T02:00:00.000Z' },
});

describe('LKj production as a decider', () => {
  it('numbers the first request version 1', () => {
    given().when(request(false, true, ['Saran A'])).then([{
      type: 'LkjRequested',
      data: { satker: 's1', year: 2024, version: 1, draft: false, reason: 'ALL_APPROVED', suggestions: ['Saran A'], requestedBy: 'system', requestedAt: '2025-01-10T02:00:00.000Z' },
    }]);
  });

  it('refuses a final version before the year is complete, with the code clients rely on', () => {
    given().when(request(false, false)).thenThrows('LKJ.YEAR_NOT_COMPLETE', 'conflict');
  });

  it.each([[true], [false]])('refuses any version, draft %s, for a year without an approved PK (409 LKJ.NO_APPROVED_PK)', (draft) => {
    given().when(request(draft, false, null, false)).thenThrows('LKJ.NO_APPROVED_PK', 'conflict');
  });

  it('allows a draft at any time of the year', () => {
    expect(given(requested(1)).when(request(true, false)).events()[0].data).toMatchObject({ version: 2, draft: true });
  });

  it('keeps the saran of the previous request when none are given', () => {
    expect(given(requested(1, true, ['Saran A'])).when(request(false, true)).events()[0].data).toMatchObject({ version: 2, suggestions: ['Saran A'] });
  });

  it('records a version produced once: a job that runs twice records nothing', () => {
    const record: LkjCommand = { type: 'RecordLkjProduced', data: { version: 1, files, modelDigest: 'c'.repeat(64) }, metadata: meta() };
    expect(given(requested(1)).when(record).events()).toHaveLength(1);
    given(requested(1), produced(1)).when(record).then([]);
  });

  it('records the label of the rating scale that rated the version, and keeps it in the state', () => {
    const record: LkjCommand = { type: 'RecordLkjProduced', data: { version: 1, files, modelDigest: 'c'.repeat(64), ratingScaleVersion: 'ketat-2025' }, metadata: meta() };
    const events = given(requested(1)).when(record).events();
    expect(events[0].data).toMatchObject({ version: 1, ratingScaleVersion: 'ketat-2025' });
    expect(foldEvents(lkjDecider, [requested(1), ...events]).versions[0].produced?.ratingScaleVersion).toBe('ketat-2025');
  });

  it('refuses to record a version nobody asked for', () => {
    given().when({ type: 'RecordLkjProduced', data: { version: 3, files, modelDigest: 'c' }, metadata: meta() }).thenThrows('LKJ.VERSION_NOT_FOUND');
  });

  it('marks the produced final version stale once, and not a draft', () => {
    const stale: LkjCommand = { type: 'MarkLkjStale', data: { reason: 'Perbaikan disetujui' }, metadata: meta() };
    given(requested(1), produced(1)).when(stale).then([{ type: 'LkjMarkedStale', data: { version: 1, reason: 'Perbaikan disetujui', markedAt: '2025-01-10T02:00:00.000Z' } }]);
    given(requested(1), produced(1), { type: 'LkjMarkedStale', data: { version: 1, reason: 'x', markedAt: 'y' } }).when(stale).then([]);
    given(requested(1, true), produced(1, true)).when(stale).then([]);
  });

  it('tells the status: none, pending, produced, stale, then pending again', () => {
    const status = (...events: LkjEvent[]) => lkjStatus(foldEvents(lkjDecider, events));
    expect(lkjStatus(initialLkjState())).toBe('none');
    expect(status(requested(1, true), produced(1, true))).toBe('none');
    expect(status(requested(1))).toBe('pending');
    expect(status(requested(1), produced(1))).toBe('produced');
    const staleEvent: LkjEvent = { type: 'LkjMarkedStale', data: { version: 1, reason: 'x', markedAt: 'y' } };
    expect(status(requested(1), produced(1), staleEvent)).toBe('stale');
    expect(status(requested(1), produced(1), staleEvent, requested(2))).toBe('pending');
    expect(status(requested(1), produced(1), staleEvent, requested(2), produced(2))).toBe('produced');
  });
});
