import { normalizedText } from '@kinerja/domain';
import type { SatkerProfile } from '@kinerja/identity/satker/satker-profile';

/** What every notice of a KPU office calls its head (the KETUA account), as it always has. */
export const KPU_HEAD = 'Ketua';

/** What a notice calls the head of an office of another kind whose profile records no title. */
export const NEUTRAL_HEAD = 'Pimpinan';

/** What a notice reads of the office's profile: a stored profile's fields, as SQL gives them (null when absent). */
export type HeadProfile = { [F in 'institutionKind' | 'headTitle']?: SatkerProfile[F] | string | null };

/**
 * A select-list fragment: the two profile fields `officeHead` reads, of the office `<alias>.code`, as
 * `institution_kind` and `head_title` (null for an office without a profile). Added to the query that
 * already reads the office, so a notice costs no query of its own.
 */
export function headProfileColumns(alias: string): string {
  return `(SELECT p.profile->>'institutionKind' FROM satker_profiles p WHERE p.satker_code = ${alias}.code) AS institution_kind,
          (SELECT p.profile->>'headTitle' FROM satker_profiles p WHERE p.satker_code = ${alias}.code) AS head_title`;
}

/** The same fields from a row read with `headProfileColumns`. */
export function headProfileOf(row: { institution_kind?: string | null; head_title?: string | null }): HeadProfile {
  return { institutionKind: row.institution_kind ?? null, headTitle: row.head_title ?? null };
}

/**
 * What notices, e-mails and inbox texts call the head of the office — the holder of its KETUA account
 * — in a greeting ("Yth. <head>,") and in running text ("disetujui oleh <head> (Nama)"). A KPU office
 * (the default: an office without a profile, or whose profile leaves the kind out) keeps "Ketua",
 * whatever title its profile records, so its texts stay as they were. An office of another kind
 * (`LAINNYA`) is given its own head's title (`headTitle`, "Kepala Dinas Kesehatan Kabupaten Kupang") as
 * running text (`runningTitle`), or the neutral "Pimpinan" when none is recorded: never KPU's word.
 * The one place the word is decided; every notice of the office reads it once.
 */
export function officeHead(profile: HeadProfile | null | undefined): string {
  if (profile?.institutionKind !== 'LAINNYA') return KPU_HEAD;
  const title = profile.headTitle ? runningTitle(profile.headTitle) : '';
  return title === '' ? NEUTRAL_HEAD : title;
}

/** The word for a role in a notice, the office's head being `head` (`officeHead`): "Ketua" is the head's; the others are as given. */
export function roleWord(role: string, words: Readonly<Record<string, string>>, head: string = KPU_HEAD): string {
  return role === 'KETUA' ? head : (words[role] ?? role);
}

/** Acronyms a title in capitals keeps in capitals (those without a vowel are kept anyway: DPRD, BPBD, PPKB). */
const ACRONYMS = new Set([
  'KPU', 'RI', 'DKI', 'DIY', 'RSUD', 'RSU', 'UPTD', 'UPT', 'TNI', 'POLRI', 'OPD', 'TU', 'ASN', 'BUMD', 'BLUD', 'UKM', 'UMKM', 'IKM',
  'PU', 'PUPR', 'ESDM', 'KUKM', 'BAPPEDA', 'BAPENDA', 'BPKAD', 'BPKPAD', 'BKPSDM', 'SETDA', 'SETWAN', 'SATPOL', 'PP', 'PKK', 'PMI',
]);
/** Words running text writes in lower case inside a title. */
const LOWER = new Set(['DAN', 'DI', 'KE', 'DARI', 'PADA', 'UNTUK', 'YANG', 'SERTA', 'ATAU', 'DENGAN']);
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$/;

/**
 * A head's title as running text reads it: as recorded, on one line; one recorded in capitals, as the
 * signature prints it ("KEPALA DINAS KESEHATAN KABUPATEN KUPANG"), with each word capitalised
 * ("Kepala Dinas Kesehatan Kabupaten Kupang"), acronyms and Roman numerals kept ("Kepala UPTD
 * Puskesmas Oelamasi", "Kepala BPBD"), abbreviations capitalised ("Direktur RSUD Prof. Dr. …"), and the small words in lower case ("Kepala Dinas Pemberdayaan
 * Perempuan dan Perlindungan Anak").
 */
export function runningTitle(title: string): string {
  const text = normalizedText(title);
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .split(' ')
    .map((word, i) => word.replace(/\p{L}+/gu, (seg: string, at: number) => {
      // An abbreviation ("DR.", "PROF.") is a word; a run of capitals without a vowel is an acronym.
      const abbreviated = word.charAt(at + seg.length) === '.';
      if (ACRONYMS.has(seg) || ROMAN.test(seg) || (!abbreviated && !/[AIUEO]/.test(seg))) return seg;
      if (i > 0 && LOWER.has(seg)) return seg.toLowerCase();
      return seg.charAt(0) + seg.slice(1).toLowerCase();
    }))
    .join(' ');
}
