import { setTimeout as sleep } from 'node:timers/promises';
import { perjanjianKinerjaDecider, pkStreamId, realisasiStreamId, type RealisasiContent, type RealisasiKey } from '@kinerja/domain';
import { EventStore, requestFingerprint, type CommandOptions } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { aStructure } from '../../../domain/testing/builders';
import { RealisasiWriter } from '../realisasi/realisasi-writer';
import { AggregateRunner } from './aggregate-runner';
import { SatkerDirectory } from './satker-directory';
import type { WorkflowActor } from './workflow-actor';

const SATKER = 'kpu-kab-jember';
const YEAR = 2024;
const DUPLICATES = 6;
const kasubbag: WorkflowActor = { id: '00000000-0000-4000-9000-000000000001', role: 'KASUBBAG', satker: SATKER, subbagian: 'KUL' };
const sekretaris: WorkflowActor = { id: '00000000-0000-4000-8000-000000000001', role: 'SEKRETARIS', satker: SATKER, subbagian: null };
const ketua: WorkflowActor = { id: '00000000-0000-4000-8000-000000000002', role: 'KETUA', satker: SATKER, subbagian: null };

const contentOf = (value: string): RealisasiContent => ({
  lines: [
    { indicatorCode: 'K1.1', value, narrative: 'Terlaksana', kendala: '', solusi: '', evidence: [] },
    { indicatorCode: 'K1.2', value: null, narrative: 'Belum', kendala: '', solusi: '', evidence: [] },
  ],
  budget: [{ kegiatanCode: 'K1', spent: '83333.33' }],
});

type Answer = { ok: true; version: number; replayed: boolean; status: string } | { ok: false; code: string };

/**
 * Duplicates of one command, sent at the same moment with the same Idempotency-Key, through the
 * runner to the real event store: however they interleave with the first, each answers as the
 * first did (or is the first), nothing is refused, and one append is recorded.
 */
describe('AggregateRunner: concurrent duplicates of a keyed command replay the first answer (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let runner: AggregateRunner;
  let writer: RealisasiWriter;
  const clock = new ControllableClock(new Date('2025-01-10T02:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: DUPLICATES + 4 });
    store = new EventStore(db.dataSource);
    runner = new AggregateRunner(store, db.dataSource, clock);
    writer = new RealisasiWriter(runner, new SatkerDirectory(db.dataSource), db.dataSource);
    await db.dataSource.query(
      `INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ($1, 'Sekretariat KPU Kabupaten Jember', 'Asia/Jakarta', now(), now())`,
      [SATKER],
    );
    const pk = { tenant: SATKER, streamId: pkStreamId(SATKER, YEAR) };
    const subbagianCodes = ['PDI', 'KUL', 'HSDM', 'TPH'];
    await runner.run(pk, perjanjianKinerjaDecider, sekretaris, {}, (metadata) => ({
      type: 'DraftPk' as const, data: { satker: SATKER, year: YEAR, structure: aStructure(), subbagianCodes }, metadata,
    }));
    await runner.run(pk, perjanjianKinerjaDecider, sekretaris, {}, (metadata) => ({ type: 'SubmitPk', data: {}, metadata }));
    await runner.run(pk, perjanjianKinerjaDecider, ketua, {}, (metadata) => ({ type: 'ApprovePk', data: {}, metadata }));
  });
  afterAll(async () => {
    await db?.drop();
  });

  const keyOf = (month: number): RealisasiKey => ({ satker: SATKER, year: YEAR, month, subbagian: 'KUL' });

  /** A report submitted and returned by the Sekretaris: the state in which the duplicates arrive. Its version. */
  async function returnedReport(month: number): Promise<number> {
    await writer.run(keyOf(month), kasubbag, {}, (metadata, context) => ({
      type: 'SubmitRealisasi', data: { key: keyOf(month), context, content: contentOf('1') }, metadata,
    }));
    const returned = await writer.run(keyOf(month), sekretaris, {}, (metadata) => ({ type: 'ReturnRealisasi', data: { reason: 'Lampirkan SP2D' }, metadata }));
    return returned.version;
  }

  /** One SubmitRealisasi with the body `value` as the HTTP edge sends it: key, fingerprint of the request, If-Match when given. */
  async function submit(month: number, value: string, options: Omit<CommandOptions, 'requestFingerprint'>): Promise<Answer> {
    const content = contentOf(value);
    const fingerprint = requestFingerprint('SubmitRealisasi', { route: `realisasi/${YEAR}/${month}/KUL/submit`, content });
    try {
      const outcome = await writer.run(keyOf(month), kasubbag, { ...options, requestFingerprint: fingerprint }, (metadata, context) => ({
        type: 'SubmitRealisasi', data: { key: keyOf(month), context, content }, metadata,
      }));
      return { ok: true, version: outcome.version, replayed: outcome.replayed, status: outcome.view.status };
    } catch (error) {
      return { ok: false, code: (error as { code?: string }).code ?? String(error) };
    }
  }

  /**
   * `DUPLICATES` requests fired a little apart, as they reach the API from a client that retries
   * at once: some check the key before the first is stored and load the report after it is.
   */
  function fire(month: number, value: (i: number) => string, options: (i: number) => Omit<CommandOptions, 'requestFingerprint'>): Promise<Answer[]> {
    return Promise.all(Array.from({ length: DUPLICATES }, async (_, i) => {
      await sleep(i);
      return submit(month, value(i), options(i));
    }));
  }

  async function submissionsAfter(month: number, version: number): Promise<string[]> {
    const events = await store.readStream(realisasiStreamId(SATKER, YEAR, month, 'KUL'), { tenantId: SATKER });
    return events.slice(version).map((e) => e.type);
  }

  function expectOneAnswer(answers: Answer[], version: number, submissions: string[]): void {
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect(answers.filter((a) => a.ok && !a.replayed)).toHaveLength(1);
    const first = answers.find((a) => a.ok && !a.replayed)!;
    expect(first).toMatchObject({ version: version + submissions.length, status: 'SUBMITTED' });
    for (const answer of answers) expect(answer).toEqual({ ...first, replayed: answer.ok && answer.replayed });
    expect(submissions.filter((type) => type === 'RealisasiSubmitted')).toHaveLength(1);
  }

  it('duplicates of a resubmission after a return: one append, the first answer to the first, its replay to every other, no refusal', async () => {
    for (let month = 1; month <= 5; month++) {
      const version = await returnedReport(month);
      const answers = await fire(month, () => '2', () => ({ idempotencyKey: `k-${month}` }));
      const submissions = await submissionsAfter(month, version);
      expectOneAnswer(answers, version, submissions);
    }
  });

  it('the same duplicates with If-Match of the returned report: a stale version met after the first is stored is a replay, not 409', async () => {
    for (let month = 6; month <= 10; month++) {
      const version = await returnedReport(month);
      const answers = await fire(month, () => '2', () => ({ idempotencyKey: `k-${month}`, expectedVersion: version }));
      const submissions = await submissionsAfter(month, version);
      expectOneAnswer(answers, version, submissions);
    }
  });

  it('the key sent at once with another body: the one stored first is the answer, every other is IDEMPOTENCY.KEY_REUSED', async () => {
    for (let month = 11; month <= 12; month++) {
      const version = await returnedReport(month);
      const answers = await fire(month, (i) => String(i + 2), () => ({ idempotencyKey: `k-other-bodies-${month}` }));
      const submissions = await submissionsAfter(month, version);
      expect(answers.filter((a) => a.ok)).toEqual([{ ok: true, version: version + submissions.length, replayed: false, status: 'SUBMITTED' }]);
      expect(answers.filter((a) => !a.ok)).toEqual(Array(DUPLICATES - 1).fill({ ok: false, code: 'IDEMPOTENCY.KEY_REUSED' }));
      expect(submissions.filter((type) => type === 'RealisasiSubmitted')).toHaveLength(1);
    }
  });

  it('racing saves with the same version: every 409 names the version the client sent and the current one in its numbering', async () => {
    const month = 4;
    const key: RealisasiKey = { satker: SATKER, year: YEAR, month, subbagian: 'PDI' };
    const pdi: WorkflowActor = { ...kasubbag, id: '00000000-0000-4000-9000-000000000002', subbagian: 'PDI' };
    const save = (value: string, expectedVersion?: number) => writer.run(key, pdi, expectedVersion === undefined ? {} : { expectedVersion }, (metadata, context) => ({
      type: 'SaveRealisasiDraft' as const,
      data: { key, context, lines: [{ indicatorCode: 'K2.1', value, narrative: 'Terlaksana', kendala: '', solusi: '', evidence: [] }], budget: [] }, metadata,
    }));
    let version = (await save('1')).version;
    for (let round = 0; round < 5; round++) {
      const sent = version;
      const answers = await Promise.all(Array.from({ length: DUPLICATES }, async (_, i) => {
        await sleep(i % 2);
        try {
          return { ok: true as const, version: (await save(`${round}.${i + 1}`, sent)).version };
        } catch (error) {
          const e = error as { code?: string; message: string; details?: Record<string, unknown> };
          return { ok: false as const, code: e.code, message: e.message, details: e.details };
        }
      }));
      const won = answers.filter((a) => a.ok);
      expect(won).toEqual([{ ok: true, version: sent + 1 }]);
      // Whether the loser met the newer version when loading (checked by the runner) or at the append (by the store): the same numbers.
      for (const lost of answers.filter((a) => !a.ok)) {
        expect(lost).toEqual({
          ok: false, code: 'EVENT_STORE.CONCURRENCY',
          message: `Data telah diubah oleh orang lain sejak Anda membukanya (versi ${sent}, sekarang versi ${sent + 1}). Muat ulang lalu ulangi perubahan Anda.`,
          details: expect.objectContaining({ expectedVersion: sent, actualVersion: sent + 1 }),
        });
      }
      version = sent + 1;
    }
  });

  it('without a key or a version, racing writers are decided again on the newer state: the rules answer the losers, never a version conflict', async () => {
    const pdi: WorkflowActor = { ...kasubbag, id: '00000000-0000-4000-9000-000000000002', subbagian: 'PDI' };
    const pdiContent = (value: string): RealisasiContent => ({
      lines: [{ indicatorCode: 'K2.1', value, narrative: 'Terlaksana', kendala: '', solusi: '', evidence: [] }],
      budget: [],
    });
    for (let month = 1; month <= 3; month++) {
      const key: RealisasiKey = { satker: SATKER, year: YEAR, month, subbagian: 'PDI' };
      const answers = await Promise.all(Array.from({ length: DUPLICATES }, async (_, i): Promise<Answer> => {
        await sleep(i % 2);
        try {
          const outcome = await writer.run(key, pdi, {}, (metadata, context) => ({
            type: 'SubmitRealisasi', data: { key, context, content: pdiContent(String(i + 1)) }, metadata,
          }));
          return { ok: true, version: outcome.version, replayed: outcome.replayed, status: outcome.view.status };
        } catch (error) {
          return { ok: false, code: (error as { code?: string }).code ?? String(error) };
        }
      }));
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok)).toEqual(Array(DUPLICATES - 1).fill({ ok: false, code: 'REALISASI.ALREADY_SUBMITTED' }));
    }
  });
});
