import {
  AlignmentType,
  BorderStyle,
  FileChild,
  HeadingLevel,
  ITableCellOptions,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { Align, Block, TableColumn, TableRow as LayoutRow } from '../document/lkj-document.types';
import { keepRupiahWithFigure } from '../format/format-id';

export const TABLE_TEXT_STYLE = 'TableText';

/** Width of the text column of an A4 page with 3 cm left and 2.5 cm right margins, in twips. */
export const TEXT_WIDTH_TWIPS = 11906 - 1701 - 1417;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const TITLE_SIZE = { xl: 40, lg: 32, md: 24 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Lays out the blocks of one part. `firstHeadingOnNewPage` is false for a part's first chapter. */
export function docxChildren(blocks: Block[]): FileChild[] {
  const out: FileChild[] = [];
  let firstHeading = true;
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 1) {
      out.push(heading(block.text, 1, !firstHeading));
      firstHeading = false;
    } else {
      out.push(...render(block));
    }
  }
  return out;
}

function heading(text: string, level: 1 | 2 | 3, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({ heading: HEADING[level], pageBreakBefore, keepNext: true, children: [new TextRun(text)] });
}

function render(block: Block): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block.text, block.level, false)];
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 120 },
          children: [new TextRun({ text: block.text, bold: true, size: TITLE_SIZE[block.size] })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'justify'],
          spacing: { after: 120, line: 300 },
          keepNext: block.bold || block.keepWithNext ? true : undefined,
          children: [new TextRun({ text: keepRupiahWithFigure(block.text), bold: block.bold, italics: block.italic })],
        }),
      ];
    case 'list':
      return block.items.map((item, i) => listItem(item, i, block.marker));
    case 'table':
      return tableBlock(block.caption, block.columns, block.rows);
    case 'signature':
      return [
        ...block.lines.map((l) => signatureLine(l, false)),
        ...[1, 2, 3].map(() => signatureLine('', false)),
        signatureLine(block.name, true),
      ];
    case 'toc':
      return [new TableOfContents('Daftar Isi', { hyperlink: true, headingStyleRange: '1-2' })];
    case 'spacer':
      return Array.from({ length: block.lines }, () => new Paragraph({ keepNext: block.keepWithNext, children: [] }));
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
    default: {
      const exhaustive: never = block;
      return exhaustive;
    }
  }
}

function listItem(text: string, i: number, marker: 'number' | 'letter' | 'bullet'): Paragraph {
  const label = marker === 'bullet' ? '•' : marker === 'number' ? `${i + 1}.` : `${String.fromCharCode(97 + (i % 26))})`;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { left: 567, hanging: 397 },
    spacing: { after: 60 },
    children: [new TextRun(`${label}\t${keepRupiahWithFigure(text)}`)],
    tabStops: [{ type: 'left', position: 567 }],
  });
}

function signatureLine(text: string, strong: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: Math.round(TEXT_WIDTH_TWIPS * 0.5) },
    keepNext: strong ? undefined : true,
    children: [new TextRun({ text, bold: strong, underline: strong ? {} : undefined })],
  });
}

function tableBlock(caption: string[], columns: TableColumn[], rows: LayoutRow[]): FileChild[] {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH_TWIPS));
  const captionParagraphs = caption.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: i === 0 ? 240 : 0, after: i === caption.length - 1 ? 120 : 0 },
        children: [new TextRun({ text: line, bold: true })],
      }),
  );
  const header = headerRows(columns, widths);
  const body = rows.map((row) => {
    let colIndex = 0;
    return new TableRow({
      cantSplit: true,
      children: row.cells.map((c) => {
        const span = c.span ?? 1;
        const width = widths.slice(colIndex, colIndex + span).reduce((a, b) => a + b, 0);
        const align: Align = span > 1 ? 'left' : (columns[colIndex].align ?? 'left');
        colIndex += span;
        const shade = row.kind === 'group' ? 'F2F2F2' : undefined;
        return cell(c.text, width, align, row.kind !== 'data', shade, span);
      }),
    });
  });
  const tableNode = new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [...header, ...body],
  });
  return [...captionParagraphs, tableNode, new Paragraph({ spacing: { after: 120 }, children: [] })];
}

/**
 * The header, repeated on every page: one row of titles, or, when columns have a `group`, the
 * group's title over theirs ("Pendidikan" over SMP … Magister) with every other title merged down
 * both rows, the two rows kept together.
 */
function headerRows(columns: TableColumn[], widths: number[]): TableRow[] {
  const title = (text: string, width: number, span = 1, rowSpan = 1) =>
    new TableCell({ ...cellOptions(text, width, 'center', true, 'D9D9D9', span), rowSpan: rowSpan > 1 ? rowSpan : undefined });
  if (!columns.some((c) => c.group !== undefined)) {
    return [new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => title(c.title, widths[i])) })];
  }
  const top: TableCell[] = [];
  const below: TableCell[] = [];
  columns.forEach((c, i) => {
    if (c.group === undefined) return top.push(title(c.title, widths[i], 1, 2));
    if (columns[i - 1]?.group !== c.group) {
      let end = i;
      while (columns[end + 1]?.group === c.group) end++;
      top.push(title(c.group, widths.slice(i, end + 1).reduce((a, b) => a + b, 0), end - i + 1));
    }
    below.push(title(c.title, widths[i]));
  });
  return [
    new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: top }),
    new TableRow({ tableHeader: true, cantSplit: true, children: below }),
  ];
}

/** Cell text uses the "TableText" paragraph style (10 pt), so each cell stays small in the XML. */
function cell(text: string, width: number, align: Align, strong: boolean, fill?: string, span = 1): TableCell {
  return new TableCell(cellOptions(text, width, align, strong, fill, span));
}

function cellOptions(text: string, width: number, align: Align, strong: boolean, fill?: string, span = 1): ITableCellOptions {
  return {
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    children: [
      new Paragraph({
        style: TABLE_TEXT_STYLE,
        alignment: align === 'left' ? undefined : ALIGN[align],
        children: [strong ? new TextRun({ text, bold: true }) : new TextRun(text)],
      }),
    ],
  };
}
