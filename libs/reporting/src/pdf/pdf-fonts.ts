import { readFileSync } from 'node:fs';
import { create, Font } from 'fontkit';

/**
 * The PDF's typeface: DejaVu Sans Condensed from the npm package `dejavu-fonts-ttf`, embedded
 * (subset to the glyphs used) so that the archival file shows what people typed: ≥, Ć, Ω, ✓,
 * Greek, Cyrillic, Arabic, Hebrew … The condensed cut is about as wide as Helvetica, the face the
 * layout was made with. Fonts are never read from the operating system: the project stands on its
 * own (Docker image, fresh clone). Bitstream Vera / DejaVu licence: free to use, embed and
 * redistribute (node_modules/dejavu-fonts-ttf/LICENSE).
 */
export const FONT = {
  regular: 'DejaVuSansCondensed',
  bold: 'DejaVuSansCondensed-Bold',
  italic: 'DejaVuSansCondensed-Oblique',
  boldItalic: 'DejaVuSansCondensed-BoldOblique',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

interface LoadedFont {
  data: Buffer;
  glyphs: Font;
}

/** The files, read and parsed once per process; pdfkit parses its own copy per document. */
const loaded = new Map<FontName, LoadedFont>();

function load(name: FontName): LoadedFont {
  let font = loaded.get(name);
  if (font === undefined) {
    // require.resolve finds the package from the source (ts-jest) and from dist/ alike.
    const data = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
    font = { data, glyphs: create(data) };
    loaded.set(name, font);
  }
  return font;
}

/** Makes the faces of FONT known to `doc` under their names (`doc.font(FONT.bold)`). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const name of Object.values(FONT)) doc.registerFont(name, load(name).data);
}

/** Whether the face draws the code point (else pdfkit would draw an empty box, the .notdef glyph). */
export function hasGlyph(name: FontName, codePoint: number): boolean {
  return load(name).glyphs.hasGlyphForCodePoint(codePoint);
}
