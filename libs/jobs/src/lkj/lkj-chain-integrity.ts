import { DomainError } from '@kinerja/domain';
import { DAMAGE_WORDS } from '@kinerja/projections/audit-trail/integrity.events';
import type { IntegrityAlert, IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';

/** Where a break found while asking for an LKj (the API) or producing one (the job) is recorded from. */
export const LKJ_REQUEST_ALERT_SOURCE = 'lkj-request';
export const LKJ_PRODUCE_ALERT_SOURCE = 'lkj-produce';

/** A chain alert as the refusal names it. */
type ChainAlert = Pick<IntegrityAlert, 'id' | 'kind' | 'brokenSequence'>;

/** The first alert's damage as the refusal and the status say it: "peristiwa diubah pada urutan 169". */
function damageWords(first: ChainAlert): string {
  return `peristiwa ${DAMAGE_WORDS[first.kind] ?? first.kind}${first.brokenSequence === null ? '' : ` pada urutan ${first.brokenSequence}`}`;
}

/**
 * The refusal of an LKj while the office's event log cannot be trusted (409 LKJ.INTEGRITY_DAMAGED):
 * which alerts the Inspektorat must resolve first, and that nothing was produced.
 */
export function lkjIntegrityDamaged(satker: string, year: number, alerts: readonly ChainAlert[]): DomainError {
  const what = damageWords(alerts[0]);
  const ids = alerts.map((a) => `#${a.id}`).join(', ');
  return new DomainError(
    'LKJ.INTEGRITY_DAMAGED',
    `LKj ${year} tidak dibuat: log peristiwa satker ${satker} gagal pemeriksaan keutuhan rantai integritas (${what}), ` +
      `sehingga angka-angkanya tidak dapat dipercaya. Inspektorat harus memeriksa dan menutup peringatan integritas ${ids} ` +
      `terlebih dahulu (Jejak Audit → Peringatan). Tidak ada versi LKj yang dibuat.`,
    'conflict',
    { satker, year, alertIds: alerts.map((a) => a.id), kind: alerts[0].kind, brokenSequence: alerts[0].brokenSequence },
  );
}

/**
 * Why the versions of an LKj still to be produced wait: the office's chain alerts the Inspektorat
 * must close first (GET …/lkj/{year}, `blocked`). The code is the refusal's, LKJ.INTEGRITY_DAMAGED.
 */
export interface LkjBlocked {
  code: 'LKJ.INTEGRITY_DAMAGED';
  message: string;
  alertIds: number[];
  /** The versions asked for and not produced, ascending. */
  versions: number[];
}

/** The `blocked` of an overview whose `pending` versions wait on the open chain `alerts` (none: null). */
export function lkjBlocked(satker: string, year: number, pending: readonly number[], alerts: readonly ChainAlert[]): LkjBlocked | null {
  if (pending.length === 0 || alerts.length === 0) return null;
  const what = damageWords(alerts[0]);
  const ids = alerts.map((a) => `#${a.id}`).join(', ');
  const versions = pending.length === 1 ? `versi ${pending[0]}` : `versi ${pending.join(', ')}`;
  return {
    code: 'LKJ.INTEGRITY_DAMAGED',
    message:
      `LKj ${year} ${versions} tertahan, belum dibuat: log peristiwa satker ${satker} gagal pemeriksaan keutuhan rantai integritas (${what}), ` +
      `sehingga angka-angkanya tidak dapat dipercaya. Inspektorat harus memeriksa, memulihkan, dan menutup peringatan integritas ${ids} ` +
      `(Jejak Audit → Peringatan); setelah itu LKj dibuat otomatis tanpa perlu diminta ulang.`,
    alertIds: alerts.map((a) => a.id),
    versions: [...pending],
  };
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

  /** Why the `pending` versions wait, or null when the office has no open chain alert (or nothing is pending). Verifies nothing. */
  async blocked(satker: string, year: number, pending: readonly number[]): Promise<LkjBlocked | null> {
    if (pending.length === 0) return null;
    return lkjBlocked(satker, year, pending, await this.integrity.openChainAlerts(satker));
  }

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
