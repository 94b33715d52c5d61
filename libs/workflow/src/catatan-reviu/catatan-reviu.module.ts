import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@kinerja/event-store';
import { IdentityModule } from '@kinerja/identity';
import { GetKinerjaAsOfHandler } from '../kinerja/get-kinerja-as-of/get-kinerja-as-of.query';
import { RatingScaleReader } from '../rating-scale/rating-scale.reader';
import { AggregateRunner } from '../shared/aggregate-runner';
import { SatkerDirectory } from '../shared/satker-directory';
import { CATATAN_REVIU_PROVIDERS } from './catatan-reviu.handlers';

/**
 * The Inspektorat's write side (review notes and their tindak lanjut) and time travel of Tabel 3.2.
 * Handlers register on the shared command and query buses.
 */
@Module({
  imports: [CqrsModule, EventStoreModule, IdentityModule],
  providers: [AggregateRunner, SatkerDirectory, RatingScaleReader, ...CATATAN_REVIU_PROVIDERS, GetKinerjaAsOfHandler],
  exports: [CqrsModule],
})
export class CatatanReviuModule {}
