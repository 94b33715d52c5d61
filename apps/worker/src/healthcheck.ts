import { HEARTBEAT_MAX_AGE_MS, heartbeatAge, heartbeatFile } from './heartbeat-file';

/**
 * `node dist/apps/worker/src/healthcheck.js`: exit 0 when the worker of this container wrote its
 * heartbeat within HEARTBEAT_MAX_AGE_MS, else 1 (docker-compose.yml's worker healthcheck). Reads
 * one file's time: no Nest, no database, no Redis.
 */
const age = heartbeatAge();
if (age !== null && age <= HEARTBEAT_MAX_AGE_MS) {
  process.stdout.write(`worker alive: heartbeat ${Math.round(age / 1000)} s ago\n`);
  process.exit(0);
}
process.stdout.write(age === null ? `worker not alive: no heartbeat at ${heartbeatFile()}\n` : `worker not alive: last heartbeat ${Math.round(age / 1000)} s ago\n`);
process.exit(1);
