import { hostname } from 'node:os';
import type Redis from 'ioredis';

/** A worker that has not beaten for this long is no longer counted as alive. */
export const WORKER_ALIVE_WITHIN_MS = 30_000;

/**
 * Which worker processes are alive, kept in Redis beside the queues so that every API replica's
 * `/health` can say it (a worker's own heartbeat file is only visible in its container): a sorted set
 * `<prefix>:workers`, each member a worker (`host:pid`) scored with the time of its last beat.
 */
function key(prefix: string): string {
  return `${prefix}:workers`;
}

export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

export async function recordWorkerBeat(redis: Redis, prefix: string, now: Date, name = workerName()): Promise<void> {
  await redis.zadd(key(prefix), now.getTime(), name);
}

export async function forgetWorker(redis: Redis, prefix: string, name = workerName()): Promise<void> {
  await redis.zrem(key(prefix), name);
}

export interface WorkerPresence {
  alive: number;
  /** Seconds since the most recent beat of any worker; null when none ever beat (or all were forgotten). */
  lastBeatSecondsAgo: number | null;
}

/** The workers alive now; members silent for an hour are dropped on the way. */
export async function workerPresence(redis: Redis, prefix: string, now: Date): Promise<WorkerPresence> {
  const at = now.getTime();
  const [, alive, last] = (await redis
    .multi()
    .zremrangebyscore(key(prefix), '-inf', at - 3_600_000)
    .zcount(key(prefix), at - WORKER_ALIVE_WITHIN_MS, '+inf')
    .zrange(key(prefix), -1, -1, 'WITHSCORES')
    .exec())!.map(([error, value]) => {
    if (error) throw error;
    return value;
  }) as [unknown, number, string[]];
  return { alive: Number(alive), lastBeatSecondsAgo: last.length === 2 ? Math.max(0, Math.round((at - Number(last[1])) / 1000)) : null };
}
