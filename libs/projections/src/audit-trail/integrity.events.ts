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

/** A stored bukti dukung file whose bytes no longer hash to the SHA-256 it was uploaded with. */
export const EVIDENCE_MISMATCH = 'evidence_mismatch';

/** A stored LKj file (DOCX or PDF) whose bytes no longer hash to the SHA-256 recorded when it was produced. */
export const LKJ_FILE_MISMATCH = 'lkj_file_mismatch';

/** The alerts about a stored file rather than the chain, each with the file's kind in words. */
export const STORED_FILE_KINDS: Readonly<Record<string, string>> = {
  [EVIDENCE_MISMATCH]: 'berkas bukti dukung',
  [LKJ_FILE_MISMATCH]: 'berkas Laporan Kinerja (LKj)',
};

/** The SHA-256 an alert's subject names (`evidence:<sha256>`, `lkj:<sha256>`), or null. */
export function sha256OfFileSubject(subject: string): string | null {
  const match = /^(?:evidence|lkj):([0-9a-f]{64})$/.exec(subject);
  return match ? match[1] : null;
}

const EVIDENCE_SUBJECT_PREFIX = 'evidence:';

/** What an evidence alert is about; one open alert per office and subject. */
export function evidenceSubject(sha256: string): string {
  return `${EVIDENCE_SUBJECT_PREFIX}${sha256}`;
}

/** The SHA-256 an `evidenceSubject` names, or null for a subject of another kind. */
export function sha256OfEvidenceSubject(subject: string): string | null {
  return subject.startsWith(EVIDENCE_SUBJECT_PREFIX) ? subject.slice(EVIDENCE_SUBJECT_PREFIX.length) : null;
}
