import { deliveryChain } from '../reminders/facts/delivery';

/**
 * Who an outbox row goes to at the moment it is sent, when that is no longer the person it was
 * written for (deactivated, moved to another role or subbagian, address removed): the stand-in rules
 * the recorders follow (`reminders/facts/delivery.ts`: a Kasubbag's notice to the Sekretaris, a
 * Sekretaris's to the Ketua), applied to the people active now. Pure: `OutboxRecipients` reads the facts.
 */

export type NoticeRole = 'KASUBBAG' | 'SEKRETARIS' | 'KETUA' | 'INSPEKTORAT';

/** A notice's facts, from its `reminders` row. */
export interface NoticeFacts {
  kind: string;
  /** The office the notice is about: where its Kasubbag, Sekretaris and Ketua are. */
  satker: string;
  /** Its `role` may also name a group that is not a user role (`PK_REVIEWERS`): such a notice has no stand-in. */
  audience: { role: string; subbagian?: string; satker?: string };
  /** The role the row's recipient received it as (the audience's own, or a stand-in's). */
  deliveredAs: string | null;
  dueAt: Date;
}

export interface Person {
  userId: string;
  fullName: string;
  email: string | null;
  role: string;
  subbagian: string | null;
  satker: string;
  active: boolean;
}

/** An active person of a role the notice may go to; `received`: they have its inbox or e-mail row already. */
export interface Candidate extends Person {
  received: boolean;
}

/** A notice older than this (from its due moment) is not re-routed: the next occasion reaches the stand-in. */
export const STAND_IN_WITHIN_MS = 24 * 60 * 60_000;

const ROLE_TITLE: Record<NoticeRole, string> = { KASUBBAG: 'Kasubbag', SEKRETARIS: 'Sekretaris', KETUA: 'Ketua', INSPEKTORAT: 'Inspektorat' };

function isNoticeRole(role: string | null): role is NoticeRole {
  return role !== null && Object.hasOwn(ROLE_TITLE, role);
}

export type RecipientNow = { kind: 'send'; to: string } | { kind: 'skip'; reason: string } | { kind: 'replace'; why: string };

/**
 * The row's recipient as they stand now: send (to their current address), skip, or find who replaces
 * them. `rerouted`: the row was written for a stand-in, who may hold any role of the notice's chain.
 */
export function recipientNow(person: Person | null, rowSatker: string, notice: NoticeFacts | null, rerouted = false): RecipientNow {
  if (!person) return { kind: 'replace', why: 'akun penerimanya tidak ada lagi' };
  if (!person.active || person.satker !== rowSatker) return { kind: 'replace', why: `akun ${person.fullName} sudah dinonaktifkan` };
  const role = notice?.deliveredAs ?? null;
  const roles = !notice ? [] : rerouted ? standInChain(notice) : isNoticeRole(role) ? [role] : [];
  if (notice && roles.length > 0 && !roles.some((r) => holds(person, r, notice))) {
    return { kind: 'replace', why: `${person.fullName} bukan lagi ${roleTitle(roles[0], notice)}` };
  }
  if (!person.email) return { kind: 'skip', reason: `Tidak dikirim: ${person.fullName} tidak lagi memiliki alamat e-mail.` };
  return { kind: 'send', to: person.email };
}

function holds(person: Person, role: NoticeRole, notice: NoticeFacts): boolean {
  return person.role === role && (role !== 'KASUBBAG' || person.subbagian === notice.audience.subbagian);
}

function roleTitle(role: NoticeRole, notice: NoticeFacts): string {
  return role === 'KASUBBAG' && notice.audience.subbagian ? `Kasubbag ${notice.audience.subbagian}` : ROLE_TITLE[role];
}

/**
 * The audiences that name a group rather than a role and still have a stand-in: the Sekretaris who
 * submitted a PK, told of its return or approval, is followed by the office's other Sekretaris, then
 * its Ketua (as `PkLkjNotices` picks when the submitter is inactive at the notice). The others have
 * none: whoever may approve a PK (never its submitter), the Ketua and Sekretaris told of an LKj, and
 * the Inspektorat in scope of an alert each received it beside the one who left.
 */
const GROUP_STAND_INS: Partial<Record<string, NoticeRole[]>> = { PK_SUBMITTER: deliveryChain({ role: 'SEKRETARIS' }) };

/**
 * The roles that answer for a notice, in order (the first with anyone active receives it), as the
 * recorders decide: a Kasubbag's notice goes on to the Sekretaris and the Ketua, a Sekretaris's to the
 * Ketua; a dispensasi announcement to a Kasubbag has no stand-in (the Sekretaris's own lists it), and
 * an Inspektorat's notice none either.
 */
export function standInChain(notice: NoticeFacts): NoticeRole[] {
  const role = notice.audience.role;
  if (!isNoticeRole(role)) return GROUP_STAND_INS[role] ?? [];
  switch (role) {
    case 'KASUBBAG': return dispensasiToKasubbag(notice) ? ['KASUBBAG'] : deliveryChain({ role, subbagian: notice.audience.subbagian ?? '' });
    case 'SEKRETARIS': return deliveryChain({ role });
    case 'KETUA': return ['KETUA'];
    case 'INSPEKTORAT': return ['INSPEKTORAT'];
    default: {
      const _exhaustive: never = role;
      return [_exhaustive];
    }
  }
}

/** A dispensasi announcement to a Kasubbag: the Sekretaris's own announcement of the same grant lists it, so nobody above stands in. */
function dispensasiToKasubbag(notice: NoticeFacts): boolean {
  return notice.kind === 'DEADLINE_EXTENDED' && notice.audience.role === 'KASUBBAG';
}

export type Replacement = { kind: 'reroute'; role: NoticeRole; to: Candidate[]; reason: string } | { kind: 'skip'; reason: string };

/**
 * Who replaces a recipient who no longer receives the notice: the first role of its chain with someone
 * active now, less those who already have it (another Sekretaris recorded beside them). Nobody when
 * the notice is past `STAND_IN_WITHIN_MS`, or when everyone found already has it or has no address.
 */
export function replacementOf(notice: NoticeFacts | null, why: string, candidates: Candidate[], now: Date): Replacement {
  if (!notice) return { kind: 'skip', reason: `Tidak dikirim: ${why}.` };
  if (now.getTime() - notice.dueAt.getTime() > STAND_IN_WITHIN_MS) {
    return { kind: 'skip', reason: `Tidak dikirim: ${why}, dan pemberitahuan ini sudah lebih dari 24 jam sehingga tidak dialihkan kepada pengganti.` };
  }
  const chain = standInChain(notice);
  if (chain.length === 0) return { kind: 'skip', reason: `Tidak dikirim: ${why}; pemberitahuan ini tidak memiliki aturan pengganti.` };
  const role = chain.find((r) => candidates.some((c) => holds(c, r, notice)));
  if (!role && dispensasiToKasubbag(notice)) {
    return {
      kind: 'skip',
      reason: `Tidak dikirim: ${why}, dan tidak ada ${roleTitle('KASUBBAG', notice)} aktif lain; pengumuman dispensasi kepada Kasubbag tidak dialihkan `
        + 'karena Sekretaris sudah menerima pengumuman dispensasi ini sendiri.',
    };
  }
  if (!role) {
    return { kind: 'skip', reason: `Tidak dikirim: ${why}, dan tidak ada ${chain.map((r) => roleTitle(r, notice)).join(' maupun ')} aktif yang dapat menggantikannya.` };
  }
  const people = candidates.filter((c) => holds(c, role, notice));
  const title = roleTitle(role, notice);
  const to = people.filter((c) => !c.received && c.email);
  if (to.length > 0) return { kind: 'reroute', role, to, reason: `Dialihkan: ${why}; dikirim kepada ${names(to)} (${title}) sebagai pengganti.` };
  const received = people.filter((c) => c.received);
  if (received.length > 0) return { kind: 'skip', reason: `Tidak dikirim: ${why}; pemberitahuan ini sudah diterima ${names(received)} (${title}).` };
  return { kind: 'skip', reason: `Tidak dikirim: ${why}; penggantinya, ${names(people)} (${title}), tidak memiliki alamat e-mail.` };
}

/** The first lines of a re-routed e-mail: for whom it was meant and why the stand-in reads it. */
export function reroutedBody(body: string, meantFor: string, why: string, role: NoticeRole, notice: NoticeFacts): string {
  return `Pemberitahuan ini semula ditujukan kepada ${meantFor}, tetapi ${why}; karena itu dikirimkan kepada Anda sebagai ${roleTitle(role, notice)}.\n\n${body}`;
}

function names(people: Person[]): string {
  return people.map((p) => p.fullName).join(', ');
}
