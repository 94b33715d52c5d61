import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ISectionOptions,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { TextWatermark } from 'docx/watermarks';
import { buildLkjDocument } from '../document/build-lkj-document';
import { DocumentPart, LkjDocument } from '../document/lkj-document.types';
import { LkjModel } from '../model/lkj-model.types';
import { docxChildren, TABLE_TEXT_STYLE } from './docx-blocks';

const FONT = 'Arial';
const PAGE = {
  size: { width: 11906, height: 16838 }, // A4 in twips
  margin: { top: 1701, bottom: 1417, left: 1701, right: 1417, header: 709, footer: 709 },
};

export interface RenderLkjDocxOptions {
  /** Write the Daftar Isi's page numbers into the file (slow: lays out every page). Default false. */
  tocPageNumbers?: boolean;
}

/** The LKj as an editable Word document: A4, headings in the outline, a TOC field, page numbers. */
export async function renderLkjDocx(model: LkjModel, options: RenderLkjDocxOptions = {}): Promise<Buffer> {
  const layout = buildLkjDocument(model);
  const doc = new Document({
    // Word shows both as the document's authors: the office, never the library's "Un-named".
    creator: layout.author,
    lastModifiedBy: layout.author,
    title: layout.title,
    subject: layout.subject,
    description: layout.subject,
    // Daftar Isi page numbers: either worked out by laying the pages out as Word does (exact but
    // about 2–3 s per report), or left to Word, which updates the field when the file is opened.
    ...(options.tocPageNumbers ? { pageNumbers: estimatePageNumbers } : { features: { updateFields: true } }),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        heading1: {
          run: { font: FONT, size: 28, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
        },
        heading2: {
          run: { font: FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 120 } },
        },
      },
      paragraphStyles: [
        { id: TABLE_TEXT_STYLE, name: 'Table Text', basedOn: 'Normal', run: { size: 20 }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    sections: layout.parts.map((part) => section(part, layout)),
  });
  return Packer.toBuffer(doc);
}

function section(part: DocumentPart, layout: LkjDocument): ISectionOptions {
  const headerChildren: Paragraph[] = [];
  if (layout.watermark !== null) {
    headerChildren.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextWatermark({ text: layout.watermark, font: FONT, color: 'C0C0C0', opacity: 0.4 }),
          new TextRun({ text: 'DRAF — bukan dokumen final', bold: true, color: 'C00000', size: 18 }),
        ],
      }),
    );
  }
  const footer =
    part.kind === 'cover'
      ? new Footer({ children: [new Paragraph({ children: [] })] })
      : new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: `${layout.footer} — Halaman `, size: 18 }), new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
            }),
          ],
        });
  return {
    properties: {
      page: {
        ...PAGE,
        pageNumbers:
          part.kind === 'cover'
            ? undefined
            : { start: 1, formatType: part.kind === 'front' ? NumberFormat.LOWER_ROMAN : NumberFormat.DECIMAL },
      },
    },
    headers: { default: new Header({ children: headerChildren.length > 0 ? headerChildren : [new Paragraph({ children: [] })] }) },
    footers: { default: footer },
    children: docxChildren(part.blocks),
  };
}
