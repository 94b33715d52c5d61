import type { Decider } from '@kinerja/domain';

/** What folding a stream needs of a decider. */
export type Folder<S = unknown, E = any> = Pick<Decider<S, unknown, E>, 'initialState' | 'evolve'>;

/** A stream folded up to `version` (its event count); `lastEventId` names the last event folded. */
export interface CachedStreamState<S = unknown> {
  folder: Folder<S>;
  state: S;
  version: number;
  lastEventId: string;
}

/**
 * Folded stream states of this process, least recently used dropped first. Events are immutable
 * and append-only, so a state folded from versions 0..V-1 stays true: a reader folds only what was
 * appended since, which it reads every time (a revision appended by another process is seen).
 * States are frozen when stored: every reader shares them, and a change by one would otherwise
 * leak into the answers of all the others.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedStreamState>();

  constructor(readonly capacity: number) {}

  get<S>(tenant: string, streamId: string, folder: Folder<S>): CachedStreamState<S> | undefined {
    const key = keyOf(tenant, streamId);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // The same stream folded by another decider is another state: never mix them.
    if (entry.folder !== folder) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry as CachedStreamState<S>;
  }

  set<S>(tenant: string, streamId: string, entry: CachedStreamState<S>): void {
    const key = keyOf(tenant, streamId);
    deepFreeze(entry.state);
    this.entries.delete(key);
    this.entries.set(key, entry as CachedStreamState);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(tenant: string, streamId: string): void {
    this.entries.delete(keyOf(tenant, streamId));
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(tenant: string, streamId: string): string {
  return `${tenant}\u0000${streamId}`;
}

/** Freezes every object reachable from `value`; parts already frozen (shared with an older state) are skipped. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}
