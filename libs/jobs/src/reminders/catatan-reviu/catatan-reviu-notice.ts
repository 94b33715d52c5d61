import type { CatatanReviuEvent } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import type { ExistingCatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import type { CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { NOTICE_FOOTER, NOTICE_FOOTER_INFO, unitTitle, type ReminderMessage } from '../messages/render-reminder';
import { bulanTahun } from '../messages/indonesian-dates';
import { KPU_HEAD } from '../messages/office-head';

export const CATATAN_REVIU_NOTICE_KINDS = ['CATATAN_REVIU_WRITTEN', 'TINDAK_LANJUT_SUBMITTED', 'CATATAN_REVIU_CLOSED', 'CATATAN_REVIU_REOPENED'] as const;

export type CatatanReviuNoticeKind = (typeof CATATAN_REVIU_NOTICE_KINDS)[number];

/**
 * Who must act next: the Sekretaris of the office reviewed (answer a note, learn it was closed, answer
 * again), or the Inspektorat of the note's author's office (check a tindak lanjut, close the note).
 */
export type CatatanReviuAudience = { role: 'SEKRETARIS' } | { role: 'INSPEKTORAT'; satker: string };

export interface CatatanReviuNotice {
  /** `catatan-reviu:<satker>:<noteId>:<n>`, n the event's place in the note's stream (1: written). */
  key: string;
  kind: CatatanReviuNoticeKind;
  satker: string;
  audience: CatatanReviuAudience;
  dueAt: string;
  note: { noteId: string; category: string; title: string; target: CatatanReviuTarget; number?: number };
  message: ReminderMessage;
}

export interface CatatanReviuNoticeInput {
  event: CatatanReviuEvent;
  /** The event's place in the note's stream, from 1. */
  position: number;
  /** The note as it stood after the event. */
  note: ExistingCatatanReviuState;
  officeName: string;
  /** What the texts call the head of the office reviewed, its KETUA account (`officeHead`); absent: "Ketua". */
  head?: string;
  /** The note's author's office; `institutionKind` from its profile (absent: KPU), which says what its Inspektorat is called (`inspektoratOf`). */
  author: { satker: string; officeName: string; institutionKind?: string | null };
  /** The full name of whoever acted (null: no account). */
  actorName: string | null;
  /** The name of the office of whoever acted (null: no account): who closes or reopens may sit above the author. */
  actorOfficeName?: string | null;
  /** The kind of that office, from its profile (absent: KPU). */
  actorOfficeKind?: string | null;
  /**
   * The office reviewed has no active Sekretaris, so the Ketua receives the Sekretaris's notice: told
   * why, and that only a Sekretaris answers (the Admin appoints one). Absent: the audience's own text.
   */
  standIn?: boolean;
  /** The name of the subbagian of a note on a monthly report (`target.kind` REPORT); absent: its code is named. */
  subbagianName?: string | null;
}

export function catatanReviuNoticeKey(satker: string, noteId: string, position: number): string {
  return `catatan-reviu:${satker}:${noteId}:${position}`;
}

/**
 * "tahun 2024", "bulan Maret 2024", "laporan realisasi Maret 2024 Subbagian Keuangan, Umum dan Logistik" (by
 * its name, as every other notice names a subbagian; "subbagian KUL" when the name is unknown),
 * "indikator K4.1 (Maret 2024)".
 */
export function targetWords(target: CatatanReviuTarget, subbagianName?: string | null): string {
  switch (target.kind) {
    case 'YEAR': return `tahun ${target.year}`;
    case 'MONTH': return `bulan ${bulanTahun(target)}`;
    case 'REPORT': return `laporan realisasi ${bulanTahun(target)} ${unitTitle(subbagianName, target.subbagian)}`;
    case 'INDICATOR': return `indikator ${target.indicatorCode} (${target.month === null ? `tahun ${target.year}` : bulanTahun({ year: target.year, month: target.month })})`;
    default: {
      const _exhaustive: never = target;
      return _exhaustive;
    }
  }
}

/**
 * Who must act on an event: a tindak lanjut is the Inspektorat's of the author's office to check,
 * every other step the Sekretaris's of the office reviewed.
 */
export function catatanReviuAudience(event: CatatanReviuEvent, authorSatker: string): CatatanReviuAudience {
  return event.type === 'TindakLanjutSubmitted' ? { role: 'INSPEKTORAT', satker: authorSatker } : { role: 'SEKRETARIS' };
}

/**
 * Who wrote or settled a note, by the office of the Inspektorat account: "Inspektorat KPU Provinsi Jawa
 * Timur" for the office "Sekretariat KPU Provinsi Jawa Timur" (the Inspektorat is the commission's, not
 * its secretariat's, as README names it); other names of a KPU office (the default) stay whole. An
 * office of another kind (`institutionKind` LAINNYA) has no Inspektorat of its own name — a Dinas
 * Kesehatan's auditor is the Pemda's "Inspektorat Daerah …" — so it is said only as "Inspektorat",
 * unless the account's office is an Inspektorat itself ("Inspektorat Daerah Kabupaten Kupang"), which
 * is named as it is, never "Inspektorat Inspektorat …".
 */
export function inspektoratOf(officeName: string, institutionKind?: string | null): string {
  if (/^Inspektorat\b/i.test(officeName.trim())) return officeName.trim();
  if (institutionKind === 'LAINNYA') return 'Inspektorat';
  return `Inspektorat ${officeName.replace(/^Sekretariat\s+(?=KPU\b)/, '')}`;
}

/** What a note's event tells whom, in Bahasa Indonesia. Pure: the worker reads the facts. */
export function planCatatanReviuNotice(input: CatatanReviuNoticeInput): CatatanReviuNotice {
  const { event, note, officeName, author } = input;
  const what = note.category === 'TEMUAN' ? 'temuan' : 'catatan reviu';
  const What = note.category === 'TEMUAN' ? 'Temuan' : 'Catatan reviu';
  const by = input.actorName ? ` (${input.actorName})` : '';
  // Whoever closes or reopens may be the Inspektorat of an office above the author's: named by its own office.
  const settler = `${input.actorOfficeName ? inspektoratOf(input.actorOfficeName, input.actorOfficeKind) : inspektoratOf(author.officeName, author.institutionKind)}${by}`;
  const writer = inspektoratOf(author.officeName, author.institutionKind);
  const about = `${what} "${note.title}" atas ${targetWords(note.target, input.subbagianName)}`;
  const base = { key: catatanReviuNoticeKey(note.satker, note.noteId, input.position), satker: note.satker };
  const noteRef = { noteId: note.noteId, category: note.category, title: note.title, target: note.target };
  const sekretaris = { role: 'SEKRETARIS' } as const;
  // Only a Sekretaris answers a note (the Ketua's tindak lanjut is refused): a Ketua standing in is asked to have one appointed.
  const standIn = input.standIn === true;
  const subjectEnd = standIn ? ` (tidak ada Sekretaris aktif) — ${officeName}` : ` — ${officeName}`;
  // Salutation and footer as every other notice has them.
  const head = input.head ?? KPU_HEAD;
  const greeting = standIn
    ? `Yth. ${head},\n\n${officeName} tidak memiliki Sekretaris aktif; pemberitahuan yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai ${head}.\n\n`
    : 'Yth. Sekretaris,\n\n';
  const footer = `\n\n${NOTICE_FOOTER}`;
  const appoint = `mohon minta Admin Kinerja membuat akun Sekretaris (atau Plh. Sekretaris) untuk ${officeName}, yang kemudian menyampaikan tindak lanjut di Kinerja (menu Catatan reviu).`;
  switch (event.type) {
    case 'CatatanReviuWritten': {
      const ask = note.category === 'TEMUAN'
        ? (standIn
          ? `Temuan ini wajib ditindaklanjuti, dan tindak lanjut hanya dapat disampaikan oleh Sekretaris: ${appoint} Temuan hanya dapat ditutup Inspektorat setelah ada tindak lanjut.`
          : 'Temuan ini wajib ditindaklanjuti: sampaikan tindak lanjut di Kinerja (menu Catatan reviu). Temuan hanya dapat ditutup Inspektorat setelah ada tindak lanjut.')
        : (standIn
          ? `Mohon dibaca. Tindak lanjut hanya dapat disampaikan oleh Sekretaris; bila perlu ditindaklanjuti, ${appoint}`
          : 'Mohon dibaca; bila perlu, sampaikan tindak lanjut di Kinerja (menu Catatan reviu).');
      return {
        ...base, kind: 'CATATAN_REVIU_WRITTEN', audience: sekretaris, dueAt: event.data.writtenAt, note: noteRef,
        message: {
          subject: `${What} baru dari ${writer}: ${note.title}${subjectEnd}`,
          body: `${greeting}${writer}${by} menulis ${about} pada ${officeName}.\n\n`
            + `Uraian: ${note.description}\n\nRekomendasi: ${note.recommendation}\n\n${ask}${footer}`,
        },
      };
    }
    case 'TindakLanjutSubmitted':
      return {
        ...base, kind: 'TINDAK_LANJUT_SUBMITTED', audience: catatanReviuAudience(event, author.satker), dueAt: event.data.submittedAt,
        note: { ...noteRef, number: event.data.number },
        message: {
          subject: `Tindak lanjut ke-${event.data.number} atas ${what} "${note.title}" — ${officeName}`,
          body: `Yth. Inspektorat,\n\nSekretaris ${officeName}${by} menyampaikan tindak lanjut ke-${event.data.number} atas ${about}.\n\n`
            + `Tindak lanjut: ${event.data.response}\n\n`
            // An open note cannot be reopened (409 CATATAN_REVIU.NOT_CLOSED): one not yet settled stays open for the next answer.
            + `Mohon diperiksa. Bila tindak lanjutnya memadai, tutup ${what} ini. Bila belum, biarkan ${what} ini tetap terbuka: `
            + `Sekretaris ${officeName} dapat menyampaikan tindak lanjut berikutnya. Sampaikan apa yang masih kurang dengan menulis catatan reviu baru atas ${targetWords(note.target, input.subbagianName)}.`
            + footer,
        },
      };
    case 'CatatanReviuClosed':
      return {
        ...base, kind: 'CATATAN_REVIU_CLOSED', audience: sekretaris, dueAt: event.data.closedAt, note: noteRef,
        message: {
          subject: `${What} ditutup: ${note.title}${subjectEnd}`,
          body: `${greeting}${settler} menutup ${about} pada ${officeName}.`
            + (event.data.conclusion ? `\n\nKesimpulan: ${event.data.conclusion}` : '') + `\n\nTidak ada lagi yang perlu ditindaklanjuti.\n\n${NOTICE_FOOTER_INFO}`,
        },
      };
    case 'CatatanReviuReopened':
      return {
        ...base, kind: 'CATATAN_REVIU_REOPENED', audience: sekretaris, dueAt: event.data.reopenedAt, note: noteRef,
        message: {
          subject: `${What} dibuka kembali: ${note.title}${subjectEnd}`,
          body: `${greeting}${settler} membuka kembali ${about} pada ${officeName}.\n\nAlasan: ${event.data.reason}\n\n`
            + (standIn ? `Tindak lanjut baru hanya dapat disampaikan oleh Sekretaris: ${appoint}` : 'Sampaikan tindak lanjut baru di Kinerja (menu Catatan reviu).') + footer,
        },
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
