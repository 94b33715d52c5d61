import { pdfSafe } from './pdf-text';

describe('text for the PDF standard fonts', () => {
  it('given the rating scale bounds, when made safe, then they read in words, not as programmer notation', () => {
    expect(pdfSafe('≤ 50')).toBe('maks. 50');
    expect(pdfSafe('≥90')).toBe('min. 90');
  });

  it('given typographic quotes, when made safe, then WinAnsi equivalents are used', () => {
    expect(pdfSafe('“tepat waktu” dan ‘baik’')).toBe('"tepat waktu" dan \'baik\'');
  });

  it('given a no-break space, then it is kept (WinAnsi 0xA0), so that "Rp" and its figure stay on one line', () => {
    expect(pdfSafe('Rp\u00a0235.950.000')).toBe('Rp\u00a0235.950.000');
  });

  it('given the formula of a lower-is-better indicator, when made safe, then its minus sign is one the fonts have', () => {
    expect(pdfSafe('(2 × target − realisasi) dibagi target')).toBe('(2 × target - realisasi) dibagi target');
  });

  it('given characters WinAnsi has not, then accents are dropped and the rest is a "?", WinAnsi characters kept', () => {
    expect(pdfSafe('Kantor Łódź – ő ✓ Rp 1.000 • é')).toBe('Kantor ?ódz – o ? Rp 1.000 • é');
  });
});
