import { readFileSync } from 'node:fs';
import { DEFAULT_RATING_SCALE, ratingScaleDecider, ratingScaleStreamId, type LkjFile, type RatingRow } from '@kinerja/domain';
import { bodyElements, readDocx, tableAfter } from '@kinerja/reporting/testing/docx-xml';
import { AggregateRunner } from '@kinerja/workflow/shared/aggregate-runner';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

/** "Berhasil" only above 100: the 91,67% of K4.1 is Cukup Berhasil here, Berhasil under Tabel 3.1. */
const STRICT: RatingRow[] = [
  { minExclusive: '100', maxInclusive: null, category: 'Berhasil', meaning: 'Melampaui target' },
  { minExclusive: '80', maxInclusive: '100', category: 'Cukup Berhasil', meaning: 'Mendekati target' },
  { minExclusive: null, maxInclusive: '80', category: 'Tidak Berhasil', meaning: 'Jauh dari target' },
];

describe("the LKj rates with the office's scale in force", () => {
  const s = new LkjScenario();
  let files: LkjFile[];

  beforeAll(async () => {
    await s.start();
    for (const r of s.reports) {
      if (r.month === 6) r.lines = r.lines.map((l) => (l.indicatorCode === 'K4.1' ? { ...l, value: null } : l));
    }
    await s.approveYear();
    const runner = new AggregateRunner(s.store, s.db.dataSource, s.clock);
    const admin = { id: 'admin-jember', role: 'ADMIN' as const, satker: JEMBER, subbagian: null };
    await runner.run({ tenant: JEMBER, streamId: ratingScaleStreamId(JEMBER) }, ratingScaleDecider, admin, {}, (metadata) => ({
      type: 'SetRatingScale' as const, data: { satker: JEMBER, scale: { label: 'ketat-2025', rows: STRICT }, reason: null }, metadata,
    }));
    const [intent] = await s.parts.processManager.catchUpThroughNow();
    files = (await s.parts.producer.produce(intent.satker, intent.year, intent.version)).files;
  });
  afterAll(() => s.stop());

  it('reads the same rated Tabel 3.2 as the API, naming the office version', async () => {
    const input = await s.parts.facts.read(JEMBER, 2024, { version: 1, draft: false, suggestions: [], producedAt: s.clock.now() });
    expect(input.ratingScale).toEqual({ version: 'ketat-2025', rows: STRICT });
    expect(input.kinerja).toEqual(await s.apiKinerja());
    expect(input.kinerja.ratingScaleVersion).toBe('ketat-2025');
  });

  it('prints the office scale as Tabel 3.1 and rates Tabel 3.2 with it in the DOCX', async () => {
    const docx = readFileSync(s.parts.files.pathOf(JEMBER, files.find((f) => f.format === 'DOCX')!.sha256));
    const elements = bodyElements((await readDocx(docx)).document);
    const scaleRows = tableAfter(elements, 'Tabel 3.1').rows.map((r) => r.join(' | '));
    expect(scaleRows.filter((r) => STRICT.some((row) => r.includes(row.meaning)))).toHaveLength(STRICT.length);
    expect(scaleRows.some((r) => r.includes(DEFAULT_RATING_SCALE.rows[0].meaning))).toBe(false);
    const k41 = tableAfter(elements, 'Tabel 3.2').rows.find((r) => r[0] === '4.1');
    expect(k41).toEqual(['4.1', 'Layanan Perkantoran', '12 Layanan', '11 Layanan', '91,67%', 'Cukup Berhasil']);
  });
});
