import { FontName, hasGlyph } from './pdf-fonts';

/**
 * What the PDF prints for a character its font has no glyph for (most emoji, Chinese, Thai …):
 * U+FFFD, the replacement character "�", one for each character as a reader sees it (an emoji
 * with its skin tone, or a family joined with zero-width joiners, is one). Without it pdfkit would
 * draw an empty box and text extraction would lose the place; a "?" could be read as typed.
 */
export const MISSING_GLYPH = '\uFFFD';

const segmenter = new Intl.Segmenter('id', { granularity: 'grapheme' });

/** Line breaks and tabs are layout, not glyphs: pdfkit breaks lines and spaces on them. */
const LAYOUT = new Set([0x0a, 0x09]);

const drawn = (font: FontName, ch: string) => LAYOUT.has(ch.codePointAt(0)!) || hasGlyph(font, ch.codePointAt(0)!);

/**
 * Text as typed, for the embedded `font` (pdf-fonts.ts): composed (NFC, so "e" + combining acute is
 * the font's "é"), "\r\n" and "\r" as "\n", and each character the font cannot draw as MISSING_GLYPH.
 * Invisible format characters it lacks (a variation selector, a zero-width joiner) are dropped.
 */
export function pdfSafe(text: string, font: FontName): string {
  const composed = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const chars = [...composed];
  if (chars.every((ch) => drawn(font, ch))) return composed;
  let out = '';
  for (const { segment } of segmenter.segment(composed)) {
    const shown = [...segment].filter((ch) => drawn(font, ch) || !/\p{Default_Ignorable_Code_Point}/u.test(ch));
    out += shown.every((ch) => drawn(font, ch)) ? shown.join('') : MISSING_GLYPH;
  }
  return out;
}
