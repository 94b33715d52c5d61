import type { EntityManager } from 'typeorm';
import type { Candidate, NoticeFacts, NoticeRole, Person } from './send-time-recipient';
import { noticeOffices, standInOffice, standInRoles } from './send-time-recipient';
import { headProfileOf, officeHead } from '../reminders/messages/office-head';

/** The facts `send-time-recipient.ts` decides from, read in the dispatcher's transaction. */
export class OutboxRecipients {
  /**
   * The row's recipient as the users table has them now, and the notice of its key, from its
   * `reminders` row: filed under the office it is about, which every key names second
   * (`<kind>:<satker>:…`), or under the row's office. One round trip per e-mail.
   */
  async recipientAndNotice(manager: EntityManager, userId: string, key: string, rowSatker: string): Promise<{ person: Person | null; notice: NoticeFacts | null }> {
    const [row]: Array<Partial<PersonRow> & {
      notice_satker: string | null; kind: string | null; due_at: Date | null; audience: NoticeFacts['audience'] | null; delivery: { role: NoticeRole | null } | null;
      copy_role: NoticeRole | null; institution_kind: string | null; head_title: string | null;
    }> = await manager.query(
      `SELECT u.id, u.full_name, u.email, u.role, u.subbagian_code, u.satker_code, u.active,
              r.satker_code AS notice_satker, r.kind, r.due_at, r.payload->'audience' AS audience, r.payload->'delivery' AS delivery,
              (SELECT c->>'role' FROM jsonb_array_elements(COALESCE(r.payload->'copies', '[]'::jsonb)) AS c WHERE c->>'recipientId' = u.id::text LIMIT 1) AS copy_role,
              p.profile->>'institutionKind' AS institution_kind, p.profile->>'headTitle' AS head_title
         FROM (SELECT 1) AS one
         LEFT JOIN users u ON u.id = $1
         LEFT JOIN LATERAL (
           SELECT satker_code, kind, due_at, payload FROM reminders WHERE satker_code = ANY($2::text[]) AND reminder_key = $3 LIMIT 1
         ) r ON true
         LEFT JOIN satker_profiles p ON p.satker_code = r.satker_code`,
      [userId, [key.split(':')[1] ?? rowSatker, rowSatker], key],
    );
    const person = row.id ? toPerson(row as PersonRow) : null;
    if (!row.audience) return { person, notice: null };
    // Rows recorded before stand-ins have no `delivery`: they went to the audience's own role. A recipient
    // who read a copy of their own (the approval digest's Ketua copy) received it as that copy's role.
    const deliveredAs = row.copy_role ?? (row.delivery ? row.delivery.role : row.audience.role);
    // What the re-routed text calls the office's head, from its profile in the same read.
    const head = officeHead(headProfileOf(row));
    return { person, notice: { kind: row.kind!, satker: row.notice_satker!, audience: row.audience, deliveredAs, dueAt: new Date(row.due_at!), head } };
  }

  /**
   * The active people now of the roles that may stand in, at the office `standInOffice` names for the
   * row's (`office`), and whether each already has the notice, in any office it was filed in (a person
   * moved among them has it still).
   */
  async candidates(manager: EntityManager, notice: NoticeFacts, key: string, office: string): Promise<Candidate[]> {
    const at = standInOffice(notice, office);
    const rows = await manager.query(
      `SELECT u.id, u.full_name, u.email, u.role, u.subbagian_code, u.satker_code, u.active,
              EXISTS (SELECT 1 FROM notifications n WHERE n.satker_code = ANY($5::text[]) AND n.reminder_key = $4 AND n.recipient_id = u.id)
           OR EXISTS (SELECT 1 FROM notification_outbox o WHERE o.satker_code = ANY($5::text[]) AND o.reminder_key = $4 AND o.recipient_id = u.id) AS received
         FROM users u
        WHERE u.satker_code = $1 AND u.active AND u.role = ANY($2::text[]) AND (u.role <> 'KASUBBAG' OR u.subbagian_code = $3)
        ORDER BY u.username`,
      [at, standInRoles(notice, at), notice.audience.subbagian ?? null, key, noticeOffices(notice, at)],
    );
    return rows.map((r: PersonRow & { received: boolean }) => ({ ...toPerson(r), received: r.received }));
  }
}

interface PersonRow {
  id: string;
  full_name: string;
  email: string | null;
  role: string;
  subbagian_code: string | null;
  satker_code: string;
  active: boolean;
}

function toPerson(r: PersonRow): Person {
  return { userId: r.id, fullName: r.full_name, email: r.email, role: r.role, subbagian: r.subbagian_code, satker: r.satker_code, active: r.active };
}
