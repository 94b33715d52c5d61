import type { Projection } from './projection';

const NAME = /^[a-z][a-z0-9-]{1,62}$/;
const TABLE = /^[a-z][a-z0-9_]{1,50}$/;

/** The projections a process runs, by name. Registering the same name twice is a start-up error. */
export class ProjectionRegistry {
  private readonly byName = new Map<string, Projection>();

  constructor(projections: readonly Projection[] = []) {
    for (const projection of projections) this.register(projection);
  }

  register(projection: Projection): this {
    if (!NAME.test(projection.name)) throw new Error(`projection name ${JSON.stringify(projection.name)} is not kebab-case`);
    if (this.byName.has(projection.name)) throw new Error(`projection ${projection.name} registered twice`);
    if (projection.tables.length === 0) throw new Error(`projection ${projection.name} declares no table`);
    for (const table of projection.tables) {
      if (!TABLE.test(table)) throw new Error(`projection ${projection.name}: table name ${JSON.stringify(table)} is not allowed`);
      const owner = this.all().find((p) => p.tables.includes(table));
      if (owner) throw new Error(`table ${table} owned by both ${owner.name} and ${projection.name}`);
    }
    this.byName.set(projection.name, projection);
    return this;
  }

  get(name: string): Projection {
    const projection = this.byName.get(name);
    if (!projection) throw new Error(`unknown projection ${name} (known: ${this.names().join(', ')})`);
    return projection;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  all(): Projection[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
