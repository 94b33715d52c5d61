import pino from 'pino';
import { ALL_QUEUES, JobQueues, QueueDatabaseGuard, workerPresence } from '@kinerja/jobs';
import { createRedis, redisAnswers, redisOptions, SERVICE_UNAVAILABLE } from '@kinerja/platform';
import type { ConnectionOptions } from 'bullmq';
import { CliCommand } from '../cli-command';

/** sysexits EX_TEMPFAIL: a worker is still connected; stop it (or give --force) and run it again. */
const WORKER_CONNECTED = 75;

/**
 * `queues:reset [--force]`: empties every BullMQ queue of the installation (jobs waiting, delayed,
 * running and finished, and the Job Schedulers) and binds the queues to this database, as a worker
 * does by itself at start when it finds its database restored (QueueDatabaseGuard). The manual path
 * of README's "Backup and restore". Nothing is lost: the next worker start derives every job from
 * PostgreSQL again. Refused (exit 75) while a worker beats in Redis unless `--force`; exit 69 when
 * Redis does not answer.
 */
export const queuesResetCommand: CliCommand = {
  name: 'queues:reset',
  description: 'Kosongkan semua antrean pekerjaan di Redis (setelah basis data dipulihkan); worker berikutnya mengisinya ulang dari basis data',
  flags: { force: 'boolean' },
  usage: 'Pemakaian: npm run cli -- queues:reset [--force]',
  async run(args, context) {
    if (!context.config) throw new Error('queues:reset needs the configuration (REDIS_URL, REDIS_PREFIX)');
    const { REDIS_URL: url, REDIS_PREFIX: prefix } = context.config;
    if (!(await redisAnswers(url))) {
      context.err(`GAGAL: Redis di ${new URL(url).host} tidak menjawab; antrean tidak dikosongkan.`);
      return SERVICE_UNAVAILABLE;
    }
    const redis = createRedis(url);
    const queues = new JobQueues({ connection: redisOptions(url) as ConnectionOptions, prefix });
    try {
      const presence = await workerPresence(redis, prefix, new Date());
      if (presence.alive > 0 && args.force !== true) {
        context.err(
          `DITOLAK: ${presence.alive} worker masih terhubung (detak terakhir ${presence.lastBeatSecondsAgo} detik lalu); antrean tidak dikosongkan. `
          + 'Hentikan semua worker dulu, atau ulangi dengan --force (pekerjaan yang sedang berjalan dibatalkan dan dijalankan lagi setelah worker mulai).',
        );
        return WORKER_CONNECTED;
      }
      const logger = pino({ level: 'warn', base: { name: 'kinerja-cli' } }, pino.destination(2));
      const removed = await new QueueDatabaseGuard(context.dataSource, redis, queues, logger, () => undefined).reset();
      context.out(`SELESAI: antrean ${ALL_QUEUES.join(', ')} dikosongkan (${removed} pekerjaan dibuang) dan diikat ke basis data ini.`);
      context.out('  Worker berikutnya yang mulai mengisi ulang antrean dari basis data (LKj, pemberitahuan, pengingat, jadwal).');
      if (presence.alive > 0) {
        // A running worker registers the daily schedules (signed digest, LKj reconciliation, file sweep) only when it starts.
        context.err(
          `PERHATIAN: ${presence.alive} worker masih berjalan; jadwal harian (digest bertanda tangan, rekonsiliasi LKj, penyapuan berkas) `
          + 'baru terdaftar lagi ketika worker dimulai. Mulai ulang semua worker sekarang.',
        );
      }
      return 0;
    } finally {
      await queues.onApplicationShutdown();
      await redis.quit().catch(() => redis.disconnect());
    }
  },
};
