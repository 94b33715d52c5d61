/** Reads one entry from the database; null is an answer that is not kept (nothing found). */
export type LoadEntry<Value> = (key: string) => Promise<Value>;

export interface NotifiedCacheOptions {
  /** How long an entry may serve: a bound for changes no notification told of. */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * Entries of this process by key, served only while someone guarantees to tell it of every change
 * (`setLive(true)`: the API's DatabaseChangeListener, which LISTENs to the channel PostgreSQL's
 * triggers announce the changes on); while nobody does, every call reads the database. A read that
 * overlaps an invalidation is not kept: it may have seen the row before the change. Used for the
 * token guard's sessions (CachedSessions) and the offices' clocks (SatkerDirectory.clockOf).
 */
export class NotifiedCache<Value> {
  private readonly entries = new Map<string, { value: Value; until: number }>();
  private generation = 0;
  private live = false;
  private readonly now: () => number;

  constructor(
    private readonly load: LoadEntry<Value>,
    private readonly options: NotifiedCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<Value> {
    if (!this.live) return this.load(key);
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return entry.value;
    const generation = this.generation;
    const value = await this.load(key);
    if (value !== null && this.live && generation === this.generation) {
      if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, until: this.now() + this.options.ttlMs });
    }
    return value;
  }

  /** An entry changed (`*`: any may have). */
  invalidate(key: string): void {
    this.generation += 1;
    if (key === '*') this.entries.clear();
    else this.entries.delete(key);
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
