import PDFDocument from 'pdfkit';
import { col, dataRow, groupRow, p, table } from '../document/blocks';
import { Block, TableRow } from '../document/lkj-document.types';
import { onPath, pdfText, scratchDir } from '../testing/external-tools';
import { registerFonts } from './pdf-fonts';
import { PdfWriter } from './pdf-writer';
import { pdfBytes } from './render-lkj-pdf';

const hasPdftotext = onPath('pdftotext');
if (!hasPdftotext) console.warn('SKIPPED pdf-table-groups.int-spec: pdftotext (Debian poppler-utils) is not on PATH');

/** Programs and kegiatan as Tabel 3.2 nests them: two group rows, then the kegiatan's indicators. */
function rows(): TableRow[] {
  return Array.from({ length: 8 }, (_, g) => [
    groupRow(`PROGRAM-${g + 1}`, 3),
    groupRow(`KEGIATAN-${g + 1}`, 3, String(g + 1)),
    ...Array.from({ length: 4 }, (__, d) => dataRow(`${g + 1}.${d + 1}`, `INDIKATOR-${g + 1}-${d + 1}`, '12 Layanan')),
  ]).flat();
}

async function render(fillerLines: number): Promise<string[]> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 85, right: 71 }, bufferPages: true });
  registerFonts(doc);
  const bytes = pdfBytes(doc);
  const blocks: Block[] = [
    ...Array.from({ length: fillerLines }, (_, n) => p(`Baris pengisi ${n + 1}.`)),
    table('tabel-uji', ['Tabel 3.2', 'Pengukuran Kinerja'], [col('No', 40, 'center'), col('Program/Kegiatan/Indikator', 300), col('Target', 99)], rows()),
  ];
  const writer = new PdfWriter(doc, 0);
  writer.startPart('body', true);
  blocks.forEach((block, i) => writer.write(block, blocks.slice(i + 1)));
  doc.end();
  const dir = scratchDir();
  try {
    return pdfText(dir.file('groups.pdf', await bytes)).split('\f');
  } finally {
    dir.remove();
  }
}

(hasPdftotext ? describe : describe.skip)('PdfWriter — a program or kegiatan row is never left at the foot of a page', () => {
  it('given the table starting lower and lower on its page, then the last row of every page is an indicator, and the caption has one below it', async () => {
    for (let filler = 20; filler <= 44; filler += 1) {
      const pages = await render(filler);
      for (const [n, page] of pages.entries()) {
        const lines = page.split('\n').filter((l) => /PROGRAM-|KEGIATAN-|INDIKATOR-/.test(l));
        if (lines.length === 0) continue;
        expect({ filler, page: n + 1, last: lines.at(-1)!.trim() }).toEqual({ filler, page: n + 1, last: expect.stringMatching(/INDIKATOR-/) });
      }
      const captioned = pages.find((page) => /^\s*Tabel 3\.2\s*$/m.test(page))!;
      expect({ filler, indicatorWithCaption: /INDIKATOR-1-1/.test(captioned) }).toEqual({ filler, indicatorWithCaption: true });
    }
  }, 120_000);
});
