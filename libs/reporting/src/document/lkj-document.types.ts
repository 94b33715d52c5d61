/**
 * A renderer-neutral layout of the report: the chapters as a list of blocks. Both the DOCX and the
 * PDF renderer only lay these out, so the two files always carry the same words and figures.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TableColumn {
  title: string;
  /** Relative width; the renderer scales the weights to the page. */
  width: number;
  align?: Align;
  /**
   * A header over this column and the adjacent ones with the same group ("Pendidikan" over SMP …
   * Magister in Tabel 1.1): the header then has two rows, and a column without a group spans both.
   */
  group?: string;
}

export interface TableCell {
  text: string;
  /** Number of columns this cell covers (default 1). */
  span?: number;
}

/** `group` rows (program, kegiatan) and `total` rows (averages) are set in bold. */
export interface TableRow {
  kind: 'group' | 'data' | 'total';
  cells: TableCell[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { kind: 'title'; text: string; size: 'xl' | 'lg' | 'md' }
  /** `keepWithNext`: never the last thing on a page, its next block moves with it (the closing paragraph and its signature). */
  | { kind: 'paragraph'; text: string; align?: Align; bold?: boolean; italic?: boolean; keepWithNext?: boolean }
  | { kind: 'list'; items: string[]; marker: 'number' | 'letter' | 'bullet' }
  | { kind: 'table'; id: string; caption: string[]; columns: TableColumn[]; rows: TableRow[] }
  | { kind: 'signature'; lines: string[]; name: string }
  | { kind: 'toc' }
  | { kind: 'spacer'; lines: number; keepWithNext?: boolean }
  | { kind: 'pageBreak' };

/** cover: no page number; front: roman numerals (i, ii, ...); body: arabic numerals from 1. */
export interface DocumentPart {
  kind: 'cover' | 'front' | 'body';
  blocks: Block[];
}

export interface LkjDocument {
  title: string;
  subject: string;
  author: string;
  /** Printed on every page when the report is a draft. */
  watermark: string | null;
  /** Running footer text beside the page number. */
  footer: string;
  parts: DocumentPart[];
}
