import { Align, TableColumn, TableRow } from '../document/lkj-document.types';
import { FONT } from './pdf-fonts';
import { pdfSafe } from './pdf-text';

type Doc = PDFKit.PDFDocument;

const PAD = 4;
const FONT_SIZE = 8.5;

interface LaidCell {
  text: string;
  x: number;
  width: number;
  align: Align;
}

/** Column positions and widths on the page, the weights of `columns` scaled to the text width. */
function columnGeometry(doc: Doc, columns: TableColumn[]): { xs: number[]; widths: number[] } {
  const left = doc.page.margins.left;
  const contentWidth = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth);
  return { xs: widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0)), widths };
}

/**
 * The header as cells placed in one or two rows: a run of columns with the same `group` gets the
 * group's title above their own titles; every other column's title spans both rows.
 */
interface LaidHeader {
  cells: (LaidCell & { row: 0 | 1 | 'both' })[];
  rowHeights: [number, number];
}

function layHeader(doc: Doc, columns: TableColumn[]): LaidHeader {
  const { xs, widths } = columnGeometry(doc, columns);
  const grouped = columns.some((c) => c.group !== undefined);
  const cells: LaidHeader['cells'] = [];
  columns.forEach((c, i) => {
    const cell = { text: pdfSafe(c.title, FONT.bold), x: xs[i], width: widths[i], align: 'center' as Align };
    if (!grouped || c.group === undefined) return cells.push({ ...cell, row: grouped ? 'both' : 0 });
    if (columns[i - 1]?.group !== c.group) {
      let end = i;
      while (columns[end + 1]?.group === c.group) end++;
      cells.push({ text: pdfSafe(c.group, FONT.bold), x: xs[i], width: widths.slice(i, end + 1).reduce((a, b) => a + b, 0), align: 'center', row: 0 });
    }
    cells.push({ ...cell, row: 1 });
  });
  if (!grouped) return { cells, rowHeights: [rowHeight(doc, cells, true), 0] };
  const top = rowHeight(doc, cells.filter((c) => c.row === 0), true);
  const below = rowHeight(doc, cells.filter((c) => c.row === 1), true);
  const whole = rowHeight(doc, cells.filter((c) => c.row === 'both'), true);
  return { cells, rowHeights: [top, Math.max(below, whole - top)] };
}

function layRowCells(doc: Doc, columns: TableColumn[], row: TableRow): LaidCell[] {
  const { xs, widths } = columnGeometry(doc, columns);
  let col = 0;
  return row.cells.map((c) => {
    const span = c.span ?? 1;
    const laid: LaidCell = {
      text: pdfSafe(c.text, cellFont(row.kind !== 'data')),
      x: xs[col],
      width: widths.slice(col, col + span).reduce((a, b) => a + b, 0),
      align: span > 1 ? 'left' : (columns[col].align ?? 'left'),
    };
    col += span;
    return laid;
  });
}

/**
 * The room a table needs on the page where it starts: its header and first row, which `drawTable`
 * never separates. A caption kept with its table asks for this much beside its own lines.
 */
export function tableOpeningHeight(doc: Doc, columns: TableColumn[], rows: TableRow[]): number {
  const header = layHeader(doc, columns);
  return header.rowHeights[0] + header.rowHeights[1] + leadHeight(doc, columns, rows, 0);
}

/**
 * The room rows[from] needs to stay with what it heads: a group row (a program, a kegiatan) and the
 * group rows after it go with the first data row below them, never alone at the foot of a page.
 */
function leadHeight(doc: Doc, columns: TableColumn[], rows: TableRow[], from: number): number {
  let height = 0;
  for (let i = from; i < rows.length; i++) {
    height += rowHeight(doc, layRowCells(doc, columns, rows[i]), rows[i].kind !== 'data');
    if (rows[i].kind !== 'group') break;
  }
  return height;
}

/**
 * Draws a bordered table that wraps cell text, breaks across pages and repeats its header on
 * each new page. Spanning cells (program/kegiatan rows) cover several columns.
 */
export function drawTable(doc: Doc, columns: TableColumn[], rows: TableRow[], onNewPage: () => void): void {
  const left = doc.page.margins.left;
  const header = layHeader(doc, columns);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawHeader = () => {
    const top = doc.y;
    const [h0, h1] = header.rowHeights;
    const placed = header.cells.map((c) => ({ c, y: c.row === 1 ? top + h0 : top, height: c.row === 'both' ? h0 + h1 : c.row === 0 ? h0 : h1 }));
    for (const { c, y, height } of placed) drawCellBox(doc, c, y, height, '#D9D9D9');
    for (const { c, y, height } of placed) drawCellText(doc, c, y, height, true);
    doc.x = left;
    doc.y = top + h0 + h1;
  };
  if (doc.y + tableOpeningHeight(doc, columns, rows) > bottom()) onNewPage();
  drawHeader();
  // A group row's lead never asks for more than a page below the header holds (no page left with a header alone).
  const room = bottom() - doc.page.margins.top - header.rowHeights[0] - header.rowHeights[1];
  rows.forEach((row, i) => {
    const cells = layRowCells(doc, columns, row);
    const strong = row.kind !== 'data';
    const needed = row.kind === 'group' ? Math.min(leadHeight(doc, columns, rows, i), room) : rowHeight(doc, cells, strong);
    if (doc.y + needed > bottom()) {
      onNewPage();
      drawHeader();
    }
    drawRow(doc, cells, strong, row.kind === 'group' ? '#F2F2F2' : null);
  });
  doc.x = left;
  doc.y += 8;
}

/** Header, group and total rows are bold. */
function cellFont(strong: boolean) {
  return strong ? FONT.bold : FONT.regular;
}

function setFont(doc: Doc, strong: boolean): void {
  doc.font(cellFont(strong)).fontSize(FONT_SIZE);
}

function rowHeight(doc: Doc, cells: LaidCell[], strong: boolean): number {
  setFont(doc, strong);
  const heights = cells.map((c) => doc.heightOfString(c.text || ' ', { width: c.width - 2 * PAD }));
  return Math.max(FONT_SIZE + 2 * PAD, ...heights.map((h) => h + 2 * PAD));
}

function drawRow(doc: Doc, cells: LaidCell[], strong: boolean, fill: string | null): void {
  const top = doc.y;
  const height = rowHeight(doc, cells, strong);
  // Every box before any text, so that no fill covers a neighbour's border.
  for (const c of cells) drawCellBox(doc, c, top, height, fill);
  for (const c of cells) drawCellText(doc, c, top, height, strong);
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

function drawCellBox(doc: Doc, c: LaidCell, top: number, height: number, fill: string | null): void {
  if (fill) doc.save().rect(c.x, top, c.width, height).fill(fill).restore();
  doc.save().lineWidth(0.5).rect(c.x, top, c.width, height).stroke('#000000').restore();
}

/** A cell's text, centred vertically in its box. */
function drawCellText(doc: Doc, c: LaidCell, top: number, height: number, strong: boolean): void {
  if (c.text === '') return;
  setFont(doc, strong);
  const textHeight = doc.heightOfString(c.text, { width: c.width - 2 * PAD });
  const y = top + Math.max(PAD, (height - textHeight) / 2);
  doc.fillColor('#000000').text(c.text, c.x + PAD, y, { width: c.width - 2 * PAD, align: c.align, lineBreak: true });
}
