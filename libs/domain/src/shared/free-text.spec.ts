import { freeTextProblem } from './free-text';

describe('the rule of every free text a person types', () => {
  const multi = { multiline: true };
  const single = { multiline: false };

  it.each([
    ['\u009b', 'U+009B'], // C1: CSI, the start of a terminal escape sequence
    ['\u0085', 'U+0085'], // C1: next line
    ['\u0007', 'U+0007'], // C0: bell
    ['\u007f', 'U+007F'],
  ])('refuses the control character %j, naming it', (character, code) => {
    expect(freeTextProblem(`Rapat ${character}koordinasi`, multi)).toBe(
      `berisi karakter kendali yang tidak dapat dicetak (${code}); hapus karakter itu (ketik ulang teksnya, jangan menempelnya dari dokumen lain)`,
    );
  });

  it.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'refuses the bidi embedding, override or isolate %j, saying what it does',
    (character) => {
      expect(freeTextProblem(`laporan${character}fdp.exe`, multi)).toMatch(/^berisi pengatur arah teks yang tidak terlihat \(U\+20[26][0-9A-E]\), yang mengubah urutan huruf/);
    },
  );

  it.each(['\u200b', '\u2060', '\ufeff'])('refuses the zero-width character %j nobody needs in Indonesian text', (character) => {
    expect(freeTextProblem(`Dana${character}desa`, multi)).toMatch(/^berisi karakter tak terlihat seperti spasi lebar-nol \(U\+[0-9A-F]{4}\)/);
  });

  it('refuses the Unicode line and paragraph separators, pointing to an ordinary line break', () => {
    expect(freeTextProblem('baris satu\u2028baris dua', multi)).toBe(
      'berisi pemisah baris Unicode (U+2028) yang tidak tampil sama di setiap dokumen; gunakan baris baru biasa (Enter)',
    );
    expect(freeTextProblem('a\u2029b', single)).toBe('harus satu baris: tidak boleh berisi pemisah baris Unicode (U+2029)');
  });

  it('keeps line feeds, \\r\\n and tabs where the text may have several lines, and refuses them where it may not', () => {
    expect(freeTextProblem('Kendala:\r\n\t- SPJ terlambat\n- rapat ditunda', multi)).toBeNull();
    expect(freeTextProblem('baris\rlain', multi)).toBe('berisi karakter CR (U+000D) yang tidak diikuti baris baru; gunakan baris baru biasa');
    expect(freeTextProblem('notulen\n.pdf', single)).toBe('harus satu baris: tidak boleh berisi baris baru atau tab (U+000A)');
    expect(freeTextProblem('notulen\t.pdf', single)).toBe('harus satu baris: tidak boleh berisi baris baru atau tab (U+0009)');
  });

  it.each([
    'Layanan perkantoran terlaksana 100% 👍',
    'Keluarga 👨‍👩‍👧 dan hati ❤️ dan bendera 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
    'Tiếng Việt, Ελληνικά, 日本語, العربية, हिन्दी',
    'می‌خواهم', // Persian with a zero-width non-joiner
    'ক্‍ষ', // Bengali with a zero-width joiner
    'Kata\u00adkata dari Word', // soft hyphen
    'teks \u200f العربية', // right-to-left mark
  ])('accepts ordinary text of every script, emoji and the joiners they need: %j', (text) => {
    expect(freeTextProblem(text, multi)).toBeNull();
    expect(freeTextProblem(text, single)).toBeNull();
  });
});
