import { DomainError } from './domain-error';

/** The roles of DESIGN.md. The domain needs them for rules that depend on state (maker-checker, ownership). */
export const ROLES = ['KASUBBAG', 'SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Each role as a person reads it (messages, the audit trail, reports). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  KASUBBAG: 'Kepala Subbagian',
  SEKRETARIS: 'Sekretaris',
  KETUA: 'Ketua',
  INSPEKTORAT: 'Inspektorat',
  ADMIN: 'Administrator',
};

/** Who issues a command, as the authenticated edge knows them. */
export interface Actor {
  userId: string;
  role: Role;
  /** The subbagian a KASUBBAG heads; null for every other role. */
  subbagian: string | null;
  /**
   * The person's other accounts: those that have or ever had the actor's e-mail address (as a
   * person: any case, a `+tag` aside), active or not, read when a review is decided. Maker-checker
   * rules count them as the actor. Absent: none known.
   */
  otherAccounts?: readonly string[];
  /**
   * The accounts of the actor's office under the actor's full name (as a person writes it: any case,
   * spacing, punctuation and titles after a comma aside) — one person holding two posts (a Plt
   * Sekretaris who heads a subbagian) often has no second address to share. Counted as the actor too.
   */
  sameNameAccounts?: readonly string[];
}

/**
 * `userId` is the actor's own account (`'self'`), another account of the same person by e-mail
 * (`'same-email'`) or by full name in the same office (`'same-name'`), or someone else (null).
 */
export function samePerson(actor: Actor, userId: string | null): 'self' | 'same-email' | 'same-name' | null {
  if (userId === null) return null;
  if (userId === actor.userId) return 'self';
  if (actor.otherAccounts?.includes(userId)) return 'same-email';
  return actor.sameNameAccounts?.includes(userId) ? 'same-name' : null;
}

/**
 * The maker-checker refusal when the submitter of `what` ('PK', 'laporan') is the reviewer
 * (`samePerson`), or null when it is someone else: one wording for every reviewed stream.
 * `otherReviewer` names who may review instead, as the stream's rule has it (a PK: the Ketua or
 * another Sekretaris; a report: another Sekretaris only). `sameNameExample` is the one person
 * holding two posts that the same-name rule is about in this stream (a PK: a Ketua who is also Plt
 * Sekretaris; a report: a Kepala Subbagian who is also Plt Sekretaris).
 */
export function ownSubmissionRefusal(
  code: string, action: string, what: string, same: ReturnType<typeof samePerson>, otherReviewer: string, sameNameExample: string,
): DomainError | null {
  if (same === 'self') return new DomainError(code, `Anda tidak dapat ${action} ${what} yang Anda ajukan sendiri; harus orang lain: ${otherReviewer}.`, 'forbidden');
  if (same === 'same-email') {
    return new DomainError(
      code,
      `Anda tidak dapat ${action} ${what} ini: ${what} diajukan dari akun lain yang memakai atau pernah memakai alamat e-mail akun Anda (huruf besar-kecil dan +tanda sebelum @ tidak dibedakan), sehingga dianggap pengajuan Anda sendiri; harus orang lain: ${otherReviewer}.`,
      'forbidden',
      { sameEmail: true },
    );
  }
  if (same === 'same-name') {
    return new DomainError(
      code,
      `Anda tidak dapat ${action} ${what} ini: ${what} diajukan dari akun lain di satker ini atas nama lengkap yang sama dengan akun Anda (mis. ${sameNameExample}), sehingga dianggap pengajuan Anda sendiri; harus orang lain: ${otherReviewer}.`,
      'forbidden',
      { sameName: true },
    );
  }
  return null;
}

/**
 * Every command carries who and when. `now` is an ISO-8601 instant from the one clock at the edge:
 * the domain never reads a clock itself.
 */
export interface CommandMetadata {
  actor: Actor;
  now: string;
  /**
   * Record the command even when it changes nothing (a draft saved again unchanged is otherwise no
   * event): set for a request with an Idempotency-Key, which names one recorded request, so that
   * its key is stored with it and a retry, or another request under the same key, is told so.
   */
  recordUnchanged?: boolean;
}
