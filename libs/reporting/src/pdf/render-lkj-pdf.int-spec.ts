import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { formatPercentId, formatQuantityId } from '../format/format-id';
import { buildLkjModel } from '../model/build-lkj-model';
import { LkjModel } from '../model/lkj-model.types';
import { jemberReportsWith } from '../testing/jember-variants';
import { onPath, pdfText, scratchDir } from '../testing/external-tools';
import { MISSING_GLYPH } from './pdf-text';
import { renderLkjPdf } from './render-lkj-pdf';

const hasPdftotext = onPath('pdftotext');
if (!hasPdftotext) {
  // The CI script installs poppler-utils; a developer machine without it skips this file, loudly.
  console.warn('SKIPPED render-lkj-pdf.int-spec: pdftotext (Debian poppler-utils) is not on PATH');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Tabel 3.2 part of the text: from its caption to the next section. */
function tabel32(text: string): string {
  const start = text.indexOf('Tabel 3.2');
  const end = text.indexOf('3.2 Evaluasi dan Analisis', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

/** One line per indicator: its number, then target, realisasi, capaian and category as printed. */
function expectIndicatorLines(section: string, model: LkjModel): void {
  const lines = section.split('\n');
  for (const p of model.measurement.programs) {
    for (const k of p.kegiatan) {
      k.rows.forEach((r, i) => {
        const figures = [formatQuantityId(r.targetText, r.unit), formatQuantityId(r.realisasi, r.unit), formatPercentId(r.capaian), r.category];
        const pattern = new RegExp(`^\\s*${escape(`${k.no}.${i + 1}`)}\\s.*?${figures.map(escape).join('\\s+')}\\s*$`);
        expect({ indicator: r.indicatorCode, found: lines.some((l) => pattern.test(l)) }).toEqual({ indicator: r.indicatorCode, found: true });
      });
    }
  }
}

(hasPdftotext ? describe : describe.skip)('renderLkjPdf — the text pdftotext reads back', () => {
  const dir = scratchDir();
  afterAll(() => dir.remove());

  describe('the Jember 2024 LKj', () => {
    const model = buildLkjModel(jember2024LkjInput());
    let text: string;
    beforeAll(async () => {
      text = pdfText(dir.file('jember-2024.pdf', await renderLkjPdf(model)));
    });

    it('is a PDF', async () => {
      const pdf = await renderLkjPdf(model);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('reads the same when rendered beside another LKj (the parsed fonts are shared by every document)', async () => {
      const draft = buildLkjModel(jember2024LkjInput({ draft: true }));
      const [together, draftTogether] = await Promise.all([renderLkjPdf(model), renderLkjPdf(draft)]);
      expect(pdfText(dir.file('together.pdf', together))).toBe(text);
      expect(pdfText(dir.file('draft-together.pdf', draftTogether))).toBe(pdfText(dir.file('draft-alone.pdf', await renderLkjPdf(draft))));
    });

    it('has the 18 indicators of Tabel 3.2 with the model\'s figures', () => {
      const section = tabel32(text);
      expectIndicatorLines(section, model);
      expect(section.match(/100,00%\s+Berhasil/g)).toHaveLength(18 + 7 + 2 + 1);
      expect(section).toMatch(/4\.1\s+Layanan Perkantoran\s+12 Layanan\s+12 Layanan\s+100,00%\s+Berhasil/);
      expect(section).toMatch(/Rata-rata capaian seluruh indikator\s+100,00%\s+Berhasil/);
    });

    it('has the chapters, the Daftar Isi with page numbers, and numbered pages', () => {
      for (const h of ['KATA PENGANTAR', 'IKHTISAR EKSEKUTIF', 'DAFTAR ISI', 'BAB I PENDAHULUAN', 'BAB II PERENCANAAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP', 'LAMPIRAN']) {
        expect(text).toContain(h);
      }
      expect(text).toMatch(/BAB III AKUNTABILITAS KINERJA\s+\.*\s*\d+\n/);
      expect(text).toMatch(/Halaman iii/);
      expect(text).toMatch(/Halaman 1\b/);
      expect(text).toContain('Jember, 17 Januari 2025');
    });

    it('has last year beside this year, the conclusions and the audit chain head', () => {
      const flat = text.replace(/\s+/g, ' ');
      // per indicator: target, realisasi, capaian 2023 and 2024 side by side
      expect(text.match(/1 NSPK\s+1 NSPK\s+100,00%\s+100,00%\s+Berhasil/g)).toHaveLength(1);
      expect(text.match(/12 Layanan\s+12 Layanan\s+100,00%\s+100,00%\s+Berhasil/g)).toHaveLength(3);
      expect(flat).toContain(model.conclusions[1]);
      expect(flat).toContain('Seluruh 18 (delapan belas) indikator kinerja berada pada kategori Berhasil.');
      expect(flat).toContain(model.integrity.chainHead!.hash);
      expect(text).not.toContain('DRAF');
    });
  });

  describe('a year where one indicator fell short, as a draft', () => {
    const reports = jemberReportsWith('K4.1', (m) => (m >= 8 ? { value: null, kendala: 'Pencairan anggaran gaji terlambat dari KPPN.' } : undefined));
    const model = buildLkjModel(jember2024LkjInput({ draft: true, version: 3 }, reports));
    let text: string;
    beforeAll(async () => {
      text = pdfText(dir.file('jember-2024-draft.pdf', await renderLkjPdf(model)));
    });

    it('prints the lower figures and the category the model gives', () => {
      const section = tabel32(text);
      expectIndicatorLines(section, model);
      expect(section).toMatch(/4\.1\s+Layanan Perkantoran\s+12 Layanan\s+7 Layanan\s+58,33%\s+Kurang Berhasil/);
      expect(section).toMatch(/Rata-rata capaian seluruh indikator\s+97,69%\s+Berhasil/);
      expect(text.replace(/\s+/g, ' ')).toContain('kendala: Pencairan anggaran gaji terlambat dari KPPN');
    });

    it('is marked DRAF (draft) with its version', () => {
      expect(text).toContain('DRAF');
      expect(text).toContain('Versi 3 — DRAF, bukan dokumen final');
    });
  });

  describe('what people typed, in a font that has it', () => {
    const typed = {
      ketua: 'Ćamila Ωktaviani, S.H.',
      narrative: 'Capaian ≥ 95% dijaga tiap bulan ✓ (target ≤ 2 hari, Ω = 12 layanan).',
      kendala: 'Rekonsiliasi dengan KPPN Łódź tertunda ✓ dua kali',
      solusi: 'Jadwal rekonsiliasi ≥ 2× per bulan',
      saran: 'Pertahankan capaian ≥ 90% — usul Ćiro ✓; إن شاء الله',
    };
    const reports = jemberReportsWith('K4.1', (m) => (m === 8 ? { value: '1', kendala: typed.kendala, solusi: typed.solusi } : undefined));
    const base = jember2024LkjInput({}, reports);
    const model = buildLkjModel({
      ...base,
      office: { ...base.office, ketua: typed.ketua },
      indicatorNotes: base.indicatorNotes.map((n) => (n.indicatorCode === 'K4.1' ? { ...n, narratives: [...n.narratives, typed.narrative, 'Tim hadir lengkap 👍🏽 dan 中'] } : n)),
      suggestions: [typed.saran],
    });
    let flat: string;
    beforeAll(async () => {
      flat = pdfText(dir.file('jember-2024-typed.pdf', await renderLkjPdf(model))).replace(/\s+/g, ' ');
    });

    it('prints ≥, Ć, Ω, ✓ and the other characters as typed in narratives, kendala, solusi, saran and names', () => {
      for (const text of [typed.narrative, typed.kendala, typed.solusi]) expect(flat).toContain(text);
      // The Arabic words after it are drawn (the font has them), but pdfkit sets words left to right, so not compared.
      expect(flat).toContain('Pertahankan capaian ≥ 90% — usul Ćiro ✓;');
      expect(flat).toContain(`KETUA ${typed.ketua.toUpperCase()}`);
    });

    it('prints a character the font lacks (an emoji, Chinese) as one replacement character each, never a "?"', () => {
      expect(flat).toContain(`Tim hadir lengkap ${MISSING_GLYPH} dan ${MISSING_GLYPH}`);
      expect(flat).not.toContain('?');
    });
  });
});
