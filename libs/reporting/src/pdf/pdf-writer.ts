import { Block, DocumentPart } from '../document/lkj-document.types';
import { drawTable, tableOpeningHeight } from './pdf-table';
import { FONT, FontName } from './pdf-fonts';
import { keepRupiahWithFigure } from '../format/format-id';
import { pdfSafe } from './pdf-text';

type Doc = PDFKit.PDFDocument;

export interface TocEntry {
  level: 1 | 2;
  text: string;
  /** Printed page label ("ii", "12"), filled in on the second pass. */
  page: string;
}

const TITLE_SIZE = { xl: 24, lg: 18, md: 13 } as const;
const BODY_SIZE = 11;

/**
 * Lays out the blocks of the report on a pdfkit document, remembering on which page each heading
 * landed (for the Daftar Isi) and which label each page carries (for the footers).
 */
export class PdfWriter {
  readonly pageLabels: (string | null)[] = [];
  readonly headings: TocEntry[] = [];
  private partKind: DocumentPart['kind'] = 'cover';
  private partStart = 0;
  private fresh = true;
  private outlineParent: PDFKit.PDFOutline | null = null;
  private tocAt: { page: number; y: number } | null = null;

  /** `tocSize`: number of Daftar Isi entries, to reserve their room before the pages are known. */
  constructor(
    private readonly doc: Doc,
    private readonly tocSize: number,
  ) {
    this.pageLabels.push(null);
    // pdfkit also adds pages on its own when text overflows: every new page gets its label here.
    doc.on('pageAdded', () => {
      this.pageLabels.push(this.label(this.pageLabels.length));
      this.fresh = true;
    });
  }

  startPart(kind: DocumentPart['kind'], first: boolean): void {
    if (!first) this.newPage();
    this.partKind = kind;
    this.partStart = this.pageLabels.length - 1;
    this.pageLabels[this.partStart] = this.label(this.partStart);
  }

  newPage(): void {
    this.doc.addPage();
  }

  private label(pageIndex: number): string | null {
    const n = pageIndex - this.partStart + 1;
    if (this.partKind === 'cover') return null;
    return this.partKind === 'front' ? toRoman(n) : String(n);
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private ensureSpace(points: number): void {
    if (this.doc.y + points > this.doc.page.height - this.doc.page.margins.bottom) this.newPage();
  }

  private text(text: string, options: PDFKit.Mixins.TextOptions & { font?: FontName; size?: number } = {}): void {
    const { font = FONT.regular, size = BODY_SIZE, ...rest } = options;
    this.doc.font(font).fontSize(size).fillColor('#000000');
    this.doc.text(pdfSafe(text, font), this.left, this.doc.y, { width: this.width, lineGap: 2, ...rest });
    this.fresh = false;
  }

  /**
   * `following`: the blocks after this one in its part, for a block kept with its next
   * (`keepWithNext`): it starts a new page unless the blocks it is kept with fit below it.
   */
  write(block: Block, following: readonly Block[] = []): void {
    const doc = this.doc;
    if ((block.kind === 'paragraph' || block.kind === 'spacer') && block.keepWithNext) this.keepTogether([block, ...following]);
    switch (block.kind) {
      case 'heading':
        return this.heading(block.level, block.text);
      case 'title':
        this.text(block.text, { font: FONT.bold, size: TITLE_SIZE[block.size], align: 'center', paragraphGap: 6 });
        return;
      case 'paragraph': {
        const font = paragraphFont(block);
        if (block.bold) this.ensureSpace(60);
        this.text(keepRupiahWithFigure(block.text), { font, align: block.align ?? 'justify', paragraphGap: 6 });
        return;
      }
      case 'list':
        return block.items.forEach((item, i) => this.listItem(item, i, block.marker));
      case 'table': {
        // The caption goes with the table's header and first row, never alone at the foot of a page.
        this.ensureSpace(Math.min(this.heightOf(block), this.doc.page.height - this.doc.page.margins.top - this.doc.page.margins.bottom));
        for (const line of block.caption) this.text(line, CAPTION);
        if (block.caption.length > 0) doc.moveDown(CAPTION_GAP);
        drawTable(doc, block.columns, block.rows, () => this.newPage());
        this.fresh = false;
        return;
      }
      case 'signature':
        return this.signature(block.lines, block.name);
      case 'toc':
        return this.tableOfContents();
      case 'spacer':
        doc.moveDown(block.lines);
        return;
      case 'pageBreak':
        return this.newPage();
      default: {
        const exhaustive: never = block;
        return exhaustive;
      }
    }
  }

  /** A new page unless `blocks` fit below: the first ones kept with their next, up to the first that is not. */
  private keepTogether(blocks: readonly Block[]): void {
    let needed = 0;
    for (const b of blocks) {
      needed += this.heightOf(b);
      if (!((b.kind === 'paragraph' || b.kind === 'spacer') && b.keepWithNext)) break;
    }
    const page = this.doc.page.height - this.doc.page.margins.top - this.doc.page.margins.bottom;
    if (!this.fresh) this.ensureSpace(Math.min(needed, page));
  }

  /** The room a block takes on the page (a table: its caption, header and first row, which are never apart). */
  private heightOf(block: Block): number {
    const doc = this.doc;
    switch (block.kind) {
      case 'paragraph':
        doc.font(paragraphFont(block)).fontSize(BODY_SIZE);
        return doc.heightOfString(pdfSafe(keepRupiahWithFigure(block.text), paragraphFont(block)), { width: this.width, lineGap: 2 }) + 6;
      case 'spacer':
        return doc.font(FONT.regular).fontSize(BODY_SIZE).currentLineHeight(true) * block.lines;
      case 'signature':
        return SIGNATURE_ROOM(block.lines.length);
      case 'table': {
        doc.font(CAPTION.font).fontSize(CAPTION.size);
        // As `text` sets each line: with its lineGap, else the estimate falls short by 2 pt a line.
        const caption = block.caption.reduce((h, line) => h + doc.heightOfString(pdfSafe(line, CAPTION.font), { width: this.width, lineGap: 2 }), 0);
        const gap = block.caption.length > 0 ? doc.currentLineHeight(true) * CAPTION_GAP : 0;
        return caption + gap + tableOpeningHeight(doc, block.columns, block.rows);
      }
      default:
        return 0;
    }
  }

  private heading(level: 1 | 2 | 3, text: string): void {
    if (level === 1) {
      if (!this.fresh) this.newPage();
      this.doc.moveDown(0.5);
      this.text(text, { font: FONT.bold, size: 14, align: 'center', paragraphGap: 14 });
      // Bookmarks are shown in the reader's own font: the text as typed.
      this.outlineParent = this.doc.outline.addItem(text);
    } else {
      this.ensureSpace(90);
      this.doc.moveDown(0.4);
      this.text(text, { font: FONT.bold, size: level === 2 ? 12 : 11, align: 'left', paragraphGap: 6 });
      if (level === 2) (this.outlineParent ?? this.doc.outline).addItem(text);
    }
    if (level <= 2) this.headings.push({ level: level as 1 | 2, text, page: this.pageLabels[this.pageLabels.length - 1] ?? '' });
  }

  private listItem(item: string, i: number, marker: 'number' | 'letter' | 'bullet'): void {
    const label = marker === 'bullet' ? '•' : marker === 'number' ? `${i + 1}.` : `${String.fromCharCode(97 + (i % 26))})`;
    const text = pdfSafe(keepRupiahWithFigure(item), FONT.regular);
    const options = { width: this.width - 30, align: 'justify', lineGap: 2, paragraphGap: 3 } as const;
    this.doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor('#000000');
    // An item of a few lines is never split by a page break; a longer one starts with two lines at least.
    const height = this.doc.heightOfString(text, options);
    this.ensureSpace(height <= LIST_ITEM_KEPT_LINES * (this.doc.currentLineHeight(true) + 2) ? height : BODY_SIZE * 2);
    const y = this.doc.y;
    this.doc.text(label, this.left + 8, y, { width: 22, lineBreak: false });
    this.doc.text(text, this.left + 30, y, options);
    this.doc.x = this.left;
    this.fresh = false;
  }

  private signature(lines: string[], name: string): void {
    this.ensureSpace(SIGNATURE_ROOM(lines.length));
    const x = this.left + this.width / 2;
    const w = this.width / 2;
    this.doc.font(FONT.regular).fontSize(BODY_SIZE);
    for (const line of lines) this.doc.text(pdfSafe(line, FONT.regular), x, this.doc.y, { width: w, align: 'center' });
    this.doc.moveDown(4);
    this.doc.font(FONT.bold).text(pdfSafe(name, FONT.bold), x, this.doc.y, { width: w, align: 'center', underline: true });
    this.doc.x = this.left;
    this.fresh = false;
  }

  /** Reserves the room of the Daftar Isi; `fillTableOfContents` writes it once pages are known. */
  private tableOfContents(): void {
    this.tocAt = { page: this.pageLabels.length - 1, y: this.doc.y };
    let room = this.doc.page.height - this.doc.page.margins.bottom - this.doc.y;
    for (let i = 0; i < this.tocSize; i++) {
      if (room < TOC_LINE) {
        this.newPage();
        room = this.doc.page.height - this.doc.page.margins.bottom - this.doc.y;
      }
      room -= TOC_LINE;
    }
    this.fresh = false;
  }

  /** Writes the Daftar Isi on the pages reserved for it, with the page label of every heading. */
  fillTableOfContents(): void {
    if (this.tocAt === null) return;
    let page = this.tocAt.page;
    let y = this.tocAt.y;
    this.doc.switchToPage(page);
    for (const entry of this.headings) {
      if (y + TOC_LINE > this.doc.page.height - this.doc.page.margins.bottom) {
        this.doc.switchToPage(++page);
        y = this.doc.page.margins.top;
      }
      const indent = entry.level === 1 ? 0 : 18;
      const font = entry.level === 1 ? FONT.bold : FONT.regular;
      this.doc.font(font).fontSize(BODY_SIZE).fillColor('#000000');
      const text = pdfSafe(entry.text, font);
      const width = this.width - indent - 40;
      // One line per entry: long titles are cut with an ellipsis so the reserved room always fits.
      this.doc.text(text, this.left + indent, y, { width, lineBreak: false, ellipsis: true, height: TOC_LINE });
      this.doc.text(entry.page, this.left + this.width - 40, y, { width: 40, align: 'right', lineBreak: false });
      y += TOC_LINE;
    }
  }
}

const TOC_LINE = 18;
/** A list item of at most this many lines is kept on one page. */
const LIST_ITEM_KEPT_LINES = 5;
const CAPTION = { font: FONT.bold, size: 10, align: 'center' } as const;
/** Lines (of the caption's size) between a table's caption and the table. */
const CAPTION_GAP = 0.4;
/** The signature's lines, four blank lines to sign on, and the name. */
const SIGNATURE_ROOM = (lines: number) => (lines + 5) * 16;

function paragraphFont(block: { bold?: boolean; italic?: boolean }): FontName {
  return block.bold ? (block.italic ? FONT.boldItalic : FONT.bold) : block.italic ? FONT.italic : FONT.regular;
}

function toRoman(n: number): string {
  const table: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}
