import { readFileSync } from 'node:fs';
import type { LkjFile } from '@kinerja/domain';
import { bodyElements, readDocx, tableAfter, textOf } from '@kinerja/reporting/testing/docx-xml';
import { onPath, pdfText, scratchDir } from '@kinerja/reporting/testing/external-tools';
import { LkjService } from './lkj.service';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

const SEKRETARIS = { id: '00000000-0000-4000-8000-00000000000a', role: 'SEKRETARIS' as const };
const NONE_APPROVED = 'belum ada laporan bulanan yang disetujui';

/**
 * A draft LKj requested once the PK is approved but before any monthly report is: it must not
 * read as if January were approved ("sampai dengan bulan Januari"), nor print 0 for what nobody
 * reported. Produced through the real pipeline, read back from both files.
 */
describe('a draft LKj produced before any month is approved', () => {
  const s = new LkjScenario();
  let files: LkjFile[];
  const bytes = (format: LkjFile['format']) => readFileSync(s.parts.files.pathOf(JEMBER, files.find((f) => f.format === format)!.sha256));

  beforeAll(async () => {
    await s.start();
    const service = new LkjService(s.db.dataSource, s.parts.streams, s.parts.outbox, s.enqueuer, s.parts.processManager, s.parts.files, s.clock, s.integrity(), s.parts.chain);
    const requested = await service.request(JEMBER, 2024, true, null, SEKRETARIS);
    files = (await s.parts.producer.produce(JEMBER, 2024, requested.version)).files;
  });
  afterAll(() => s.stop());

  it('reads the year with nothing reported, flagged as no month approved', async () => {
    const input = await s.parts.facts.read(JEMBER, 2024, { version: 1, draft: true, suggestions: [], producedAt: s.clock.now() });
    expect(input.noMonthApproved).toBe(true);
    expect(input.kinerja.month).toBeNull();
    expect(input.kinerja.office.capaianAverage).toBeNull();
  });

  it('says so in the DOCX, with Tabel 3.2 blank ("-") where nothing was reported', async () => {
    const parts = await readDocx(bytes('DOCX'));
    const text = textOf(parts.document);
    expect(text).not.toContain('sampai dengan bulan');
    expect(text).toContain(`Tahun 2024 belum dapat disajikan karena ${NONE_APPROVED}`);
    expect(text).toContain('Belum ada laporan bulanan Tahun 2024 yang disetujui');
    const rows = tableAfter(bodyElements(parts.document), 'Tabel 3.2').rows.filter((r) => /^\d+\.\d+$/.test(r[0]));
    expect(rows).toHaveLength(18);
    expect(rows).toContainEqual(['4.1', 'Layanan Perkantoran', '12 Layanan', '-', '-', 'Belum dapat diukur']);
    for (const row of rows) expect(row.slice(3)).toEqual(['-', '-', 'Belum dapat diukur']);
  });

  (onPath('pdftotext') ? it : it.skip)('says so in the PDF too (pdftotext)', () => {
    const dir = scratchDir();
    try {
      const flat = pdfText(dir.file('lkj.pdf', bytes('PDF'))).replace(/\s+/g, ' ');
      expect(flat).not.toContain('sampai dengan bulan');
      expect(flat).toContain(NONE_APPROVED);
      expect(flat).toContain('Layanan Perkantoran 12 Layanan - - Belum dapat diukur');
    } finally {
      dir.remove();
    }
  });
});
