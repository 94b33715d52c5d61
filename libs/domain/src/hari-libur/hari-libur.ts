import { DomainError } from '../shared/domain-error';
import { hasHiddenCharacters, hasStackedMarks, MAX_MARKS_PER_CHARACTER, normalizedText, visibleCharacterCount } from '../shared/reason';

/**
 * The national holiday calendar of a year, as the SKB 3 Menteri sets it (and revises it: cuti
 * bersama are added or moved). Kept by the installation's administrator, never shipped: a date
 * Kinerja guessed wrong would silence a working morning's approval digest.
 */
export const HARI_LIBUR_KINDS = ['LIBUR_NASIONAL', 'CUTI_BERSAMA'] as const;
export type HariLiburKind = (typeof HARI_LIBUR_KINDS)[number];

/** Characters of a name as stored (NFKC, single spaces): the table's own limit. */
export const HARI_LIBUR_NAME_MAX_LENGTH = 200;

export interface HariLibur {
  /** YYYY-MM-DD, a day of the list's year. */
  date: string;
  /** What the SKB calls it ("Hari Raya Idul Fitri 1447 H"), stored NFKC with single spaces. */
  name: string;
  kind: HariLiburKind;
}


function refused(code: string, message: string, details: Record<string, unknown>): never {
  throw new DomainError(code, message, 'validation', details);
}

/**
 * The list of `year` as it is kept: every date of that year, once, with a name a reader can see,
 * sorted by date. An empty list is a year with no holiday recorded (the administrator clears it).
 * Each refusal names the item (1-based, as the administrator typed the list) and its date.
 */
export function validateHariLiburList(year: number, entries: readonly HariLibur[]): HariLibur[] {
  const seen = new Map<string, number>();
  const list = entries.map((entry, i) => {
    const item = i + 1;
    const where = `Butir ke-${item} (${entry.date})`;
    const nameOf = `Nama butir ke-${item} (${entry.date})`;
    if (Number(entry.date.slice(0, 4)) !== year) {
      refused('HARI_LIBUR.DATE_OUTSIDE_YEAR', `${where} bukan tanggal tahun ${year}; daftar hari libur tahun ${year} hanya berisi tanggal tahun itu. ` +
        `Masukkan tanggal itu pada daftar tahun ${entry.date.slice(0, 4)}.`, { item, date: entry.date, year });
    }
    const first = seen.get(entry.date);
    if (first !== undefined) {
      refused('HARI_LIBUR.DUPLICATE_DATE', `${where} sudah tercantum pada butir ke-${first}; setiap tanggal hanya boleh satu kali. ` +
        'Hapus salah satunya, atau gabungkan namanya bila dua peringatan jatuh pada hari yang sama.', { item, date: entry.date, sameAsItem: first });
    }
    seen.set(entry.date, item);
    if (hasHiddenCharacters(entry.name)) {
      refused('HARI_LIBUR.HIDDEN_CHARACTERS', `${nameOf} berisi karakter yang tidak terlihat (mis. spasi lebar-nol, ` +
        'pengatur arah teks, tab atau baris baru); ketik ulang nama itu tanpa karakter tersebut.', { item, date: entry.date, field: 'name' });
    }
    if (visibleCharacterCount(entry.name) === 0) {
      refused('HARI_LIBUR.NAME_REQUIRED', `${nameOf} wajib diisi, mis. "Hari Raya Idul Fitri" atau "Cuti Bersama Hari Raya Natal".`,
        { item, date: entry.date, field: 'name' });
    }
    if (hasStackedMarks(entry.name)) {
      refused('HARI_LIBUR.STACKED_MARKS', `${nameOf} menumpuk tanda diakritik (lebih dari ${MAX_MARKS_PER_CHARACTER} pada satu huruf, ` +
        'atau tanda tanpa huruf di depannya), sehingga tulisannya menutupi baris di sekitarnya; ketik ulang nama itu dengan huruf biasa, seperti pada SKB.',
      { item, date: entry.date, field: 'name', maxMarksPerCharacter: MAX_MARKS_PER_CHARACTER });
    }
    // Judged as stored: NFKC can make one character several ("ﷺ" is 18), past what a name may hold.
    const name = normalizedText(entry.name);
    const length = [...name].length;
    if (length > HARI_LIBUR_NAME_MAX_LENGTH) {
      refused('HARI_LIBUR.NAME_TOO_LONG', `${nameOf} menjadi ${length} karakter setelah dinormalkan (NFKC: mis. "㍻" menjadi "平成"); ` +
        `paling banyak ${HARI_LIBUR_NAME_MAX_LENGTH} karakter. Ketik nama itu dengan huruf biasa, seperti pada SKB.`,
      { item, date: entry.date, field: 'name', length, maxLength: HARI_LIBUR_NAME_MAX_LENGTH });
    }
    return { date: entry.date, name, kind: entry.kind };
  });
  return list.sort((a, b) => a.date.localeCompare(b.date));
}
