import { readableReason, visibleCharacterCount } from './reason';

describe('a reason of the workflow (return, revision, PK return, dispensasi)', () => {
  it('given 3 to 2000 characters a reader can see, then it is kept, trimmed', () => {
    expect(readableReason('  Data salah ')).toBe('Data salah');
    expect(readableReason('abc')).toBe('abc');
    expect(readableReason('x'.repeat(2000))).toHaveLength(2000);
  });

  it('given white space or format characters only (zero-width space, joiners, BOM, soft hyphen), then it says nothing', () => {
    for (const reason of ['', '   ', '\u200b\u200b', '\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e', '\n\t']) expect(readableReason(reason)).toBeNull();
  });

  it('given fewer than 3 visible characters, whatever surrounds them, or more than 2000 characters, then it is refused', () => {
    for (const reason of ['x', ' ab ', 'a\u200bb\u200b\u200b', 'x'.repeat(2001), 42, null]) expect(readableReason(reason)).toBeNull();
  });

  it('given blank-looking letters or symbols (Hangul fillers, braille blank) or combining marks alone, then it says nothing', () => {
    for (const reason of ['\u3164\u3164\u3164', '\u2800\u2800\u2800', '\u0301\u0301\u0301', '\u115f\u1160\uffa0', '\u20dd\u20dd\u20dd', 'a\u3164\u2800\u0301b'])
      expect(readableReason(reason)).toBeNull();
  });

  it('given letters with their accents, digits, punctuation or symbols of any script, then each counts once', () => {
    expect(readableReason('e\u0301e\u0301e\u0301')).toBe('e\u0301e\u0301e\u0301');
    expect(readableReason('한국어')).toBe('한국어');
    expect(readableReason('1.5')).toBe('1.5');
    expect(readableReason('€?!')).toBe('€?!');
    expect(visibleCharacterCount('\u3164 a\u0301\u2800-')).toBe(2);
  });
});
