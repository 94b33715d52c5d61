import { deliveryChain } from '../reminders/facts/delivery';
import { roleWord } from '../reminders/messages/office-head';

/**
 * Who an outbox row goes to at the moment it is sent, when that is no longer the person it was
 * written for (deactivated, moved to another office, role or subbagian, address removed): the stand-in
 * rules the recorders follow (`reminders/facts/delivery.ts`: a Kasubbag's notice to the Sekretaris, a
 * Sekretaris's to the Ketua), applied to the people active now; for a notice told to a group of roles at
 * once, whoever holds the member's place now. Pure: `OutboxRecipients` reads the facts.
 */

export type NoticeRole = 'KASUBBAG' | 'SEKRETARIS' | 'KETUA' | 'INSPEKTORAT' | 'ADMIN';

/** A notice's facts, from its `reminders` row. */
export interface NoticeFacts {
  kind: string;
  /** The office the notice is about: where its Kasubbag, Sekretaris and Ketua are. */
  satker: string;
  /**
   * Its `role` may also name a group of roles (`PK_REVIEWERS`, `PIMPINAN`, `INTEGRITY_WATCHERS`: see
   * `GROUPS`) or a person (`PK_SUBMITTER`). `submittedBy`: the PK's submitter, never one of its
   * reviewers; `above`: the offices above an alert's, whose Inspektorat were told too (absent from
   * notices recorded before either was kept).
   */
  audience: { role: string; subbagian?: string; satker?: string; submittedBy?: string | null; above?: string[] };
  /** The role the row's recipient received it as (the audience's own, or a stand-in's). */
  deliveredAs: string | null;
  dueAt: Date;
  /** What texts call the head of the office the notice is about, its KETUA account (`officeHead`); absent: "Ketua". */
  head?: string;
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

const ROLE_TITLE: Record<NoticeRole, string> = { KASUBBAG: 'Kasubbag', SEKRETARIS: 'Sekretaris', KETUA: 'Ketua', INSPEKTORAT: 'Inspektorat', ADMIN: 'Administrator' };

function isNoticeRole(role: string | null): role is NoticeRole {
  return role !== null && Object.hasOwn(ROLE_TITLE, role);
}

export type RecipientNow = { kind: 'send'; to: string } | { kind: 'skip'; reason: string } | { kind: 'replace'; why: string };

/**
 * The row's recipient as they stand now: send (to their current address), skip, or find who replaces
 * them. `rerouted`: the row was written for a stand-in, who may hold any role of the notice's chain.
 * A group's member must still hold one of its roles at the row's office.
 */
export function recipientNow(person: Person | null, rowSatker: string, notice: NoticeFacts | null, rerouted = false): RecipientNow {
  if (!person) return { kind: 'replace', why: 'akun penerimanya tidak ada lagi' };
  if (!person.active) return { kind: 'replace', why: `akun ${person.fullName} sudah dinonaktifkan` };
  if (person.satker !== rowSatker) return { kind: 'replace', why: `${person.fullName} sudah dipindahkan ke satker lain` };
  const group = notice ? groupOf(notice) : null;
  if (notice && group) {
    const roles = group.roles(notice, rowSatker);
    if (!isMember(person, roles, notice)) return { kind: 'replace', why: `${person.fullName} bukan lagi ${roles.map((r) => roleTitle(r, notice)).join(' atau ')}` };
  } else {
    const role = notice?.deliveredAs ?? null;
    const roles = !notice ? [] : rerouted ? standInChain(notice) : isNoticeRole(role) ? [role] : [];
    if (notice && roles.length > 0 && !roles.some((r) => holds(person, r, notice))) {
      return { kind: 'replace', why: `${person.fullName} bukan lagi ${roleTitle(roles[0], notice)}` };
    }
  }
  if (!person.email) return { kind: 'skip', reason: `Tidak dikirim: ${person.fullName} tidak lagi memiliki alamat e-mail.` };
  return { kind: 'send', to: person.email };
}

function holds(person: Person, role: NoticeRole, notice: NoticeFacts): boolean {
  return person.role === role && (role !== 'KASUBBAG' || person.subbagian === notice.audience.subbagian);
}

function roleTitle(role: NoticeRole, notice: NoticeFacts): string {
  return role === 'KASUBBAG' && notice.audience.subbagian ? `Kasubbag ${notice.audience.subbagian}` : roleWord(role, ROLE_TITLE, notice.head);
}

/**
 * The audiences that name a person rather than a role and still have a stand-in: the Sekretaris who
 * submitted a PK, told of its return or approval, is followed by the office's other Sekretaris, then
 * its Ketua (as `PkLkjNotices` picks when the submitter is inactive at the notice).
 */
const GROUP_STAND_INS: Partial<Record<string, NoticeRole[]>> = { PK_SUBMITTER: deliveryChain({ role: 'SEKRETARIS' }) };

/** An audience told to every active holder of several roles at once, each at their own office. */
interface Group {
  /** The roles whose holders at `office` belong to it. */
  roles(notice: NoticeFacts, office: string): NoticeRole[];
  /** The roles whose holders may take a member's place at `office`; absent: `roles`. */
  seats?(notice: NoticeFacts, office: string): NoticeRole[];
  /** The offices whose inboxes it was filed in: a person who moved among them has it already. */
  offices(notice: NoticeFacts): string[];
}

const PIMPINAN: NoticeRole[] = ['KETUA', 'SEKRETARIS'];

/**
 * The group audiences (the recorders': `pk-lkj-notices.ts`, `integrity-alert-notice.ts`): whoever may
 * approve a submitted PK (the office's Ketua and every Sekretaris but its submitter, who never belongs
 * to it), the Ketua and Sekretaris told of an LKj, and the Inspektorat of an alert's office and of the
 * offices above it with the office's own ADMIN. A PK submission recorded before its submitter was kept
 * in the audience is given to no other Sekretaris (one could be the submitter): only a Ketua takes a place.
 */
const GROUPS: Partial<Record<string, Group>> = {
  PK_REVIEWERS: {
    roles: (notice, office) => (office === notice.satker ? PIMPINAN : []),
    seats: (notice, office) => (office !== notice.satker ? [] : notice.audience.submittedBy === undefined ? ['KETUA'] : PIMPINAN),
    offices: (notice) => [notice.satker],
  },
  PIMPINAN: {
    roles: (notice, office) => (office === notice.satker ? PIMPINAN : []),
    offices: (notice) => [notice.satker],
  },
  INTEGRITY_WATCHERS: {
    roles: (notice, office) => (office === alertOffice(notice) ? ['INSPEKTORAT', 'ADMIN'] : ['INSPEKTORAT']),
    offices: (notice) => [alertOffice(notice), ...(notice.audience.above ?? [])],
  },
};

/** The office an alert (or an Inspektorat's notice) is about. */
function alertOffice(notice: NoticeFacts): string {
  return notice.audience.satker ?? notice.satker;
}

function groupOf(notice: NoticeFacts): Group | null {
  return GROUPS[notice.audience.role] ?? null;
}

/** A group's member: one of its roles (its submitter never). */
function isMember(person: Person, roles: readonly NoticeRole[], notice: NoticeFacts): boolean {
  return roles.some((r) => holds(person, r, notice)) && person.userId !== notice.audience.submittedBy;
}

/** The offices a notice's inbox and e-mail rows are filed in, as far as it is known: where to look for who has it already. */
export function noticeOffices(notice: NoticeFacts, office: string): string[] {
  return [...new Set([office, notice.satker, ...(notice.audience.satker ? [notice.audience.satker] : []), ...(groupOf(notice)?.offices(notice) ?? [])])];
}

/** Where the stand-ins are looked for: a group member's own office (the row's), an Inspektorat's notice's office, else the office the notice is about. */
export function standInOffice(notice: NoticeFacts, rowSatker: string): string {
  if (groupOf(notice)) return rowSatker;
  return notice.audience.role === 'INSPEKTORAT' ? alertOffice(notice) : notice.satker;
}

/** The roles whose active holders at `office` may receive the notice in place of one who no longer does. */
export function standInRoles(notice: NoticeFacts, office: string): NoticeRole[] {
  const group = groupOf(notice);
  if (!group) return standInChain(notice);
  return group.seats ? group.seats(notice, office) : group.roles(notice, office);
}

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
    case 'ADMIN': return ['ADMIN'];
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

/** `role`: the role the stand-ins hold (of a group's, the first; each stand-in's own is their `role`). */
export type Replacement = { kind: 'reroute'; role: NoticeRole; to: Candidate[]; reason: string } | { kind: 'skip'; reason: string };

/**
 * Who replaces a recipient who no longer receives the notice: the first role of its chain with someone
 * active now, less those who already have it (another Sekretaris recorded beside them); for a group,
 * `groupReplacement`. Nobody when the notice is past `STAND_IN_WITHIN_MS`, or when everyone found
 * already has it or has no address. `office`: the row's, where a group's member was told.
 */
export function replacementOf(notice: NoticeFacts | null, why: string, candidates: Candidate[], now: Date, office?: string): Replacement {
  if (!notice) return { kind: 'skip', reason: `Tidak dikirim: ${why}.` };
  if (now.getTime() - notice.dueAt.getTime() > STAND_IN_WITHIN_MS) {
    return { kind: 'skip', reason: `Tidak dikirim: ${why}, dan pemberitahuan ini sudah lebih dari 24 jam sehingga tidak dialihkan kepada pengganti.` };
  }
  if (groupOf(notice)) return groupReplacement(notice, why, candidates, office ?? notice.satker);
  if (notice.kind === 'APPROVAL_DIGEST') candidates = candidates.filter(mayStandInForDigest);
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

/**
 * Who may take a Sekretaris's approval digest: a Sekretaris who has a copy of it already (so the notice
 * is not sent twice) or the Ketua. A Sekretaris who was given none either submitted every report it
 * lists (nobody is asked to approve their own: `approvalDigestCopies`) or was appointed since; the
 * Ketua answers for the office that day, and the next working day's digest reaches the new Sekretaris.
 */
function mayStandInForDigest(candidate: Candidate): boolean {
  return candidate.role !== 'SEKRETARIS' || candidate.received;
}

/**
 * A group's member who left is replaced at their office, role by role: a role of the group whose
 * active holders there include someone who has the notice needs nobody more (the others of the group
 * have it); one whose holders all lack it (appointed since, or none left who had it) is given to them,
 * each once. Nobody when no role of the group has anyone active there.
 */
function groupReplacement(notice: NoticeFacts, why: string, candidates: Candidate[], office: string): Replacement {
  const seats = standInRoles(notice, office);
  if (seats.length === 0) return { kind: 'skip', reason: `Tidak dikirim: ${why}; pemberitahuan ini tidak memiliki aturan pengganti.` };
  const holders = seats.map((role) => ({ role, people: candidates.filter((c) => c.satker === office && isMember(c, [role], notice)) }));
  const open = holders.filter((h) => !h.people.some((p) => p.received));
  const to = open.flatMap((h) => h.people.filter((p) => p.email).map((p) => ({ role: h.role, person: p })));
  const listed = (rows: Array<{ role: NoticeRole; person: Person }>) => seats
    .filter((role) => rows.some((r) => r.role === role))
    .map((role) => `${names(rows.filter((r) => r.role === role).map((r) => r.person))} (${roleTitle(role, notice)})`).join(' dan ');
  if (to.length > 0) {
    return { kind: 'reroute', role: to[0].role, to: to.map((t) => t.person), reason: `Dialihkan: ${why}; dikirim kepada ${listed(to)} sebagai pengganti.` };
  }
  const received = holders.flatMap((h) => h.people.filter((p) => p.received).map((p) => ({ role: h.role, person: p })));
  const noAddress = open.flatMap((h) => h.people.map((p) => ({ role: h.role, person: p })));
  const vacant = open.filter((h) => h.people.length === 0).map((h) => roleTitle(h.role, notice));
  if (noAddress.length > 0) return { kind: 'skip', reason: `Tidak dikirim: ${why}; penggantinya, ${listed(noAddress)}, tidak memiliki alamat e-mail.` };
  if (received.length === 0) {
    return { kind: 'skip', reason: `Tidak dikirim: ${why}, dan tidak ada ${vacant.join(' maupun ')} aktif yang dapat menggantikannya.` };
  }
  const none = vacant.length > 0 ? `tidak ada ${vacant.join(' maupun ')} aktif lain, dan ` : '';
  return { kind: 'skip', reason: `Tidak dikirim: ${why}; ${none}pemberitahuan ini sudah diterima ${listed(received)}.` };
}

/** The first lines of a re-routed e-mail: for whom it was meant and why the stand-in reads it. */
export function reroutedBody(body: string, meantFor: string, why: string, role: NoticeRole, notice: NoticeFacts): string {
  return `Pemberitahuan ini semula ditujukan kepada ${meantFor}, tetapi ${why}; karena itu dikirimkan kepada Anda sebagai ${roleTitle(role, notice)}.\n\n${body}`;
}

function names(people: Person[]): string {
  return people.map((p) => p.fullName).join(', ');
}
