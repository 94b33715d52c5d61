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

/** What an alert about a stored file is about: `evidence:<sha256>`, `lkj:<sha256>`; one open alert per office and subject. */
const FILE_SUBJECT_PREFIX = { evidence: 'evidence:', lkj: 'lkj:' } as const;
type StoredFileKind = keyof typeof FILE_SUBJECT_PREFIX;
const SHA256 = /^[0-9a-f]{64}$/;

function sha256Of(subject: string, kind: StoredFileKind): string | null {
  const prefix = FILE_SUBJECT_PREFIX[kind];
  const sha256 = subject.startsWith(prefix) ? subject.slice(prefix.length) : null;
  return sha256 !== null && SHA256.test(sha256) ? sha256 : null;
}

export function evidenceSubject(sha256: string): string {
  return `${FILE_SUBJECT_PREFIX.evidence}${sha256}`;
}

export function lkjFileSubject(sha256: string): string {
  return `${FILE_SUBJECT_PREFIX.lkj}${sha256}`;
}

/** Whether an alert's subject is a stored LKj file (well formed or not). */
export function isLkjFileSubject(subject: string): boolean {
  return subject.startsWith(FILE_SUBJECT_PREFIX.lkj);
}

/** The SHA-256 an `evidenceSubject` names, or null for a subject of another kind. */
export function sha256OfEvidenceSubject(subject: string): string | null {
  return sha256Of(subject, 'evidence');
}

/** The SHA-256 an `lkjFileSubject` names, or null for a subject of another kind. */
export function sha256OfLkjFileSubject(subject: string): string | null {
  return sha256Of(subject, 'lkj');
}

/** The SHA-256 a stored file's subject names, whichever kind of file, or null. */
export function sha256OfFileSubject(subject: string): string | null {
  return sha256OfEvidenceSubject(subject) ?? sha256OfLkjFileSubject(subject);
}
