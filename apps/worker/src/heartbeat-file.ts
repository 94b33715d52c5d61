import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKER_ALIVE_WITHIN_MS } from '@kinerja/jobs/queue-runtime/worker-presence';

// Plain Node only: the health check (healthcheck.ts) loads this file alone, every few seconds
// (worker-presence.ts, imported for its window, needs nothing but node:os either).

/** How often a running worker touches its heartbeat file. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/**
 * A heartbeat older than this means the worker is not alive: its event loop is stuck or its queue
 * workers stopped. The same window as `/health`'s count of the workers alive in Redis.
 */
export const HEARTBEAT_MAX_AGE_MS = WORKER_ALIVE_WITHIN_MS;

/**
 * The worker's heartbeat file: in the temporary directory of its own container (never DATA_DIR,
 * which every replica shares), `/tmp/kinerja-worker.heartbeat` in the image.
 */
export function heartbeatFile(): string {
  return join(tmpdir(), 'kinerja-worker.heartbeat');
}

/** How old the heartbeat is in ms, or null when there is none. */
export function heartbeatAge(file = heartbeatFile(), now = Date.now()): number | null {
  try {
    return now - statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
