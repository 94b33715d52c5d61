import { FONT } from './pdf-fonts';
import { MISSING_GLYPH, pdfSafe } from './pdf-text';

describe('text for the embedded PDF font', () => {
  it('given signs, accents and other scripts the font has, when made safe, then they are kept as typed', () => {
    for (const typed of ['≤ 50 dan ≥90', 'Ćiro Łódź ő', '✓ selesai', 'Ω − → ≠ •', '“tepat waktu” ‘baik’', 'Κρήτη Москва', 'بسم']) {
      expect(pdfSafe(typed, FONT.regular)).toBe(typed);
    }
  });

  it('given a no-break space, then it is kept, so that "Rp" and its figure stay on one line', () => {
    expect(pdfSafe('Rp\u00a0235.950.000', FONT.bold)).toBe('Rp\u00a0235.950.000');
  });

  it('given characters the font has not, then each becomes one replacement character "�", the rest kept', () => {
    expect(MISSING_GLYPH).toBe('\uFFFD');
    expect(pdfSafe('Rapat 中文 selesai', FONT.regular)).toBe('Rapat �� selesai');
    // An emoji with its skin tone, and a family joined by zero-width joiners, are one character to a reader.
    expect(pdfSafe('Bagus 👍🏽!', FONT.regular)).toBe('Bagus �!');
    expect(pdfSafe('👨‍👩‍👧 hadir', FONT.regular)).toBe('� hadir');
  });

  it('given a face that lacks a script another face has, then the replacement follows the face used', () => {
    expect(pdfSafe('بسم', FONT.bold)).toBe('بسم');
    expect(pdfSafe('بسم', FONT.italic)).toBe('���');
  });

  it('given a variation selector after a sign the font has, then the sign is kept', () => {
    expect(pdfSafe('✓\uFE0F', FONT.regular)).toBe('✓\uFE0F');
    expect(pdfSafe('a\uFEFFb', FONT.italic)).toBe('ab');
  });

  it('given decomposed accents and Windows line ends, then the text is composed and lines end in "\\n"', () => {
    expect(pdfSafe('Jawa Timur\r\nJember\rKPU', FONT.regular)).toBe('Jawa Timur\nJember\nKPU');
    expect(pdfSafe('Cafe\u0301', FONT.regular)).toBe('Café');
    expect(pdfSafe('a\tb', FONT.regular)).toBe('a\tb');
  });
});
