import { Align, Block, TableCell, TableColumn, TableRow } from './lkj-document.types';

/** Small constructors so the chapter files read like the report they describe. */

export const h1 = (id: string, text: string): Block => ({ kind: 'heading', level: 1, id, text });
export const h2 = (id: string, text: string): Block => ({ kind: 'heading', level: 2, id, text });
export const h3 = (id: string, text: string): Block => ({ kind: 'heading', level: 3, id, text });

export const p = (text: string, align: Align = 'justify'): Block => ({ kind: 'paragraph', text, align });
export const bold = (text: string, align: Align = 'left'): Block => ({ kind: 'paragraph', text, align, bold: true });
export const italic = (text: string): Block => ({ kind: 'paragraph', text, align: 'left', italic: true });

export const list = (items: string[], marker: 'number' | 'letter' | 'bullet' = 'letter'): Block => ({
  kind: 'list',
  items,
  marker,
});

export const spacer = (lines = 1): Block => ({ kind: 'spacer', lines });

/** A paragraph or spacer that stays on the page of the block after it (`keepWithNext`). */
export const keptWithNext = (block: Block): Block =>
  (block.kind === 'paragraph' || block.kind === 'spacer' ? { ...block, keepWithNext: true } : block);

export const table = (id: string, caption: string[], columns: TableColumn[], rows: TableRow[]): Block => ({
  kind: 'table',
  id,
  caption,
  columns,
  rows,
});

export const col = (title: string, width: number, align?: Align, group?: string): TableColumn =>
  (group === undefined ? { title, width, align } : { title, width, align, group });

const cells = (values: (string | TableCell)[]): TableCell[] =>
  values.map((v) => (typeof v === 'string' ? { text: v } : v));

export const dataRow = (...values: (string | TableCell)[]): TableRow => ({ kind: 'data', cells: cells(values) });
export const totalRow = (...values: (string | TableCell)[]): TableRow => ({ kind: 'total', cells: cells(values) });
/** A bold row whose text spans `span` columns, optionally after a leading "No" cell. */
export const groupRow = (text: string, span: number, no?: string): TableRow => ({
  kind: 'group',
  cells: no === undefined ? [{ text, span }] : [{ text: no }, { text, span: span - 1 }],
});
export const spanCell = (text: string, span: number): TableCell => ({ text, span });
