import PDFDocument from 'pdfkit';
import { buildLkjDocument } from '../document/build-lkj-document';
import { LkjDocument } from '../document/lkj-document.types';
import { LkjModel } from '../model/lkj-model.types';
import { drawDraftMark } from './pdf-draft-mark';
import { FONT, registerFonts } from './pdf-fonts';
import { pdfSafe } from './pdf-text';
import { PdfWriter } from './pdf-writer';

const MARGINS = { top: 72, bottom: 72, left: 85, right: 71 }; // 2.5 cm, 2.5 cm, 3 cm, 2.5 cm

/**
 * The LKj as an archival PDF from the same layout as the DOCX, in one pass: the Daftar Isi's room
 * is reserved where it stands and filled in at the end, when every heading's page is known.
 */
export async function renderLkjPdf(model: LkjModel): Promise<Buffer> {
  const layout = buildLkjDocument(model);
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
  registerFonts(doc);
  const bytes = pdfBytes(doc);

  const tocSize = layout.parts.flatMap((p) => p.blocks).filter((b) => b.kind === 'heading' && b.level <= 2).length;
  const writer = new PdfWriter(doc, tocSize);
  layout.parts.forEach((part, i) => {
    writer.startPart(part.kind, i === 0);
    part.blocks.forEach((block, b) => writer.write(block, part.blocks.slice(b + 1)));
  });
  writer.fillTableOfContents();
  decoratePages(doc, writer.pageLabels, layout);
  doc.end();
  return bytes;
}

/** The bytes `doc` writes, once it is ended. Listen before drawing: pdfkit streams as it goes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function decoratePages(doc: PDFKit.PDFDocument, labels: (string | null)[], layout: LkjDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (layout.watermark !== null) {
      drawDraftMark(doc);
      doc.font(FONT.bold).fontSize(8.5).fillColor('#C00000');
      doc.text('DRAF — bukan dokumen final', MARGINS.left, 40, {
        width: width - MARGINS.left - MARGINS.right,
        align: 'right',
        lineBreak: false,
      });
    }
    const label = labels[i];
    if (label !== null && label !== undefined) {
      doc.font(FONT.regular).fontSize(8.5).fillColor('#000000');
      doc.text(pdfSafe(`${layout.footer} — Halaman ${label}`, FONT.regular), MARGINS.left, height - 45, {
        width: width - MARGINS.left - MARGINS.right,
        align: 'center',
        lineBreak: false,
      });
    }
    doc.page.margins.bottom = bottom;
  }
}
