import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { CachedSessions } from '@kinerja/identity';
import { RUNTIME, type Runtime } from '@kinerja/platform';

const CHANNEL = 'kinerja_session_changed';
const RECONNECT_MS = 1000;

/**
 * Keeps the guard's session cache honest across processes: one connection LISTENs to
 * `kinerja_session_changed` (sent at commit by triggers on users and satker, whoever changes them)
 * and drops the sessions it names. The cache serves only while this connection is up; when it is
 * lost, every request reads the database again until it is back. Not on the embedded PGlite,
 * whose one session cannot be held by a listener: there sessions are always read.
 */
@Injectable()
export class SessionChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionChanges');
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Pick<Runtime, 'databaseUrl' | 'embeddedDatabase'>,
    private readonly sessions: CachedSessions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runtime.embeddedDatabase) await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.sessions.cache.setLive(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // keepAlive: a connection that dies without a word must still be noticed (the cache's TTL bounds the rest).
    const client = new Client({ connectionString: this.runtime.databaseUrl, application_name: 'kinerja-session-changes', keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.sessions.cache.setLive(false);
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ msg: 'session change listener lost: sessions are read from the database until it is back', error: error?.message });
      this.retry ??= setTimeout(() => {
        this.retry = null;
        void this.connect();
      }, RECONNECT_MS).unref();
    };
    client.on('notification', (message) => this.sessions.cache.invalidate(message.payload || '*'));
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Only from here on is every change told: nothing was cached before.
    this.sessions.cache.setLive(true);
  }
}
