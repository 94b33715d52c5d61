import { foldEvents, lkjDecider, type LkjEvent } from '@kinerja/domain';
import { overviewStatus } from './lkj-views';

const requested = (version: number, draft = false): LkjEvent => ({
  type: 'LkjRequested',
  data: { satker: 's1', year: 2026, version, draft, reason: draft ? 'REQUESTED' : 'ALL_APPROVED', suggestions: [], requestedBy: 'u', requestedAt: '2026-06-01T02:00:00.000Z' },
});
const produced = (version: number, draft = false): LkjEvent => ({
  type: 'LkjProduced',
  data: { version, draft, files: [{ format: 'PDF', sha256: 'b'.repeat(64), size: 20 }], modelDigest: 'c'.repeat(64), producedAt: '2026-06-01T02:00:04.000Z' },
});
const stale: LkjEvent = { type: 'LkjMarkedStale', data: { version: 2, reason: 'Perbaikan disetujui', markedAt: '2026-06-02T02:00:00.000Z' } };
const status = (...events: LkjEvent[]) => overviewStatus(foldEvents(lkjDecider, events));

/** `status` of GET …/lkj/{year}: what the year's LKj is, drafts included. */
describe('the LKj overview status', () => {
  it('given nothing asked for, then none', () => {
    expect(status()).toBe('none');
  });

  it('given only a draft, pending or produced, then draft (never none)', () => {
    expect(status(requested(1, true))).toBe('draft');
    expect(status(requested(1, true), produced(1, true))).toBe('draft');
  });

  it('given a final beside the drafts, then that of the newest final: pending, produced, stale', () => {
    expect(status(requested(1, true), produced(1, true), requested(2))).toBe('pending');
    expect(status(requested(1, true), produced(1, true), requested(2), produced(2))).toBe('produced');
    expect(status(requested(1, true), produced(1, true), requested(2), produced(2), stale)).toBe('stale');
    expect(status(requested(1, true), produced(1, true), requested(2), produced(2), requested(3, true))).toBe('produced');
  });
});
