import { DomainError } from '@kinerja/domain';
import { ExpectedVersion } from './event-store.types';

/** A writer's expected stream version is stale (or ahead of the stream): the HTTP edge answers 409. */
export class ConcurrencyError extends DomainError {
  static readonly code = 'EVENT_STORE.CONCURRENCY';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(
      ConcurrencyError.code,
      `Data telah diubah oleh orang lain sejak Anda membukanya (versi ${String(expectedVersion)}, ` +
        `sekarang versi ${actualVersion}). Muat ulang lalu ulangi perubahan Anda.`,
      'conflict',
      { streamId, expectedVersion, actualVersion },
    );
    this.name = 'ConcurrencyError';
  }
}
