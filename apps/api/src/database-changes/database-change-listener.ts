import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { RUNTIME, type Runtime } from '@kinerja/platform';

const RECONNECT_MS = 1000;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;

/** A cache kept honest by a channel: told every change, and whether it is being told (NotifiedCache). */
export interface ChangeFollower {
  /** What changed, as the channel's payload names it (`*`: anything may have). */
  invalidate(key: string): void;
  setLive(live: boolean): void;
}

/**
 * Keeps this process's caches honest across processes: one connection LISTENs to every channel a
 * cache follows (`follow`; sent at commit by triggers, whoever changes the rows: sessions on
 * `kinerja_session_changed`, offices' clocks on `kinerja_clock_changed`) and hands each
 * notification's payload to the caches of its channel. The caches serve only while this connection
 * is up; when it is lost, every read goes to the database until it is back. Not on the embedded
 * PGlite, whose one session cannot be held by a listener: there everything is always read.
 */
@Injectable()
export class DatabaseChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DatabaseChanges');
  private readonly followers = new Map<string, ChangeFollower[]>();
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;

  constructor(@Inject(RUNTIME) private readonly runtime: Pick<Runtime, 'databaseUrl' | 'embeddedDatabase'>) {}

  /** Tells `follower` of every change announced on `channel`. Only before the application starts (from a constructor). */
  follow(channel: string, follower: ChangeFollower): void {
    if (this.started) throw new Error(`DatabaseChangeListener.follow(${channel}) after start: call it from a constructor`);
    if (!CHANNEL_NAME.test(channel)) throw new Error(`not a channel name: ${channel}`);
    this.followers.set(channel, [...(this.followers.get(channel) ?? []), follower]);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    if (!this.runtime.embeddedDatabase && this.followers.size > 0) await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.setLive(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private setLive(live: boolean): void {
    for (const followers of this.followers.values()) for (const follower of followers) follower.setLive(live);
  }

  private async connect(): Promise<void> {
    // keepAlive: a connection that dies without a word must still be noticed (the caches' TTL bounds the rest).
    const client = new Client({ connectionString: this.runtime.databaseUrl, application_name: 'kinerja-database-changes', keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.setLive(false);
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ msg: 'database change listener lost: sessions and office clocks are read from the database until it is back', error: error?.message });
      this.retry ??= setTimeout(() => {
        this.retry = null;
        void this.connect();
      }, RECONNECT_MS).unref();
    };
    client.on('notification', (message) => {
      for (const follower of this.followers.get(message.channel) ?? []) follower.invalidate(message.payload || '*');
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query([...this.followers.keys()].map((channel) => `LISTEN ${channel};`).join(' '));
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
    this.setLive(true);
  }
}
