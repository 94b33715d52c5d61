import { readFileSync } from 'node:fs';
import {
  DEFAULT_RATING_SCALE, lkjStreamId, ratingScaleDecider, ratingScaleStreamId,
  type LkjCommand, type LkjFile, type LkjVersionState, type RatingRow,
} from '@kinerja/domain';
import type { EntityManager } from 'typeorm';
import { JEMBER_2024_PK_IN_FORCE } from '@kinerja/reporting';
import { bodyElements, readDocx, tableAfter } from '@kinerja/reporting/testing/docx-xml';
import { AggregateRunner } from '@kinerja/workflow/shared/aggregate-runner';
import type { EventMetadata } from '@kinerja/event-store';
import { LkjFactsReader, type LkjRequestFacts } from './lkj-facts.reader';
import { LkjProcessManager } from './lkj-process-manager';
import { LkjProducer } from './lkj-producer';
import { LkjStreams, type LoadedLkj } from './lkj-stream';
import { JEMBER, JEMBER_SUBBAGIAN, LkjScenario } from './testing/lkj-scenario.testing';
import { YearDriver } from './testing/year-driver.testing';

/** "Berhasil" only above 100: the 91,67% of K4.1 is Cukup Berhasil here, Berhasil under Tabel 3.1 of the reference. */
const STRICT: RatingRow[] = [
  { minExclusive: '100', maxInclusive: null, category: 'Berhasil', meaning: 'Melampaui target' },
  { minExclusive: '80', maxInclusive: '100', category: 'Cukup Berhasil', meaning: 'Mendekati target' },
  { minExclusive: null, maxInclusive: '80', category: 'Tidak Berhasil', meaning: 'Jauh dari target' },
];
const LUMAJANG = 'kpu-kab-lumajang';

/** The LKj stream of a version whose `RequestLkj` fails: the process manager dies inside its transaction. */
class DyingStreams extends LkjStreams {
  async decide(loaded: LoadedLkj, command: LkjCommand, metadata: EventMetadata, manager?: EntityManager) {
    if (command.type === 'RequestLkj') throw new Error('process killed after marking the LKj stale');
    return super.decide(loaded, command, metadata, manager);
  }
}

/** A facts reader that lets something happen after the job read the facts and before it records the version. */
class PausingFacts extends LkjFactsReader {
  meanwhile: (() => Promise<void>) | null = null;

  async read(satker: string, year: number, request: LkjRequestFacts) {
    const input = await super.read(satker, year, request);
    const meanwhile = this.meanwhile;
    this.meanwhile = null;
    if (meanwhile) await meanwhile();
    return input;
  }
}

/**
 * The office's rating scale changes after its LKj was produced: the year whose document would read
 * differently (a category, Tabel 3.1) is marked stale and produced again as a new version, exactly
 * once; a change that alters nothing shown, and another office's LKj, are left alone.
 */
describe('an LKj produced before a rating scale change', () => {
  const s = new LkjScenario();
  const lumajang = () => new YearDriver(s.db.dataSource, s.store, LUMAJANG);

  const setScale = async (label: string, rows: RatingRow[]) => {
    const runner = new AggregateRunner(s.store, s.db.dataSource, s.clock);
    const admin = { id: 'admin-jember', role: 'ADMIN' as const, satker: JEMBER, subbagian: null };
    await runner.run({ tenant: JEMBER, streamId: ratingScaleStreamId(JEMBER) }, ratingScaleDecider, admin, {}, (metadata) => ({
      type: 'SetRatingScale' as const, data: { satker: JEMBER, scale: { label, rows }, reason: null }, metadata,
    }));
  };
  const versions = async (satker = JEMBER): Promise<LkjVersionState[]> => (await s.parts.streams.load(satker, 2024)).state.versions;
  const eventTypes = async (satker: string) => (await s.store.readStream(lkjStreamId(satker, 2024), { tenantId: satker })).map((e) => e.type);
  const produceAll = async () => {
    for (const i of await s.parts.outbox.pending()) await s.parts.producer.produce(i.satker, i.year, i.version);
  };
  /** Tabel 3.1 (meanings) and the K4.1 line of Tabel 3.2 of a produced version's DOCX. */
  const docx = async (version: number) => {
    const files = (await versions()).find((v) => v.version === version)!.produced!.files as LkjFile[];
    const elements = bodyElements((await readDocx(readFileSync(s.parts.files.pathOf(JEMBER, files.find((f) => f.format === 'DOCX')!.sha256)))).document);
    return {
      tabel31: tableAfter(elements, 'Tabel 3.1').rows.slice(1).map((r) => r[r.length - 1]), // below its header
      k41: tableAfter(elements, 'Tabel 3.2').rows.find((r) => r[0] === '4.1'),
    };
  };

  beforeAll(async () => {
    await s.start();
    // K4.1 missing in June: 11 of 12 Layanan, 91,67%.
    for (const r of s.reports) {
      if (r.month === 6) r.lines = r.lines.map((l) => (l.indicatorCode === 'K4.1' ? { ...l, value: null } : l));
    }
    await s.approveYear();
    const other = lumajang();
    await other.createOffice('Sekretariat KPU Kabupaten Lumajang', JEMBER_SUBBAGIAN);
    const pk = await other.approvePk(2024, JEMBER_2024_PK_IN_FORCE.structure);
    for (const r of s.reports) await other.approveReport(pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => [i.satker, i.version])).toEqual([[JEMBER, 1], [LUMAJANG, 1]]);
    await produceAll();
  });
  afterAll(() => s.stop());

  it('leaves the LKj alone when the new scale changes nothing it shows (the same rows under a new label)', async () => {
    await setScale('tabel-3.1-kpu-2025', DEFAULT_RATING_SCALE.rows.map((r) => ({ ...r, maxInclusive: r.maxInclusive && `${r.maxInclusive}.00` })));
    expect(await s.parts.processManager.catchUpThroughNow()).toEqual([]);
    expect(await eventTypes(JEMBER)).toEqual(['LkjRequested', 'LkjProduced']);
  });

  it('marks the LKj stale and produces a new version rated with the new scale when a category changes, for that office only', async () => {
    expect((await docx(1)).k41).toEqual(['4.1', 'Layanan Perkantoran', '12 Layanan', '11 Layanan', '91,67%', 'Berhasil']);
    await setScale('ketat-2025', STRICT);
    const intents = await s.parts.processManager.catchUpThroughNow();
    expect(intents.map((i) => [i.satker, i.year, i.version])).toEqual([[JEMBER, 2024, 2]]);
    expect(await eventTypes(JEMBER)).toEqual(['LkjRequested', 'LkjProduced', 'LkjMarkedStale', 'LkjRequested']);
    const [v1, v2] = await versions();
    expect(v1.stale?.reason).toBe('Skala penilaian capaian diubah menjadi versi 2 setelah LKj dibuat.');
    expect(v2).toMatchObject({ version: 2, draft: false, reason: 'RATING_SCALE_CHANGED', produced: null, stale: null });
    expect(await eventTypes(LUMAJANG)).toEqual(['LkjRequested', 'LkjProduced']);

    await produceAll();
    const produced = await docx(2);
    expect(produced.k41).toEqual(['4.1', 'Layanan Perkantoran', '12 Layanan', '11 Layanan', '91,67%', 'Cukup Berhasil']);
    expect(produced.tabel31).toEqual(STRICT.map((r) => r.meaning));
    expect((await versions())[1].produced?.ratingScaleVersion).toBe('ketat-2025');
    // The first version stays in the history, as it was printed.
    expect((await docx(1)).tabel31).toEqual(DEFAULT_RATING_SCALE.rows.map((r) => r.meaning));
    expect(await s.parts.processManager.catchUpThroughNow()).toEqual([]);
  });

  it('does it once when the process manager dies in the middle and two of them restart at once', async () => {
    await setScale(DEFAULT_RATING_SCALE.version, DEFAULT_RATING_SCALE.rows);
    const dying = new LkjProcessManager(s.db.dataSource, s.store, new DyingStreams(s.store), s.parts.outbox, s.clock);
    await expect(dying.catchUpThroughNow()).rejects.toThrow('process killed');
    expect(await eventTypes(JEMBER)).toHaveLength(5); // nothing of the dead batch was kept

    const restarted = () => new LkjProcessManager(s.db.dataSource, s.store, new LkjStreams(s.store), s.parts.outbox, s.clock);
    const [a, b] = await Promise.all([restarted().catchUpThroughNow(), restarted().catchUpThroughNow()]);
    expect([...a, ...b].map((i) => i.version)).toEqual([3]);
    expect(await restarted().catchUpThroughNow()).toEqual([]);
    expect((await eventTypes(JEMBER)).slice(5)).toEqual(['LkjMarkedStale', 'LkjRequested']);
    expect((await versions())[1].stale?.reason).toBe('Skala penilaian capaian diubah menjadi versi 3 setelah LKj dibuat.');
    expect((await s.parts.outbox.pending()).map((i) => i.jobId)).toEqual(['lkj.kpu-kab-jember.2024.v3']);
    await produceAll();
    expect((await docx(3)).k41?.[5]).toBe('Berhasil');
  });

  it('judges each scale version by itself, not by a later one set before the manager ran', async () => {
    // Stricter, then back to the reference before the manager sees either: the first alone changes the LKj.
    await setScale('ketat-2025', STRICT);
    await setScale(DEFAULT_RATING_SCALE.version, DEFAULT_RATING_SCALE.rows);
    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => i.version)).toEqual([4]);
    expect((await versions())[2].stale?.reason).toBe('Skala penilaian capaian diubah menjadi versi 4 setelah LKj dibuat.');
    await produceAll();
    expect((await docx(4)).k41?.[5]).toBe('Berhasil');
  });

  it('catches a scale set while the job was producing: the version it recorded is marked stale and asked for again', async () => {
    await setScale('ketat-2025', STRICT);
    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => i.version)).toEqual([5]);
    const facts = new PausingFacts(s.db.dataSource, s.store);
    const producer = new LkjProducer(s.db.dataSource, s.parts.streams, facts, s.parts.files, s.parts.outbox, s.clock, s.parts.chain);
    facts.meanwhile = async () => {
      await setScale(DEFAULT_RATING_SCALE.version, DEFAULT_RATING_SCALE.rows);
      // v5 is pending: its job is expected to read the new scale, so nothing is asked for yet.
      expect(await s.parts.processManager.catchUpThroughNow()).toEqual([]);
    };
    expect((await producer.produce(JEMBER, 2024, 5)).outcome).toBe('produced');
    expect((await docx(5)).k41?.[5]).toBe('Cukup Berhasil'); // rated with the scale it read

    expect((await s.parts.processManager.catchUpThroughNow()).map((i) => i.version)).toEqual([6]);
    const v5 = (await versions())[4];
    expect(v5.stale?.reason).toBe('Skala penilaian capaian diubah menjadi versi 7 saat LKj sedang dibuat.');
    await produceAll();
    expect((await docx(6)).k41?.[5]).toBe('Berhasil');
    expect(await s.parts.processManager.catchUpThroughNow()).toEqual([]);
    expect(await eventTypes(LUMAJANG)).toEqual(['LkjRequested', 'LkjProduced']);
  });
});
