import { LkjModel } from '../model/lkj-model.types';
import { bab1Blocks, bab2Blocks } from './chapter-1-2.part';
import { bab3Blocks } from './chapter-3.part';
import { annexBlocks, bab4Blocks } from './chapter-4-annex.part';
import { coverBlocks, daftarIsiBlocks, ikhtisarBlocks, kataPengantarBlocks } from './front-matter.part';
import { LkjDocument } from './lkj-document.types';

/** The report's chapters as layout blocks, in the order of the reference LKj. */
export function buildLkjDocument(m: LkjModel): LkjDocument {
  return {
    title: `Laporan Kinerja ${m.office.shortName} Tahun ${m.year}`,
    subject: `Laporan Kinerja (LKj) Tahun ${m.year}, versi ${m.version}`,
    author: m.office.name,
    watermark: m.draft ? 'DRAF' : null,
    footer: `LKj ${m.office.shortName} Tahun ${m.year}${m.draft ? ' — DRAF' : ''}`,
    parts: [
      { kind: 'cover', blocks: coverBlocks(m) },
      { kind: 'front', blocks: [...kataPengantarBlocks(m), ...ikhtisarBlocks(m), ...daftarIsiBlocks()] },
      { kind: 'body', blocks: [...bab1Blocks(m), ...bab2Blocks(m), ...bab3Blocks(m), ...bab4Blocks(m), ...annexBlocks(m)] },
    ],
  };
}
