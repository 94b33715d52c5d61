/**
 * The Inspektorat closed an integrity alert of the office (`integrity_alerts`, outside the chain)
 * after the damage was repaired: the closing itself goes into the chain, on `integrity:<satker>`, so
 * the audit trail says who closed which alert, when and why.
 */
export interface IntegrityAlertResolved {
  type: 'IntegrityAlertResolved';
  data: {
    satker: string;
    alertId: number;
    kind: string;
    /** `evidence:<sha256>` for an alert about a stored file; null for the chain's own. */
    subject: string | null;
    brokenSequence: number | null;
    detectedAt: string;
    reason: string;
    resolvedBy: string;
    resolvedAt: string;
  };
}

export function integrityStreamId(satker: string): string {
  return `integrity:${satker}`;
}

/** What happened to the chain, in the words of the banner and the trail (the verifier's kinds). */
export const DAMAGE_WORDS: Record<string, string> = {
  modified: 'diubah', deleted: 'dihapus', inserted: 'disisipkan', reordered: 'ditukar urutannya', digest_mismatch: 'ditulis ulang (tidak cocok dengan digest bertanda tangan)',
};
