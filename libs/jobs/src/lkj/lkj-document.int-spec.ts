import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KinerjaTable, LkjFile } from '@kinerja/domain';
import { formatPercentId, formatQuantityId } from '@kinerja/reporting';
import { bodyElements, readDocx, tableAfter } from '@kinerja/reporting/testing/docx-xml';
import { readFileSync } from 'node:fs';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

/** Tabel 3.2's indicator rows as the report must print them, from the API's table (not from the LKj model). */
function expectedRows(table: KinerjaTable): string[][] {
  return table.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i, n) => [
    `${k.no}.${n + 1}`, i.name, formatQuantityId(i.targetText, i.unit), formatQuantityId(i.realisasi, i.unit), formatPercentId(i.capaian), i.category ?? '',
  ])));
}

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * The produced files read back. June's "Layanan Perkantoran" (K4.1) is left blank so one figure
 * differs from the others: 11 of 12 Layanan, 91,67%.
 */
describe('the produced LKj, read back', () => {
  const s = new LkjScenario();
  let files: LkjFile[];
  let api: KinerjaTable;
  const bytes = (format: LkjFile['format']) => readFileSync(s.parts.files.pathOf(JEMBER, files.find((f) => f.format === format)!.sha256));

  beforeAll(async () => {
    await s.start();
    for (const r of s.reports) {
      if (r.month === 6) r.lines = r.lines.map((l) => (l.indicatorCode === 'K4.1' ? { ...l, value: null } : l));
    }
    await s.approveYear();
    await s.parts.capaian.importCsv(JEMBER, 2024, 'kode;capaian\nK4.1;97,5\nLayanan Sarana Internal;100\n', { id: 'admin', role: 'ADMIN' });
    const [intent] = await s.parts.processManager.catchUpThroughNow();
    const result = await s.parts.producer.produce(intent.satker, intent.year, intent.version);
    files = result.files;
    api = await s.apiKinerja();
  });
  afterAll(() => s.stop());

  it('stores both files under their SHA-256', async () => {
    expect(files.map((f) => f.format)).toEqual(['DOCX', 'PDF']);
    for (const f of files) expect((await s.parts.files.read(JEMBER, f.sha256))!.actualSha256).toBe(f.sha256);
  });

  it('has, in the DOCX, a Tabel 3.2 equal to the table the API serves', async () => {
    const elements = bodyElements((await readDocx(bytes('DOCX'))).document);
    const rows = tableAfter(elements, 'Tabel 3.2').rows.filter((r) => /^\d+\.\d+$/.test(r[0]));
    expect(rows).toEqual(expectedRows(api));
    expect(rows).toHaveLength(18);
    expect(rows).toContainEqual(['4.1', 'Layanan Perkantoran', '12 Layanan', '11 Layanan', '91,67%', 'Berhasil']);
  });

  it('sets last year\'s imported capaian beside this year\'s in the per-indicator analysis', async () => {
    const text = (await readDocx(bytes('DOCX'))).document;
    expect(text).toContain('97,50%');
  });

  it('prints the same figures in the PDF (pdftotext)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lkj-pdf-'));
    try {
      const file = join(dir, 'lkj.pdf');
      await writeFile(file, bytes('PDF'));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const row of expectedRows(api)) {
        expect(text).toContain(row[3]);
        expect(text).toContain(row[4]);
      }
      expect(text).toContain('11 Layanan');
      expect(text).toContain('91,67%');
      expect(text).toContain(`Rata-rata capaian seluruh indikator`);
      expect(text).toContain(formatPercentId(api.office.capaianAverage));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is a final without placeholders: 4.2 written from the data, Lampiran 2 telling the chain and the digest, cover and signature of one year', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lkj-pdf-'));
    try {
      const file = join(dir, 'lkj.pdf');
      await writeFile(file, bytes('PDF'));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).not.toContain('Belum ada saran');
      expect(flat).toContain('Berdasarkan hasil pengukuran dan analisis capaian kinerja Tahun 2024 di atas');
      expect(flat).toContain('Mencantumkan pagu anggaran setiap kegiatan dalam Perjanjian Kinerja Tahun 2025');
      const lampiran2 = flat.slice(flat.lastIndexOf('Lampiran 2 Integritas Jejak Audit'));
      expect(lampiran2).not.toContain('tidak tersedia');
      // The head when it was produced: every event but the LkjProduced recorded after.
      const head = (await s.store.headOf(JEMBER)).sequence - 1;
      expect(lampiran2).toContain(`Urutan peristiwa terakhir ${head} `);
      expect(lampiran2).toContain(`Jumlah peristiwa tercakup ${head} peristiwa (urutan 1 sampai dengan ${head})`);
      // The scenario's clock: 10 January 2025 10.00 WIB; no digest signed yet, the first at 07.05 WIB the next day.
      expect(lampiran2).toContain('Belum ada digest harian bertanda tangan saat laporan ini dihasilkan');
      // pdftotext -layout sets each line of the right cell beside the left cell's line at its height: where the label
      // "Digest harian bertanda tangan" wraps (it depends on the font's widths), its "tangan" stands among the date's words.
      expect(lampiran2).toMatch(/11 Januari (?:tangan )?2025 07\.05 WIB/);
      expect(flat).toContain('Jember, 10 Januari 2025');
      expect(text.slice(0, text.indexOf('KATA PENGANTAR'))).toMatch(/^\s*2025\s*$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('converts to PDF with LibreOffice without error, when LibreOffice is installed', async () => {
    const soffice = which('soffice') ?? which('libreoffice');
    if (!soffice) {
      console.log('LibreOffice (soffice) is not installed here: DOCX conversion check not run.');
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'lkj-lo-'));
    try {
      await writeFile(join(dir, 'lkj.docx'), bytes('DOCX'));
      execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'lkj.docx')], { timeout: 120_000 });
      expect(await readdir(dir)).toContain('lkj.pdf');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
