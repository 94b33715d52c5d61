// Every migration, in order. Listed by hand (not globbed) so the same list works from ts-jest,
// from the compiled dist/ and from the embedded PGlite start-up.
import { MigrationInterface } from 'typeorm';
import { Identity1795821322855 } from './1795821322855-identity';
import { EventStore1795821567013 } from './1795821567013-event-store';
import { ReadModels1795821903046 } from './1795821903046-read-models';
import { Notifications1795821979832 } from './1795821979832-notifications';

type MigrationClass = new () => MigrationInterface;

export const migrations: MigrationClass[] = [Identity1795821322855, EventStore1795821567013, ReadModels1795821903046, Notifications1795821979832];
