/**
 * An answer of a computation, with the office-calendar dates it was decided on: each time zone it
 * used, and that zone's local date (YYYY-MM-DD) at the `now` it was computed for.
 */
export interface DatedAnswer<T> {
  value: T;
  days: ReadonlyMap<string, string>;
}

interface Entry<T> {
  version: string;
  answer: Promise<DatedAnswer<T>>;
}

/** How many scopes × years are kept (one national answer is a few MB; one office's, a few KB). */
export const STATUS_SUMMARY_CACHE_ENTRIES = 64;

/**
 * The answers of one kind of read across offices, by scope and year, each kept with the version of
 * what it was computed from (`submissionMatricesVersion`), and shared:
 *
 * - a request whose version equals the kept one takes the kept answer, or joins its computation
 *   while it is still running (four readers of the national summary at once compute it once);
 * - any other version computes anew and replaces it (the data changed: never an older answer);
 * - an answer is taken only when every time zone it used is still on the same local date at the
 *   asker's `now` (`dayOf`): a deadline passes at midnight office time, and the answer computed the
 *   day before would still say NOT_STARTED where it must now say OVERDUE.
 *
 * The key is the exact list of offices in the asker's scope and the year: two scopes never share an
 * answer, whoever asks. A computation that fails is not kept. The answers are shared objects: read
 * only, never changed by whoever takes one. One per process (`WorkflowModule` provides it); each
 * process of the API keeps its own, and the version makes every one of them right on its own.
 */
export class StatusSummaryCache<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly capacity = STATUS_SUMMARY_CACHE_ENTRIES) {}

  /**
   * The answer for `scope` and `year` at `version`, kept or computed by `compute`; `dayOf(zone)` is
   * the asker's local date in a zone.
   */
  async answer(
    scope: readonly string[], year: number, version: string, dayOf: (timeZone: string) => string, compute: () => Promise<DatedAnswer<T>>,
  ): Promise<T> {
    const key = `${year}|${[...scope].sort().join(',')}`;
    const kept = this.entries.get(key);
    if (kept && kept.version === version) {
      // Most recently used last: the oldest entry is the first to go.
      this.entries.delete(key);
      this.entries.set(key, kept);
      const answer = await kept.answer.catch(() => null);
      if (answer && sameDays(answer.days, dayOf)) return answer.value;
    }
    return (await this.start(key, version, compute)).value;
  }

  /** How many answers are kept (for tests and the health of the process). */
  get size(): number {
    return this.entries.size;
  }

  private start(key: string, version: string, compute: () => Promise<DatedAnswer<T>>): Promise<DatedAnswer<T>> {
    const entry: Entry<T> = { version, answer: compute() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    entry.answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.answer;
  }
}

function sameDays(days: ReadonlyMap<string, string>, dayOf: (timeZone: string) => string): boolean {
  for (const [zone, day] of days) if (dayOf(zone) !== day) return false;
  return true;
}
