/**
 * The PDF uses the 14 standard fonts (WinAnsi encoding): characters outside it are spelled out so
 * nothing is lost or printed as garbage. The no-break space is WinAnsi's own (0xA0) and is kept: it
 * holds "Rp" to its figure.
 */
const REPLACEMENTS: [RegExp, string][] = [
  [/≤\s*/g, 'maks. '],
  [/≥\s*/g, 'min. '],
  [/[\u2018\u2019]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  // Mathematical signs the formulas of 3.1 use: the minus sign (U+2212) is not in WinAnsi.
  [/\u2212/g, '-'],
  [/\u2192/g, '->'],
  [/\u2260/g, '!='],
];

/** Windows-1252 beyond Latin-1: the characters WinAnsi adds in 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function inWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || code === 0x09 || WIN_ANSI_EXTRA.has(ch);
}

export function pdfSafe(text: string): string {
  const replaced = REPLACEMENTS.reduce((t, [re, to]) => t.replace(re, to), text);
  // Anything else the fonts cannot show (a name typed with another script, an emoji) is kept
  // readable as far as it can be: its accents dropped ("ő" → "o"), else a "?", never another glyph.
  return [...replaced].map((ch) => (inWinAnsi(ch) ? ch : [...ch.normalize('NFKD')].filter(inWinAnsi).join('') || '?')).join('');
}
