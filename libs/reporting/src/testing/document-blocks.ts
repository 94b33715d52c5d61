import { buildLkjDocument } from '../document/build-lkj-document';
import { Block } from '../document/lkj-document.types';
import { LkjModel } from '../model/lkj-model.types';

/** Every block of the report, in order (tests only). */
export function blocksOf(model: LkjModel): Block[] {
  return buildLkjDocument(model).parts.flatMap((part) => part.blocks);
}

/** The table with this id, its rows as cell texts as read, a no-break space ("Rp 1.000") as a space (tests only). */
export function tableRows(model: LkjModel, id: string): string[][] {
  const table = blocksOf(model).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table.rows.map((r) => r.cells.map((c) => c.text.replace(/\u00a0/g, ' ')));
}

/** The blocks after a heading up to the next heading of the same or a higher level (tests only). */
export function sectionOf(model: LkjModel, headingId: string): Block[] {
  const blocks = blocksOf(model);
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.id === headingId);
  if (start < 0) throw new Error(`no heading ${headingId}`);
  const level = (blocks[start] as Extract<Block, { kind: 'heading' }>).level;
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

/** Paragraph texts and list items of some blocks (tests only). */
export function textsOf(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));
}
