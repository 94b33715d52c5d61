import { lkjDecider } from '@kinerja/domain/lkj/lkj.decider';
import type { LkjEvent } from '@kinerja/domain/lkj/lkj.events';
import { latestProducedFinal } from '@kinerja/domain/lkj/lkj.state';
import { foldEvents } from '@kinerja/domain/shared/decider';
import type { PkEvent } from '@kinerja/domain/perjanjian-kinerja/pk.events';
import { firstMonthUnder, pkVersionForMonth } from '@kinerja/domain/perjanjian-kinerja/pk-queries';
import type { PkVersion } from '@kinerja/domain/perjanjian-kinerja/pk.state';
import { NOTICE_FOOTER, NOTICE_FOOTER_INFO, type ReminderMessage } from '../messages/render-reminder';
import { bulanTahun, tanggalLokal } from '../messages/indonesian-dates';
import { KPU_HEAD, roleWord } from '../messages/office-head';
import type { OfficeTimeZone } from '../plan/office-time';

export const PK_LKJ_NOTICE_KINDS = ['PK_SUBMITTED', 'PK_RETURNED', 'PK_APPROVED', 'LKJ_PRODUCED', 'LKJ_STALE', 'LKJ_SIGNED'] as const;

export type PkLkjNoticeKind = (typeof PK_LKJ_NOTICE_KINDS)[number];

/**
 * Who is told: whoever may approve a submitted PK (the Ketua and every Sekretaris but its submitter,
 * `submittedBy`: pk.decide.ts), the Sekretaris who submitted it (returned, approved), or the office's
 * Ketua and Sekretaris (an LKj produced or gone stale), or its Sekretaris (an LKj signed by the Ketua).
 * The submitter is kept so that the send-time check never makes them a stand-in reviewer
 * (notifications/send-time-recipient.ts).
 */
export type PkLkjAudience = { role: 'PK_REVIEWERS'; submittedBy: string | null } | { role: 'PK_SUBMITTER' } | { role: 'PIMPINAN' } | { role: 'SEKRETARIS' };

export interface PkLkjNotice {
  /** `pk:<satker>:<year>:<n>` / `lkj:<satker>:<year>:<n>`, n the event's place in its stream (from 1). */
  key: string;
  kind: PkLkjNoticeKind;
  satker: string;
  audience: PkLkjAudience;
  dueAt: string;
  /** What the payload and the audit trail name. */
  subject: { kind: 'PK' | 'LKJ'; year: number; version: number; perubahan?: boolean };
  message: ReminderMessage;
}

/** The office a PK or LKj notice is about. */
export interface PkLkjOffice {
  satker: string;
  name: string;
  timeZone: OfficeTimeZone;
  /** What the texts call the office's head, the KETUA account (`officeHead`); absent: "Ketua". */
  head?: string;
}

export interface PkNoticeInput {
  event: PkEvent;
  /** The event's place in the PK's stream, from 1. */
  position: number;
  year: number;
  /** The version the event is about, as it stood after the event. */
  version: PkVersion;
  office: PkLkjOffice;
  /** The full name and role of whoever acted (null: no account). */
  actor: { fullName: string; role: string } | null;
  /**
   * The versions approved by the event (`approvedVersionsOf` the state after it): which months an
   * approval is followed by is read from them with `pkVersionForMonth`.
   */
  approvedVersions: ReadonlyArray<{ version: number; approvedAt: string }>;
  /** A submission of a version returned before: told as submitted again. */
  resubmission?: boolean;
  /** The roles of the people a submission is told to (its salutation); absent: the Ketua and the Sekretaris. */
  told?: readonly string[];
}

export interface LkjNoticeInput {
  event: LkjEvent;
  position: number;
  year: number;
  office: PkLkjOffice;
  /** The roles of the people told (the salutation); absent: the Ketua and the Sekretaris. */
  told?: readonly string[];
  /** The full name of the Ketua who signed (LkjSigned); absent: not known. */
  signer?: string | null;
  /**
   * A final produced (LkjProduced): the version it replaces when that one waited for the Ketua's
   * signature and was never signed (`unsignedReplaced`); absent or null: none.
   */
  replacesUnsigned?: number | null;
}

const ROLE_WORDS: Record<string, string> = { KETUA: 'Ketua', SEKRETARIS: 'Sekretaris' };

/** As the reminders: salutation, facts, the request if any, the footer (one that asks nothing says so). */
function body(greeting: string, facts: string[], request: string | null): string {
  return [greeting, '', ...facts, '', ...(request ? [request, '', NOTICE_FOOTER] : [NOTICE_FOOTER_INFO])].join('\n');
}

/**
 * "Yth. Ketua,", "Yth. Sekretaris,", "Yth. Ketua dan Sekretaris,": only the roles of the group that
 * receive it (a PK submitted by the office's only Sekretaris goes to the Ketua alone). The Ketua is
 * named by `head`, the office's own word for its head (`officeHead`).
 */
export function pimpinanSalutation(told: readonly string[] = ['KETUA', 'SEKRETARIS'], head: string = KPU_HEAD): string {
  const roles = ['KETUA', 'SEKRETARIS'].filter((r) => told.includes(r));
  return `Yth. ${(roles.length > 0 ? roles : ['KETUA', 'SEKRETARIS']).map((r) => roleWord(r, ROLE_WORDS, head)).join(' dan ')},`;
}

/** "Ketua (Nama)", "Sekretaris (Nama)"; "Kinerja" when nobody is known. */
function whoActed(actor: PkNoticeInput['actor'], head: string): string {
  if (!actor) return 'Kinerja';
  return `${roleWord(actor.role, ROLE_WORDS, head)} (${actor.fullName})`;
}

export function pkNoticeKey(satker: string, year: number, position: number): string {
  return `pk:${satker}:${year}:${position}`;
}

export function lkjNoticeKey(satker: string, year: number, position: number): string {
  return `lkj:${satker}:${year}:${position}`;
}

/**
 * Which months' reports an approved version is followed by, as `pkVersionForMonth` decides it (by
 * `firstMonthUnder`): a first version the whole year from January, however late it is approved; a PK
 * Perubahan from the month it is approved in, the months before keeping the versions they followed.
 */
function monthsFollowing(version: number, supersedes: number | null, year: number, approved: PkNoticeInput['approvedVersions'], timeZone: string): string {
  const first = firstMonthUnder(approved, version, year, timeZone);
  const replaces = supersedes === null ? 'PK ini' : `PK ini menggantikan versi ${supersedes} dan`;
  const kept = (months: number[]) => daftarVersi(months.map((month) => pkVersionForMonth(approved, year, month, timeZone)!.version));
  if (first === null) {
    return `PK ini disetujui setelah tahun ${year} berakhir: laporan realisasi seluruh bulan tahun ${year} tetap mengikuti ${kept([12])}.`;
  }
  if (first === 1) return `${replaces} berlaku untuk laporan realisasi seluruh bulan tahun ${year}, mulai bulan ${bulanTahun({ year, month: 1 })}.`;
  return `${replaces} berlaku untuk laporan realisasi mulai bulan ${bulanTahun({ year, month: first })}; laporan bulan-bulan sebelumnya tetap `
    + `mengikuti ${kept(Array.from({ length: first - 1 }, (_, i) => i + 1))}.`;
}

/** "versi 1", "versi 1 dan 2", "versi 1, 2 dan 3": each version once, in order. */
function daftarVersi(versions: number[]): string {
  const each = [...new Set(versions)].sort((a, b) => a - b).map(String);
  return `versi ${each.length > 1 ? `${each.slice(0, -1).join(', ')} dan ${each[each.length - 1]}` : each[0]}`;
}

/** A PK submitted, returned or approved, told to whoever acts next; null for the events nobody is told of. */
export function planPkNotice(input: PkNoticeInput): PkLkjNotice | null {
  const { event, version: v, office, year } = input;
  const perubahan = v.basedOnVersion !== null;
  const pk = perubahan ? `PK Perubahan ${year} (versi ${v.version})` : `PK ${year} (versi ${v.version})`;
  const long = `${perubahan ? 'Perjanjian Kinerja Perubahan' : 'Perjanjian Kinerja'} tahun ${year} (versi ${v.version}) ${office.name}`;
  const base = {
    key: pkNoticeKey(office.satker, year, input.position), satker: office.satker,
    subject: { kind: 'PK' as const, year, version: v.version, ...(perubahan ? { perubahan } : {}) },
  };
  const on = (at: string) => tanggalLokal(at, office.timeZone);
  const head = office.head ?? KPU_HEAD;
  const who = (actor: PkNoticeInput['actor']) => whoActed(actor, head);
  switch (event.type) {
    case 'PkSubmitted':
      return {
        ...base, kind: 'PK_SUBMITTED', audience: { role: 'PK_REVIEWERS', submittedBy: event.data.submittedBy }, dueAt: event.data.submittedAt,
        message: {
          subject: `${pk} diajukan${input.resubmission ? ' kembali' : ''} untuk disetujui — ${office.name}`,
          body: body(pimpinanSalutation(input.told, head), [
            input.resubmission
              ? `${who(input.actor)} mengajukan kembali ${long} pada ${on(event.data.submittedAt)} untuk disetujui, setelah diperbaiki dari pengembalian sebelumnya.`
              : `${who(input.actor)} mengajukan ${long} pada ${on(event.data.submittedAt)} untuk disetujui.`,
            ...(perubahan && v.revisionReason ? [`Alasan perubahan: ${v.revisionReason}`, `Versi ${v.basedOnVersion} tetap berlaku sampai PK Perubahan ini disetujui.`] : []),
          ], `Mohon periksa PK tersebut, lalu setujui atau kembalikan dengan alasan. PK dapat disetujui atau dikembalikan oleh ${head} atau `
            + 'Sekretaris lain, bukan oleh pengajunya sendiri.'),
        },
      };
    case 'PkReturned':
      return {
        ...base, kind: 'PK_RETURNED', audience: { role: 'PK_SUBMITTER' }, dueAt: event.data.returnedAt,
        message: {
          subject: `${pk} dikembalikan — ${office.name}`,
          body: body('Yth. Sekretaris,', [
            `${long} dikembalikan oleh ${who(input.actor)} pada ${on(event.data.returnedAt)}.`,
            `Alasan pengembalian: ${event.data.reason}`,
          ], perubahan
            ? `Silakan perbaiki draf PK Perubahan tersebut dan ajukan kembali. Bila PK Perubahan itu ternyata tidak diperlukan, batalkan PK Perubahan tersebut; versi ${v.basedOnVersion} tetap berlaku.`
            : 'Silakan perbaiki draf PK tersebut dan ajukan kembali.'),
        },
      };
    case 'PkApproved': {
      const applies = monthsFollowing(event.data.version, event.data.supersedesVersion, year, input.approvedVersions, office.timeZone);
      return {
        ...base, kind: 'PK_APPROVED', audience: { role: 'PK_SUBMITTER' }, dueAt: event.data.approvedAt,
        message: {
          subject: `${pk} disetujui — ${office.name}`,
          body: body('Yth. Sekretaris,', [`${long} disetujui oleh ${who(input.actor)} pada ${on(event.data.approvedAt)}.`, applies], null),
        },
      };
    }
    case 'PkDrafted':
    case 'PkIndicatorsChanged':
    case 'PkRevisionOpened':
    case 'PkRevisionWithdrawn':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * The final version a final produced by `produced` replaces when that one waited for the Ketua's
 * signature and was never signed (superseded by a new request, or gone stale): the newest produced
 * final before it, as `before` (the stream's events before `produced`) left it; null otherwise.
 */
export function unsignedReplaced(before: readonly LkjEvent[], produced: LkjEvent): number | null {
  if (produced.type !== 'LkjProduced' || produced.data.draft) return null;
  const previous = latestProducedFinal(foldEvents(lkjDecider, before));
  return previous && previous.version < produced.data.version && previous.signatureRequired && previous.signed === null ? previous.version : null;
}

/**
 * A final LKj produced or marked stale, told to the office's Ketua and Sekretaris (a version the
 * Ketua must sign says it awaits the signature), and one signed, told to the Sekretaris; null for a
 * draft and for a request.
 */
export function planLkjNotice(input: LkjNoticeInput): PkLkjNotice | null {
  const { event, office, year } = input;
  const base = { key: lkjNoticeKey(office.satker, year, input.position), satker: office.satker, audience: { role: 'PIMPINAN' } as const };
  const lkj = `Laporan Kinerja (LKj) tahun ${year} ${office.name}`;
  const head = office.head ?? KPU_HEAD;
  switch (event.type) {
    case 'LkjProduced': {
      if (event.data.draft) return null;
      const signs = event.data.signatureRequired === true;
      const replaced = input.replacesUnsigned ?? null;
      return {
        ...base, kind: 'LKJ_PRODUCED', dueAt: event.data.producedAt, subject: { kind: 'LKJ', year, version: event.data.version },
        message: {
          subject: `LKj ${year} versi ${event.data.version} selesai dibuat${signs ? ` dan menunggu tanda tangan ${head}` : ''} — ${office.name}`,
          body: body(pimpinanSalutation(input.told, head), [
            `${lkj} versi ${event.data.version} selesai dibuat pada ${tanggalLokal(event.data.producedAt, office.timeZone)}.`,
            'Berkas DOCX dan PDF-nya dapat diunduh di Kinerja (menu LKj).',
            ...(signs ? [`Satker ini mewajibkan LKj final ditandatangani ${head}: versi ini menunggu tanda tangan ${head}.`] : []),
            ...(replaced ? [`Versi ini menggantikan versi ${replaced}, yang belum ditandatangani ${head}; versi ${replaced} tidak perlu ditandatangani lagi.`] : []),
          ], signs ? `${head}: mohon periksa LKj tersebut, lalu tandatangani di Kinerja (menu LKj, "Tandatangani").` : null),
        },
      };
    }
    case 'LkjSigned':
      return {
        ...base, audience: { role: 'SEKRETARIS' }, kind: 'LKJ_SIGNED', dueAt: event.data.signedAt, subject: { kind: 'LKJ', year, version: event.data.version },
        message: {
          subject: `LKj ${year} versi ${event.data.version} ditandatangani ${head} — ${office.name}`,
          body: body('Yth. Sekretaris,', [
            `${lkj} versi ${event.data.version} ditandatangani oleh ${input.signer ? `${head} (${input.signer})` : head} pada ${tanggalLokal(event.data.signedAt, office.timeZone)}.`,
            'Versi ini adalah LKj final yang berlaku; berkas DOCX dan PDF-nya dapat diunduh di Kinerja (menu LKj).',
          ], null),
        },
      };
    case 'LkjMarkedStale':
      return {
        ...base, kind: 'LKJ_STALE', dueAt: event.data.markedAt, subject: { kind: 'LKJ', year, version: event.data.version },
        message: {
          subject: `LKj ${year} versi ${event.data.version} tidak lagi mutakhir — ${office.name}`,
          body: body(pimpinanSalutation(input.told, head), [
            `${lkj} versi ${event.data.version} tidak lagi mutakhir sejak ${tanggalLokal(event.data.markedAt, office.timeZone)}.`,
            `Sebab: ${event.data.reason}`,
          ], 'Jangan gunakan berkas versi tersebut lagi. Versi baru dibuat otomatis; pemberitahuan dikirim setelah versi baru selesai dibuat.'),
        },
      };
    case 'LkjRequested':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
