import { RejectUnstorableTextPipe, unstorableTextProblem } from './reject-unstorable-text.pipe';

describe('RejectUnstorableTextPipe', () => {
  const pipe = new RejectUnstorableTextPipe();

  it('given text without U+0000 anywhere, when checked, then the value passes unchanged', () => {
    const body = { lines: [{ narrative: 'Layanan “tepat waktu” 🌧\n\tbaris kedua\r\n', value: '12.50' }], n: 3, none: null };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('given U+0000 deep in a body, when checked, then 400 VALIDATION.FAILED names each field', () => {
    const body = { lines: [{ narrative: 'ok' }, { narrative: 'a\u0000' }], ['k\u0000']: 'v' };
    expect(() => pipe.transform(body, { type: 'body' })).toThrow(expect.objectContaining({
      code: 'VALIDATION.FAILED',
      details: { fields: [expect.objectContaining({ field: 'lines.1.narrative' }), expect.objectContaining({ field: 'k\u0000' })] },
    }));
  });

  it('given a path parameter, when checked, then the field is the parameter name', () => {
    expect(() => pipe.transform('PDI\u0000', { type: 'param', data: 'subbagian' })).toThrow(expect.objectContaining({
      details: { fields: [expect.objectContaining({ field: 'subbagian', constraint: 'noNulCharacter' })] },
    }));
  });

  it('given bytes or a custom argument, when checked, then they are left alone', () => {
    expect(pipe.transform({ buffer: Buffer.from([0, 1, 2]) }, { type: 'body' })).toEqual({ buffer: Buffer.from([0, 1, 2]) });
    expect(pipe.transform({ name: 'a\u0000' }, { type: 'custom' })).toEqual({ name: 'a\u0000' });
  });

  it.each([
    ['only in a key deep down', { a: [{ b: { ['c\u0000']: 1 } }] }, 'a.0.b.c\u0000'],
    ['only in the last element of an array', { list: ['x', 'y', 'z\u0000'] }, 'list.2'],
    ['in a key and not in any value', { ['\u0000']: 'v' }, '\u0000'],
  ])('given U+0000 %s, when checked, then it is found and named', (_where, body, field) => {
    expect(() => pipe.transform(body, { type: 'body' })).toThrow(expect.objectContaining({
      details: { fields: [expect.objectContaining({ field })] },
    }));
  });

  it.each([
    ['a lone high surrogate', 'Kendala \ud800 x', 'wellFormedUnicode'],
    ['a lone low surrogate', '\udc00', 'wellFormedUnicode'],
    ['a control character', 'Kendala \u0001', 'printableCharacters'],
    ['the noncharacter U+FFFE', 'a \ufffe', 'printableCharacters'],
    ['the noncharacter U+FFFF', 'a \uffff', 'printableCharacters'],
  ])('given %s in a text, when checked, then 400 VALIDATION.FAILED names the field and the problem', (_what, text, constraint) => {
    expect(() => pipe.transform({ lines: [{ kendala: text }] }, { type: 'body' })).toThrow(expect.objectContaining({
      code: 'VALIDATION.FAILED',
      details: { fields: [expect.objectContaining({ field: 'lines.0.kendala', constraint })] },
    }));
  });

  it('given a surrogate pair (an emoji) and the control character in a key, when checked, then only the key is refused', () => {
    expect(() => pipe.transform({ ['a\u0007']: '🌧' }, { type: 'body' })).toThrow(expect.objectContaining({
      details: { fields: [{ field: 'a\u0007', constraint: 'printableCharacters', message: expect.stringMatching(/^nama kolom .*U\+0007/) }] },
    }));
  });
});

describe('unstorableTextProblem: what to do, in words', () => {
  it('given Word\'s manual line break or page break, then it says to use Enter; given NUL or another control, then it names U+… and says to retype', () => {
    expect(unstorableTextProblem('Baris satu\u000bbaris dua')?.message).toBe('berisi pemisah baris dari Word (U+000B); ganti dengan baris baru biasa (Enter)');
    expect(unstorableTextProblem('Halaman\u000c')?.message).toBe('berisi pemisah halaman (U+000C); hapus, atau ganti dengan baris baru biasa (Enter)');
    expect(unstorableTextProblem('a\u0000b')?.message).toBe('tidak boleh berisi karakter NUL (U+0000); hapus karakter itu (ketik ulang teksnya, jangan menempelnya dari dokumen lain)');
    expect(unstorableTextProblem('a\u0007b')?.message).toBe('berisi karakter kendali yang tidak dapat dicetak (U+0007); hapus karakter itu (ketik ulang teksnya, jangan menempelnya dari dokumen lain)');
  });
});
