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

/**
 * The files, read and parsed once per process, and the parsed fonts shared by every document: pdfkit
 * (0.20, `PDFFontFactory.open`) takes a fontkit font as well as a file, and then neither parses it
 * again nor builds its OpenType lookups anew for each LKj; each document still embeds its own subset.
 * 132–145 ms per Jember PDF against 172–192 ms when each document parsed its own copy.
 */
const loaded = new Map<FontName, Font>();

function load(name: FontName): Font {
  let font = loaded.get(name);
  if (font === undefined) {
    // require.resolve finds the package from the source (ts-jest) and from dist/ alike.
    font = create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)));
    loaded.set(name, font);
  }
  return font;
}

/** Makes the faces of FONT known to `doc` under their names (`doc.font(FONT.bold)`). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  // @types/pdfkit names files and buffers only; pdfkit also takes a font that can `layout`.
  for (const name of Object.values(FONT)) doc.registerFont(name, load(name) as unknown as PDFKit.Mixins.PDFFontSource);
}

/** Whether the face draws the code point (else pdfkit would draw an empty box, the .notdef glyph). */
export function hasGlyph(name: FontName, codePoint: number): boolean {
  return load(name).hasGlyphForCodePoint(codePoint);
}
