import { Module } from '@nestjs/common';
import { DatabaseChangeListener } from './database-change-listener';

/** The API process's one LISTEN connection (DatabaseChangeListener), shared by every cache that follows a channel. */
@Module({
  providers: [DatabaseChangeListener],
  exports: [DatabaseChangeListener],
})
export class DatabaseChangesModule {}
