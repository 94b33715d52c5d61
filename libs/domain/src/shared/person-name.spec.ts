import { hasHiddenCharacters } from './reason';
import { isReadablePersonName, normalizedPersonName, personNameKey, personNameProblem } from './person-name';

describe('a person’s full name', () => {
  it('given Latin letters, accented or not, digits, spaces and . , \' ’ - ( ) /, then it is accepted', () => {
    for (const name of ['Budi Santoso', 'Dr. Ir. Ni Luh Putu Ayu, S.T., M.T.', 'Ma\'ruf Amin', 'Siti Nur’aini', 'José Ramos-Horta', 'Nguyễn Thị Lan',
      'Łukasz Ørsted', 'Operator SIPD 2', 'Plt. (Sekretaris)', 'Kasubbag Hukum/SDM', 'Desi Anggraeni, SH.MH'])
      expect({ name, ok: isReadablePersonName(name) }).toEqual({ name, ok: true });
  });

  it('given an invisible, format or bidi-control character, then it is refused', () => {
    for (const name of ['Sekretaris B\u200bWI', 'Budi \u202eSantoso', 'Budi\u200dSantoso', '\ufeffBudi', 'Budi\u00adSantoso', 'Budi\u2066Santoso\u2069', 'Budi\u0000', 'Budi\u3164Santoso'])
      expect({ name, ok: isReadablePersonName(name) }).toEqual({ name, ok: false });
  });

  it('given a letter of another script that imitates a Latin one, or a letter outside the Latin alphabets of names, then it is refused', () => {
    for (const name of ['Sekretaris \u0392WI', 'Sekretaris \u0412WI', 'Sekretaris \u0299WI', 'Budi \u0131rawan', 'Budi 한국', 'Budi ǀ', 'Budi ×', 'Budi @ Santoso'])
      expect({ name, ok: isReadablePersonName(name) }).toEqual({ name, ok: false });
  });

  it('given no letter at all, then it is refused', () => {
    for (const name of ['12', '...', ' - ', '']) expect({ name, ok: isReadablePersonName(name) }).toEqual({ name, ok: false });
  });

  it('given a single letter, however it is dressed, then it is refused', () => {
    for (const name of ['(a)', 'B.', ' x ', 'A 1', 'Ｂ']) expect({ name, ok: isReadablePersonName(name) }).toEqual({ name, ok: false });
    for (const name of ['Ed', 'O.J', 'Sukarno']) expect({ name, ok: isReadablePersonName(name) }).toEqual({ name, ok: true });
  });

  it('given a name whose NFKC form differs in length, then its length is the stored form\'s', () => {
    // "Ⅻ" (one character, Roman numeral twelve) is stored as "XII": three characters, three letters.
    expect(normalizedPersonName('Ⅻ')).toBe('XII');
    expect(isReadablePersonName('Ⅻ')).toBe(true);
    // 200 letters with decomposed accents are 400 UTF-16 units sent and 200 characters stored.
    expect(isReadablePersonName('e\u0301'.repeat(200))).toBe(true);
    expect(isReadablePersonName('é'.repeat(201))).toBe(false);
    expect(isReadablePersonName('Budi ' + 'S'.repeat(195))).toBe(true);
  });

  it('given fullwidth letters, a no-break space, runs of white space or a decomposed accent, then it is kept in NFKC with single spaces', () => {
    expect(normalizedPersonName('  Ｂudi\u00a0\u00a0Santoso\t')).toBe('Budi Santoso');
    expect(normalizedPersonName('Jose\u0301')).toBe('José');
    expect(isReadablePersonName('  Ｂudi\u00a0Santoso ')).toBe(true);
  });
});

describe('a full name as people are told apart by it (the maker-checker same-name rule)', () => {
  it('given case, spacing, punctuation or titles after a comma, then they make no difference', () => {
    expect(personNameKey('Sekretaris BWI')).toBe('sekretaris bwi');
    expect(personNameKey('  SEKRETARIS   bwi , S.Kom')).toBe('sekretaris bwi');
    expect(personNameKey('Agus-Setiawan, S.Kom., M.T.')).toBe('agus setiawan');
  });

  it('given invisible characters, look-alike letters of other scripts or accents (names stored before the rule), then they read as the plain name', () => {
    for (const name of ['Sekretaris B\u200bWI', 'Sekretaris \u0392WI', 'Sekretaris \u0412WI', 'Sekretaris \u0299WI', 'S\u0435kr\u0435taris BWI', 'Sékrétaris BWÍ', 'Sekretaris \u202eBWI', 'Ｓｅｋｒｅｔａｒｉｓ BWI'])
      expect({ name, key: personNameKey(name) }).toEqual({ name, key: 'sekretaris bwi' });
  });

  it('given different names, then different keys; given nothing but titles or invisibles, then an empty key (no one)', () => {
    expect(personNameKey('Sekretaris BWI')).not.toBe(personNameKey('Sekretaris BW1'));
    expect(personNameKey('Budi Santoso')).not.toBe(personNameKey('Budi Santosa'));
    expect(personNameKey(', S.Kom')).toBe('');
    expect(personNameKey('\u200b\u200b')).toBe('');
  });
});

describe('a name people read (an office, a subbagian)', () => {
  it('given an invisible, format, bidi-control or control character, then it holds hidden characters', () => {
    for (const text of ['Sub\u200bBagian', 'KPU \u202eJember', 'KPU\tJember', 'KPU\u2028Jember', 'KPU\u3164Jember']) expect({ text, hidden: hasHiddenCharacters(text) }).toEqual({ text, hidden: true });
  });

  it('given letters of any script, accents, digits, punctuation and spaces, then it holds none', () => {
    for (const text of ['Sekretariat KPU Kabupaten Jember', 'Sub. Bagian Perencanaan, Data dan Informasi', 'KPU Provinsi Papua Barat Daya (2022)', 'Café'])
      expect({ text, hidden: hasHiddenCharacters(text) }).toEqual({ text, hidden: false });
  });

  it('given a name it refuses, then the message names the one rule broken: the character, the length as stored, the letters', () => {
    expect(personNameProblem('Agus S\u0435tiawan')).toMatch(/^nama lengkap berisi karakter "\u0435" \(U\+0435\) yang tidak diizinkan/);
    expect(personNameProblem('Agus\u200bSetiawan')).toMatch(/^nama lengkap berisi karakter tak terlihat U\+200B yang tidak diizinkan/);
    expect(personNameProblem('Budi @ Santoso')).toContain('"@" (U+0040)');
    expect(personNameProblem('(a)')).toBe('nama lengkap harus berisi sedikitnya dua huruf');
    expect(personNameProblem('B'.repeat(201))).toBe('nama lengkap 2–200 karakter setelah spasi dirapikan dan dinormalkan (NFKC); yang dikirim 201 karakter');
    expect(personNameProblem('A')).toContain('yang dikirim 1 karakter');
    expect(personNameProblem('Agus Setiawan, S.Kom')).toBeNull();
  });
});
