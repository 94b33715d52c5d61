import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import type { ConnectionOptions } from 'bullmq';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock, redisOptions } from '@kinerja/platform';
import { appendOfficeHistory } from '@kinerja/projections/audit-trail/audit-trail.fixture';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { createTestDatabase, testRedisPrefix, testRedisUrl, type TestDatabase } from '../../../../test/support/test-database';
import { JobQueues } from '../queue-runtime/job-queues';
import { keyIdOf } from './chain-digest';
import { ChainDigestService } from './chain-digest.service';
import { DIGEST_PATTERN, DIGEST_SCHEDULER, DigestJobs } from './digest-jobs';

describe('daily digest jobs (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let queues: JobQueues;
  let jobs: DigestJobs;
  let digests: ChainDigestService;
  const clock = new ControllableClock(new Date('2026-05-02T00:05:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new EventStore(db.dataSource);
    for (const office of ['kpu-a', 'kpu-b']) await appendOfficeHistory(store, office);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const logger = pino({ level: 'silent' });
    digests = new ChainDigestService(db.dataSource, new IntegrityService(db.dataSource, store, logger), {
      privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey),
    });
    queues = new JobQueues({ connection: redisOptions(testRedisUrl) as ConnectionOptions, prefix: testRedisPrefix() });
    jobs = new DigestJobs(digests, queues, clock, logger);
  });

  afterAll(async () => {
    await queues.queue('audit').obliterate({ force: true });
    await queues.onApplicationShutdown();
    await db.drop();
  });

  it('registers one Job Scheduler (not a repeatable job), however many replicas start', async () => {
    await jobs.onApplicationBootstrap();
    await jobs.onApplicationBootstrap();
    const schedulers = await queues.queue('audit').getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.name])).toEqual([[DIGEST_SCHEDULER, DIGEST_PATTERN, 'audit.digest-all']]);
  });

  it('fans out one job per office and day with a deterministic id; a second run adds none', async () => {
    expect(await jobs.all({ reason: 'manual' })).toEqual({ day: '2026-05-02', offices: 2 });
    await jobs.all({ reason: 'manual' });
    const waiting = await queues.queue('audit').getJobs(['waiting', 'delayed', 'prioritized']);
    const ids = waiting.filter((j) => j.name === 'audit.digest-office').map((j) => j.id).sort();
    expect(ids).toEqual(['digest.kpu-a.2026-05-02', 'digest.kpu-b.2026-05-02']);
  });

  it('records each office\'s digest once per day, whatever the retries', async () => {
    expect(await jobs.office({ satker: 'kpu-a', day: '2026-05-02' })).toBe('recorded');
    expect(await jobs.office({ satker: 'kpu-a', day: '2026-05-02' })).toBe('already-recorded');
    expect((await digests.list('kpu-a')).map((d) => d.day)).toEqual(['2026-05-02']);
  });
});
