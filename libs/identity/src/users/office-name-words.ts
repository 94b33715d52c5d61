/**
 * Words of an office's name that name no office in particular: every KPU office is a "Sekretariat
 * KPU Kabupaten …" or a "KPU Provinsi …". Taking them out of a password as the office's name
 * would name nothing its owner could act on.
 */
const GENERIC_WORDS = new Set([
  'sekretariat', 'jenderal', 'komisi', 'pemilihan', 'umum', 'kpu', 'kabupaten', 'kota', 'provinsi', 'republik',
  'indonesia', 'daerah', 'istimewa', 'administrasi', 'kantor',
]);
/** Words that name a place only beside another (`Jawa Timur`, `Jakarta Selatan`, `Kepulauan Riau`): never on their own. */
const QUALIFIERS = new Set(['utara', 'selatan', 'timur', 'barat', 'tengah', 'tenggara', 'daya', 'laut', 'kepulauan']);
/** Words shorter than this (`ri`, `dki`, `kab`) are abbreviations, not names: they are left out like generic ones. */
const WORD_MIN = 4;

/**
 * The words of offices' names that name the office, lower case: `Sekretariat KPU Kabupaten Sukamaju`
 * → `sukamaju`; `KPU Provinsi Jawa Timur` → `jawa` and `jawatimur`; `KPU Kota Jakarta Selatan` →
 * `jakarta`, `jakartaselatan`. Generic words and those shorter than WORD_MIN are left out, and a
 * qualifier counts only joined to the words beside it. The password rule finds a word however it is
 * split or spelt (`jawa-timur`, `Jawa Timur`, `j4w4t1mur`: password-leet.ts).
 */
export function officeNameWords(names: readonly string[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    for (const phrase of phrasesOf(name)) {
      phrase.filter((word) => !QUALIFIERS.has(word)).forEach((word) => words.add(word));
      if (phrase.length > 1) words.add(phrase.join(''));
    }
  }
  return [...words];
}

/** The runs of words of a name between its generic and short words: `KPU Provinsi Jawa Timur` → [[`jawa`, `timur`]]. */
function phrasesOf(name: string): string[][] {
  const phrases: string[][] = [[]];
  for (const word of name.normalize('NFKC').toLowerCase().split(/[^\p{L}]+/u)) {
    if (GENERIC_WORDS.has(word) || [...word].length < WORD_MIN) phrases.push([]);
    else phrases[phrases.length - 1].push(word);
  }
  return phrases.filter((phrase) => phrase.some((word) => !QUALIFIERS.has(word)));
}
