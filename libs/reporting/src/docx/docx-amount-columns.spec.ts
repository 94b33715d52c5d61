import PDFDocument from 'pdfkit';
import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { bodyElements, readDocx, tableAfter } from '../testing/docx-xml';
import { renderLkjDocx } from './render-lkj-docx';

/**
 * Width in points of a text set in the DOCX's table text, Arial 10 pt, measured with Helvetica's
 * metrics (Arial's are the same; pdfkit carries them), plus the 4 pt cell margin on each side.
 */
function neededPoints(text: string, bold: boolean): number {
  const doc = new PDFDocument();
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
  return doc.widthOfString(text) + 8;
}

describe('the DOCX tables are wide enough for the figures they hold on one line', () => {
  let elements: ReturnType<typeof bodyElements>;
  beforeAll(async () => {
    elements = bodyElements((await readDocx(await renderLkjDocx(buildLkjModel(jember2024LkjInput())))).document);
  });
  /** Each column's width in points (twips ÷ 20), by its header title. */
  const columns = (caption: string) => {
    const table = tableAfter(elements, caption);
    const widths = [...table.xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20);
    return Object.fromEntries(table.rows[0].map((title, i) => [title, widths[i]]));
  };

  it('given Tabel 3.3, then a pagu or realisasi up to Rp 999.999.999.999,99 in bold (the Jumlah) and the title "Penyerapan" fit', () => {
    const widths = columns('Tabel 3.3');
    for (const title of ['Pagu', 'Realisasi']) {
      expect({ title, fits: widths[title] >= neededPoints('Rp\u00a0999.999.999.999,99', true) }).toEqual({ title, fits: true });
    }
    expect(widths.Penyerapan).toBeGreaterThanOrEqual(neededPoints('Penyerapan', true));
  });

  it('given Tabel 3.2, then a target and realisasi of 1.000.000.000,50 fit, and the category "Kurang Berhasil"', () => {
    const widths = columns('Tabel 3.2');
    expect(widths.Target).toBeGreaterThanOrEqual(neededPoints('1.000.000.000,50', false));
    expect(widths.Realisasi).toBeGreaterThanOrEqual(neededPoints('1.000.000.000,50', false));
    expect(widths.Kategori).toBeGreaterThanOrEqual(neededPoints('Kurang Berhasil', false));
  });
});
