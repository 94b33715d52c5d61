/** A session as the token guard checks it; null when the user no longer exists. */
export type LoadSession<Session> = (userId: string) => Promise<Session | null>;

export interface SessionCacheOptions {
  /** How long an entry may serve: a bound for changes no notification told of. */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * Sessions of this process by user id, served only while someone guarantees to tell it of every
 * change (`setLive(true)`: the API's listener of PostgreSQL's `kinerja_session_changed`); while
 * nobody does, every call reads the database. A read that overlaps an invalidation is not kept:
 * it may have seen the row before the change.
 */
export class SessionCache<Session> {
  private readonly entries = new Map<string, { session: Session; until: number }>();
  private generation = 0;
  private live = false;
  private readonly now: () => number;

  constructor(
    private readonly load: LoadSession<Session>,
    private readonly options: SessionCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async get(userId: string): Promise<Session | null> {
    if (!this.live) return this.load(userId);
    const entry = this.entries.get(userId);
    if (entry && entry.until > this.now()) return entry.session;
    const generation = this.generation;
    const session = await this.load(userId);
    if (session !== null && this.live && generation === this.generation) {
      if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(userId, { session, until: this.now() + this.options.ttlMs });
    }
    return session;
  }

  /** A user's session changed (`*`: any user's may have). */
  invalidate(userId: string): void {
    this.generation += 1;
    if (userId === '*') this.entries.clear();
    else this.entries.delete(userId);
  }

  /** Whether changes are being told; either way, everything kept so far is dropped. */
  setLive(live: boolean): void {
    this.live = live;
    this.invalidate('*');
  }

  get size(): number {
    return this.entries.size;
  }
}
