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
}

/**
 * Every command carries who and when. `now` is an ISO-8601 instant from the one clock at the edge:
 * the domain never reads a clock itself.
 */
export interface CommandMetadata {
  actor: Actor;
  now: string;
}
