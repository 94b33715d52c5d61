import { setTimeout as sleep } from 'node:timers/promises';
import { requestFingerprint, type CommandOptions } from '@kinerja/event-store';
import { LkjService, type LkjRequestOutcome } from './lkj.service';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

const DUPLICATES = 6;
const ROUNDS = 4;
const SEKRETARIS = { id: '00000000-0000-4000-8000-00000000000a', role: 'SEKRETARIS' as const };

type Answer = { ok: true; body: unknown; version: number; replayed: boolean } | { ok: false; code: string };

/**
 * Duplicates of one keyed request (a client that retries at once), sent concurrently to the real
 * PostgreSQL: whether a duplicate checks the key before the first is stored and reads the stream
 * after it is (a stale If-Match, or the final the first asked for now pending), each answers as a
 * replay of the first — never 409 EVENT_STORE.CONCURRENCY, never a second "new" answer — and one
 * request is recorded. The LKj request, then last year's capaian import.
 */
describe('Keyed duplicates of an LKj request or a capaian import, concurrently (real PostgreSQL)', () => {
  const s = new LkjScenario();
  let service: LkjService;

  beforeAll(async () => {
    await s.start();
    service = new LkjService(s.db.dataSource, s.parts.streams, s.parts.outbox, s.enqueuer, s.parts.processManager, s.parts.files, s.clock, s.integrity(), s.parts.chain);
  });
  afterAll(() => s.stop());

  const count = async (): Promise<number> => (await s.parts.streams.load(JEMBER, 2024)).count;

  async function request(draft: boolean, suggestions: string[] | null, options: Omit<CommandOptions, 'requestFingerprint'>): Promise<Answer> {
    const fingerprint = requestFingerprint('RequestLkj', { route: `lkj/2024?draft=${draft}`, suggestions });
    try {
      const outcome: LkjRequestOutcome = await service.request(JEMBER, 2024, draft, suggestions, SEKRETARIS, { ...options, requestFingerprint: fingerprint });
      return { ok: true, body: outcome.view, version: outcome.version, replayed: outcome.replayed };
    } catch (error) {
      return { ok: false, code: (error as { code?: string }).code ?? String(error) };
    }
  }

  function fire(send: () => Promise<Answer>): Promise<Answer[]> {
    return Promise.all(Array.from({ length: DUPLICATES }, async (_, i) => {
      await sleep(i % 3);
      return send();
    }));
  }

  function expectOneFirstAnswer(answers: Answer[]): void {
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const first = answers.filter((a): a is Extract<Answer, { ok: true }> => a.ok && !a.replayed);
    expect(first).toHaveLength(1);
    for (const a of answers) expect(a).toEqual({ ...first[0], replayed: a !== first[0] });
  }

  it('draft requests with the key and If-Match: one recorded, every duplicate a replay of it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const before = await count();
      const answers = await fire(() => request(true, [`Saran ${round}.`], { idempotencyKey: `draf-if-match-${round}`, expectedVersion: before }));
      expectOneFirstAnswer(answers);
      expect(await count()).toBe(before + 1);
    }
  });

  it('draft requests with the key only: the same', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const before = await count();
      const answers = await fire(() => request(true, null, { idempotencyKey: `draf-${round}` }));
      expectOneFirstAnswer(answers);
      expect(await count()).toBe(before + 1);
    }
  });

  it('final requests without saran, the year approved and its final produced: one new final, the duplicates replay it (not "pending, new")', async () => {
    await s.approveYear();
    for (const intent of await s.parts.processManager.catchUpThroughNow()) await s.parts.producer.produce(intent.satker, intent.year, intent.version);
    for (let round = 0; round < ROUNDS; round++) {
      const before = await count();
      const answers = await fire(() => request(false, null, { idempotencyKey: `final-${round}` }));
      expectOneFirstAnswer(answers);
      expect(await count()).toBe(before + 1);
      for (const intent of await s.parts.outbox.pending()) await s.parts.producer.produce(intent.satker, intent.year, intent.version);
    }
  });

  it('final requests with saran and If-Match: the same', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const before = await count();
      const answers = await fire(() => request(false, [`Saran final ${round}.`], { idempotencyKey: `final-saran-${round}`, expectedVersion: before }));
      expectOneFirstAnswer(answers);
      expect(await count()).toBe(before + 1);
      for (const intent of await s.parts.outbox.pending()) await s.parts.producer.produce(intent.satker, intent.year, intent.version);
    }
  });

  it('capaian imports with the key and If-Match: one import recorded, every duplicate a replay of it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const before = (await s.parts.capaian.at(JEMBER, 2024)).version;
      const lines = [{ line: 1, indicator: 'K1.1', capaian: String(90 + round) }];
      const answers = await fire(async (): Promise<Answer> => {
        const options = { idempotencyKey: `capaian-${round}`, expectedVersion: before, requestFingerprint: requestFingerprint('ImportCapaian', { lines }) };
        try {
          const outcome = await s.parts.capaian.import(JEMBER, 2024, lines, 'API', { id: SEKRETARIS.id, role: 'SEKRETARIS' }, options);
          return { ok: true, body: outcome.view, version: outcome.version, replayed: outcome.replayed };
        } catch (error) {
          return { ok: false, code: (error as { code?: string }).code ?? String(error) };
        }
      });
      expectOneFirstAnswer(answers);
      expect((await s.parts.capaian.at(JEMBER, 2024)).version).toBe(before + 1);
    }
  });
});
