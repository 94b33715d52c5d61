/** Turns the data of schema version N of an event type into version N + 1. */
export type Upcaster = (data: any) => unknown;

/**
 * Schema evolution: one step per (type, schema version). Every read path runs the steps in order,
 * so code only ever sees the current shape of an event; the stored row (and its hash) never changes.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();
  /** Types with at least one step: every other event is read as stored, without building a step key. */
  private readonly evolvedTypes = new Set<string>();

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    const key = stepKey(type, fromVersion);
    if (!Number.isInteger(fromVersion) || fromVersion < 1) {
      throw new Error(`upcaster for ${type}: fromVersion must be a positive integer`);
    }
    if (this.steps.has(key)) throw new Error(`upcaster for ${type} v${fromVersion} is registered twice`);
    this.steps.set(key, upcast);
    this.evolvedTypes.add(type);
    return this;
  }

  /** The version new events of `type` are written with: 1 plus the unbroken chain of steps from 1. */
  currentVersion(type: string): number {
    let version = 1;
    while (this.steps.has(stepKey(type, version))) version += 1;
    return version;
  }

  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    if (!this.evolvedTypes.has(type)) return { schemaVersion, data };
    let version = schemaVersion;
    let current = data;
    for (let step = this.steps.get(stepKey(type, version)); step; step = this.steps.get(stepKey(type, version))) {
      current = step(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}

function stepKey(type: string, version: number): string {
  return `${type}\u0000${version}`;
}

/**
 * The process-wide registry: every EventStore uses it unless given another, so the API, the worker
 * and the CLI (which builds its own EventStore) read events in the same shape. Register at start-up.
 */
export const eventUpcasters = new UpcasterRegistry();
