// Every migration, in order. Listed by hand (not globbed) so the same list works from ts-jest,
// from the compiled dist/ and from the embedded PGlite start-up.
import { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

export const migrations: MigrationClass[] = [];
