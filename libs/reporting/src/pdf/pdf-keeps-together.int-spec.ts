import { buildLkjModel } from '../model/build-lkj-model';
import { LkjInput } from '../model/lkj-input.types';
import { onPath, pdfText, scratchDir } from '../testing/external-tools';
import { jemberInputWithBudget } from '../testing/jember-variants';
import { renderLkjPdf } from './render-lkj-pdf';

const hasPdftotext = onPath('pdftotext');
if (!hasPdftotext) console.warn('SKIPPED pdf-keeps-together.int-spec: pdftotext (Debian poppler-utils) is not on PATH');

/** The pages of the PDF as pdftotext lays them out. */
async function pages(input: LkjInput, dir: ReturnType<typeof scratchDir>, name: string): Promise<string[]> {
  return pdfText(dir.file(name, await renderLkjPdf(buildLkjModel(input)))).split('\f');
}

/**
 * The Jember input with a pagu for the first kegiatan only and realisasi anggaran reported
 * (Rp 235.950.000 for the year), K7.1 (the last indicator before 3.3) given `extra` more lines of narrative.
 */
function withNarrativeLines(extra: number, overrides: Partial<LkjInput> = {}): LkjInput {
  const input = jemberInputWithBudget({ K1: '300000000' }, { K4: '19662500' }, overrides);
  const lines = Array.from({ length: extra }, (_, n) => `Uraian tambahan ke-${n + 1}.`);
  return {
    ...input,
    indicatorNotes: input.indicatorNotes.map((n) => (n.indicatorCode === 'K7.1' ? { ...n, narratives: [...n.narratives, ...lines] } : n)),
  };
}

/**
 * The pages move as the text before a table or the signature grows: each case is laid out with
 * more and more lines before it, over a page's worth, so that wherever the page breaks, it holds.
 */
const SHIFTS = (count: number, step: number) => Array.from({ length: count }, (_, n) => n * step);

(hasPdftotext ? describe : describe.skip)('renderLkjPdf — what a page break never separates', () => {
  let dir: ReturnType<typeof scratchDir>;
  beforeAll(() => {
    dir = scratchDir();
  });
  afterAll(() => dir?.remove());

  it('keeps the caption of Tabel 3.3 on the page of its header and first row', async () => {
    for (const extra of SHIFTS(21, 2)) {
      const page = (await pages(withNarrativeLines(extra), dir, `t33-${extra}.pdf`)).find((p) => /^\s*Tabel 3\.3\s*$/m.test(p))!;
      const after = page.slice(page.search(/^\s*Tabel 3\.3\s*$/m));
      expect({ extra, header: /Pagu\s+Realisasi/.test(after), firstRow: /^\s*1\s+\S/m.test(after) }).toEqual({ extra, header: true, firstRow: true });
    }
  }, 60_000);

  it('prints "Rp" and its figure on one line, in the Jumlah row too', async () => {
    const text = (await pages(withNarrativeLines(0), dir, 'rp.pdf')).join('\f');
    const start = text.search(/^\s*Tabel 3\.3\s*$/m);
    const table = text.slice(start, text.indexOf('BAB IV PENUTUP', start));
    expect(table).toMatch(/^\s*Jumlah\s+tidak tersedia\s+Rp 235\.950\.000\s/m);
    expect(table).toMatch(/^\s*4\s.*Rp 235\.950\.000\s/m);
    expect(table).not.toMatch(/Rp\s*$/m);
  });

  it('keeps the closing "Demikian…" paragraph on the page of the signature', async () => {
    for (const extra of SHIFTS(15, 1)) {
      const suggestions = Array.from({ length: 3 + extra }, (_, n) => `Saran ke-${n + 1} dari Sekretaris.`);
      const all = await pages(withNarrativeLines(0, { suggestions }), dir, `sig-${extra}.pdf`);
      const signed = all.filter((p) => p.includes('DESI ANGGRAENI')).pop()!;
      expect({ extra, together: signed.includes('Demikian Laporan Kinerja ini dibuat') }).toEqual({ extra, together: true });
    }
  }, 60_000);

  it('sets "Pendidikan" over the education columns of Tabel 1.1, as the reference does', async () => {
    const text = (await pages(withNarrativeLines(0), dir, 't11.pdf')).join('\f');
    const start = text.search(/^\s*Tabel 1\.1\s*$/m);
    const table = text.slice(start, start + 600);
    expect(table).toMatch(/Pendidikan\s*\n[^\n]*No\s+Status Pegawai\s+Jumlah SDM\s*\n\s*SMP\s+SLTA\s+Diploma\s+Sarjana\s+Magister/);
  });
});
