import { formatQuantityId } from '../format/format-id';
import { buildLkjModel } from '../model/build-lkj-model';
import { onPath, pdfText, scratchDir } from '../testing/external-tools';
import { jemberInputWithBudget, jemberReportsWith } from '../testing/jember-variants';
import { renderLkjPdf } from './render-lkj-pdf';

const hasPdftotext = onPath('pdftotext');
if (!hasPdftotext) console.warn('SKIPPED pdf-amounts-whole.int-spec: pdftotext (Debian poppler-utils) is not on PATH');

/** The lines of the text from the caption `from` (alone on its line) to the next `to`. */
function section(text: string, from: string, to: string): string[] {
  const start = text.search(new RegExp(`^\\s*${from.replace('.', '\\.')}\\s*$`, 'm'));
  expect(start).toBeGreaterThan(0);
  return text.slice(start, text.indexOf(to, start)).split('\n');
}

/**
 * Ordinary kabupaten budgets with sen, a kegiatan of Rp 999 miliar (the Jumlah stays under Rp 1 triliun),
 * and K4.1 counted in Rupiah: 1.000.000.000,50 reported in December against the same target.
 */
function input() {
  const reports = jemberReportsWith('K4.1', (month) => ({ value: month === 12 ? '1000000000.50' : '0' }));
  return jemberInputWithBudget(
    { K1: '120000000', K2: '200000000.50', K3: '999000000000', K4: '180000000', K5: '1000000', K6: '1000000', K7: '1000000' },
    { K4: '14166666.80' },
    {},
    reports,
    { 'K4.1': { unit: 'Rupiah', target: { kind: 'SINGLE', value: '1000000000.50' }, monthlyPlan: null } },
  );
}

(hasPdftotext ? describe : describe.skip)('renderLkjPdf — amounts are never split across lines (A4 portrait)', () => {
  const model = buildLkjModel(input());
  let text: string;
  let dir: ReturnType<typeof scratchDir>;
  beforeAll(async () => {
    dir = scratchDir();
    text = pdfText(dir.file('amounts.pdf', await renderLkjPdf(model)));
  });
  afterAll(() => dir?.remove());

  it('prints every pagu, realisasi and total of Tabel 3.3 whole, "Penyerapan" too', () => {
    const lines = section(text, 'Tabel 3.3', 'BAB IV PENUTUP');
    for (const amount of ['Rp 120.000.000,00', 'Rp 200.000.000,50', 'Rp 999.000.000.000,00', 'Rp 170.000.001,60', 'Rp 999.503.000.000,50']) {
      expect({ amount, whole: lines.some((l) => l.includes(amount)) }).toEqual({ amount, whole: true });
    }
    expect(lines.some((l) => /\bPenyerapan\b/.test(l))).toBe(true);
    expect(lines.filter((l) => /Rp\s*$|^\s*\d{0,3}[.,]?\d*\s*$/.test(l) && l.trim() !== '')).toEqual([]);
  });

  it('prints a target and realisasi of a billion rupiah with sen in Tabel 3.2 with each figure whole on one line', () => {
    const k41 = model.measurement.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.rows)).find((r) => r.indicatorCode === 'K4.1')!;
    const figure = formatQuantityId(k41.targetText, k41.unit).replace(/ Rupiah$/, '');
    expect(figure).toMatch(/^1\.000\.000\.000,50?$/);
    const lines = section(text, 'Tabel 3.2', '3.2 Evaluasi');
    // Target and realisasi side by side, each whole (the unit may wrap below its figure).
    expect(lines.some((l) => l.split(figure).length === 3)).toBe(true);
  });

  it('never ends a line of running text with "Rp" and starts the next with its amount (Ikhtisar, 4.1, saran)', () => {
    expect(text.split('\n').filter((l) => /\bRp\s*$/.test(l))).toEqual([]);
    expect(text).toMatch(/Rp 999\.503\.000\.000,50/);
  });
});
