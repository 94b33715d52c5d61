import { Align, TableColumn, TableRow } from '../document/lkj-document.types';
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

/**
 * Draws a bordered table that wraps cell text, breaks across pages and repeats its header row on
 * each new page. Spanning cells (program/kegiatan rows) cover several columns.
 */
export function drawTable(doc: Doc, columns: TableColumn[], rows: TableRow[], onNewPage: () => void): void {
  const left = doc.page.margins.left;
  const contentWidth = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const headerCells: LaidCell[] = columns.map((c, i) => ({ text: c.title, x: xs[i], width: widths[i], align: 'center' }));
  const layRow = (row: TableRow): LaidCell[] => {
    let col = 0;
    return row.cells.map((c) => {
      const span = c.span ?? 1;
      const laid: LaidCell = {
        text: pdfSafe(c.text),
        x: xs[col],
        width: widths.slice(col, col + span).reduce((a, b) => a + b, 0),
        align: span > 1 ? 'left' : (columns[col].align ?? 'left'),
      };
      col += span;
      return laid;
    });
  };

  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawHeader = () => drawRow(doc, headerCells, true, '#D9D9D9');
  if (doc.y + rowHeight(doc, headerCells, true) + rowHeight(doc, layRow(rows[0] ?? { kind: 'data', cells: [] }), false) > bottom()) {
    onNewPage();
  }
  drawHeader();
  for (const row of rows) {
    const cells = layRow(row);
    const strong = row.kind !== 'data';
    if (doc.y + rowHeight(doc, cells, strong) > bottom()) {
      onNewPage();
      drawHeader();
    }
    drawRow(doc, cells, strong, row.kind === 'group' ? '#F2F2F2' : null);
  }
  doc.x = left;
  doc.y += 8;
}

function setFont(doc: Doc, strong: boolean): void {
  doc.font(strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
}

function rowHeight(doc: Doc, cells: LaidCell[], strong: boolean): number {
  setFont(doc, strong);
  const heights = cells.map((c) => doc.heightOfString(c.text || ' ', { width: c.width - 2 * PAD }));
  return Math.max(FONT_SIZE + 2 * PAD, ...heights.map((h) => h + 2 * PAD));
}

function drawRow(doc: Doc, cells: LaidCell[], strong: boolean, fill: string | null): void {
  const top = doc.y;
  const height = rowHeight(doc, cells, strong);
  for (const c of cells) {
    if (fill) doc.save().rect(c.x, top, c.width, height).fill(fill).restore();
    doc.save().lineWidth(0.5).rect(c.x, top, c.width, height).stroke('#000000').restore();
  }
  setFont(doc, strong);
  for (const c of cells) {
    if (c.text === '') continue;
    const textHeight = doc.heightOfString(c.text, { width: c.width - 2 * PAD });
    const y = top + Math.max(PAD, (height - textHeight) / 2);
    doc.fillColor('#000000').text(c.text, c.x + PAD, y, { width: c.width - 2 * PAD, align: c.align, lineBreak: true });
  }
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}
