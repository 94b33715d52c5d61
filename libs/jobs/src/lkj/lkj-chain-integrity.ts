import { DomainError } from '@kinerja/domain';
import { DAMAGE_WORDS } from '@kinerja/projections/audit-trail/integrity.events';
import type { IntegrityAlert, IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';

/** Where a break found while asking for an LKj (the API) or producing one (the job) is recorded from. */
export const LKJ_REQUEST_ALERT_SOURCE = 'lkj-request';
export const LKJ_PRODUCE_ALERT_SOURCE = 'lkj-produce';

/** A chain alert as the refusal names it. */
type ChainAlert = Pick<IntegrityAlert, 'id' | 'kind' | 'brokenSequence'>;

/**
 * The refusal of an LKj while the office's event log cannot be trusted (409 LKJ.INTEGRITY_DAMAGED):
 * which alerts the Inspektorat must resolve first, and that nothing was produced.
 */
export function lkjIntegrityDamaged(satker: string, year: number, alerts: readonly ChainAlert[]): DomainError {
  const first = alerts[0];
  const what = `peristiwa ${DAMAGE_WORDS[first.kind] ?? first.kind}${first.brokenSequence === null ? '' : ` pada urutan ${first.brokenSequence}`}`;
  const ids = alerts.map((a) => `#${a.id}`).join(', ');
  return new DomainError(
    'LKJ.INTEGRITY_DAMAGED',
    `LKj ${year} tidak dibuat: log peristiwa satker ${satker} gagal pemeriksaan keutuhan rantai integritas (${what}), ` +
      `sehingga angka-angkanya tidak dapat dipercaya. Inspektorat harus memeriksa dan menutup peringatan integritas ${ids} ` +
      `terlebih dahulu (Jejak Audit → Peringatan). Tidak ada versi LKj yang dibuat.`,
    'conflict',
    { satker, year, alertIds: alerts.map((a) => a.id), kind: first.kind, brokenSequence: first.brokenSequence },
  );
}

/**
 * No LKj is built from a chain known to be broken. An LKj is an official document signed by the
 * office's head and printed with its chain head (Lampiran 2), so "known" is decided twice:
 *
 * - the office has an open chain alert (`integrity_alerts`, not one about a stored file: a damaged
 *   evidence or LKj file does not change a figure, and a new LKj is the remedy for the latter);
 * - or its chain fails verification now. Verification otherwise runs only when someone asks
 *   (`GET …/audit/verify`, `audit:verify`) and in the daily digest job, so a row edited in the
 *   database would stay unseen for up to a day, and an LKj built meanwhile would print the edited
 *   figures as fact. The whole chain of the office is verified (ChainVerifier), not only the
 *   streams the LKj reads: an edit to an old event is only seen by hashing it again, and the LKj
 *   reads last year's reports too. It is one pass over the office's events (EventStore.verify),
 *   once per version asked for and once per version produced: a few per office and year (not
 *   measured apart yet; `bench:report` times `LkjProducer.render`, which now includes it).
 *
 * A break found here is recorded the way every other detection records it
 * (`IntegrityService.verifyAndRecord`: one open alert per break, logged at error level), so the
 * trail, `/health` and the Inspektorat see it at once.
 */
export class LkjChainIntegrity {
  constructor(private readonly integrity: Pick<IntegrityService, 'openChainAlerts' | 'verifyAndRecord'>) {}

  /** Refuses (LKJ.INTEGRITY_DAMAGED) while the office has an open chain alert. Reads one index; verifies nothing. */
  async refuseWhileAlerted(satker: string, year: number): Promise<void> {
    const open = await this.integrity.openChainAlerts(satker);
    if (open.length > 0) throw lkjIntegrityDamaged(satker, year, open);
  }

  /**
   * Refuses while the office has an open chain alert, else verifies its chain now and refuses when
   * it is broken, having recorded the alert (from `source`, detected by `detectedBy`).
   */
  async refuseUnlessTrusted(satker: string, year: number, source: string, detectedBy: string): Promise<void> {
    await this.refuseWhileAlerted(satker, year);
    const { result, alert } = await this.integrity.verifyAndRecord(satker, source, detectedBy);
    if (result.intact) return;
    if (alert === null) throw new Error(`The chain of ${satker} is broken, yet no integrity alert was filed`);
    const b = result.brokenLink;
    throw lkjIntegrityDamaged(satker, year, [{ id: alert.id, kind: b.kind, brokenSequence: b.sequence }]);
  }
}
