/** fontkit (the font engine pdfkit embeds fonts with) ships no types: the part Kinerja uses. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
