import PDFDocument from 'pdfkit';
import { Block } from '../document/lkj-document.types';
import { onPath, pdfText, scratchDir } from '../testing/external-tools';
import { registerFonts } from './pdf-fonts';
import { PdfWriter } from './pdf-writer';
import { pdfBytes } from './render-lkj-pdf';

const hasPdftotext = onPath('pdftotext');
if (!hasPdftotext) console.warn('SKIPPED pdf-rupiah-glued.int-spec: pdftotext (Debian poppler-utils) is not on PATH');

const AMOUNT = 'Rp 13.333.333.223.221,50';

/** Paragraphs and list items with one more word before the amount each time, so that some line would break right after "Rp". */
function blocks(): Block[] {
  const sentences = Array.from({ length: 40 }, (_, k) => `${'anggaran '.repeat(k + 1)}dari pagu ${AMOUNT} untuk kegiatan ini.`);
  return [
    ...sentences.map((text): Block => ({ kind: 'paragraph', text, align: 'justify' })),
    { kind: 'list', items: sentences, marker: 'number' },
  ];
}

async function render(content: Block[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 85, right: 71 }, bufferPages: true });
  registerFonts(doc);
  const bytes = pdfBytes(doc);
  const writer = new PdfWriter(doc, 0);
  writer.startPart('body', true);
  content.forEach((block, i) => writer.write(block, content.slice(i + 1)));
  doc.end();
  return bytes;
}

(hasPdftotext ? describe : describe.skip)('PdfWriter — "Rp" stays on the line of its amount', () => {
  it('given justified paragraphs and list items whose line could break right after "Rp", then no line ends with "Rp" and every amount is whole', async () => {
    const dir = scratchDir();
    try {
      const text = pdfText(dir.file('rupiah.pdf', await render(blocks())));
      expect(text.split('\n').filter((l) => /\bRp\s*$/.test(l))).toEqual([]);
      expect(text.split(/\s+/).join(' ').split(AMOUNT).length - 1).toBe(80);
    } finally {
      dir.remove();
    }
  });
});
