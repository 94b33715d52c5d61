import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { redactUrl } from '../config/redact';
import { redisAnswers } from './redis-connection';

export class RedisUnavailableError extends Error {
  constructor(url: string) {
    // The operator's line at start-up (bootstrap.ts prints it alone, exit 69), in Indonesian as the database's.
    super(
      `GAGAL: Redis di ${redactUrl(url)} tidak menjawab. Jalankan Redis (mis. "docker run -d -p 6379:6379 redis:7", ` +
        `atau paket redis-server distribusi Anda: "apt-get install redis-server"), atau atur REDIS_URL ke Redis yang berjalan.`,
    );
    this.name = 'RedisUnavailableError';
  }
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

function onPath(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Development convenience: when nothing answers at `url` and a redis-server binary is on the PATH,
 * start a private one on that address with its data (append-only file) under `dataDir`.
 */
export async function startPrivateRedis(url: string, dataDir: string): Promise<PrivateRedis> {
  if (!onPath('redis-server')) throw new RedisUnavailableError(url);
  const u = new URL(url);
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--bind', u.hostname, '--port', u.port || '6379', '--dir', dir, '--appendonly', 'yes', '--save', '',
      '--maxmemory-policy', 'noeviction', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) break;
    if (await redisAnswers(url, 200)) {
      return {
        url,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(url);
}
