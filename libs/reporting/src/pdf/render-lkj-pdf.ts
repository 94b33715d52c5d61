import PDFDocument from 'pdfkit';
import { buildLkjDocument } from '../document/build-lkj-document';
import { LkjDocument } from '../document/lkj-document.types';
import { LkjModel } from '../model/lkj-model.types';
import { pdfSafe } from './pdf-text';
import { PdfWriter, TocEntry } from './pdf-writer';

const MARGINS = { top: 72, bottom: 72, left: 85, right: 71 }; // 2.5 cm, 2.5 cm, 3 cm, 2.5 cm

/**
 * The LKj as an archival PDF from the same layout as the DOCX. Laid out twice: the first pass
 * finds the page of every heading, the second prints the Daftar Isi with those page numbers.
 */
export async function renderLkjPdf(model: LkjModel): Promise<Buffer> {
  const layout = buildLkjDocument(model);
  const firstPass = await layOut(layout, model, []);
  return (await layOut(layout, model, firstPass.headings)).pdf;
}

async function layOut(layout: LkjDocument, model: LkjModel, toc: TocEntry[]): Promise<{ pdf: Buffer; headings: TocEntry[] }> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: {
      Title: layout.title,
      Author: layout.author,
      Subject: layout.subject,
      Creator: 'Kinerja',
      CreationDate: new Date(model.integrity.producedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const writer = new PdfWriter(doc, toc.length > 0 ? toc : placeholderToc(layout));
  layout.parts.forEach((part, i) => {
    writer.startPart(part.kind, i === 0);
    for (const block of part.blocks) writer.write(block);
  });
  decoratePages(doc, writer.pageLabels, layout);
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), headings: writer.headings };
}

/** Same entries as the final Daftar Isi, so the first pass takes the same number of pages. */
function placeholderToc(layout: LkjDocument): TocEntry[] {
  return layout.parts
    .flatMap((p) => p.blocks)
    .flatMap((b) => (b.kind === 'heading' && b.level <= 2 ? [{ level: b.level as 1 | 2, text: b.text, page: '' }] : []));
}

function decoratePages(doc: PDFKit.PDFDocument, labels: (string | null)[], layout: LkjDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (layout.watermark !== null) {
      doc.save();
      doc.rotate(-45, { origin: [width / 2, height / 2] });
      doc.font('Helvetica-Bold').fontSize(110).fillColor('#C0C0C0').fillOpacity(0.35);
      doc.text(layout.watermark, 0, height / 2 - 55, { width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillOpacity(1);
    }
    const label = labels[i];
    if (label !== null && label !== undefined) {
      doc.font('Helvetica').fontSize(8.5).fillColor('#000000');
      doc.text(pdfSafe(`${layout.footer} — Halaman ${label}`), MARGINS.left, height - 45, {
        width: width - MARGINS.left - MARGINS.right,
        align: 'center',
        lineBreak: false,
      });
    }
    doc.page.margins.bottom = bottom;
  }
}
