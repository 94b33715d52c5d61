import { DomainError } from '@kinerja/domain';

/**
 * The answer to an append was lost (the connection dropped) and the database could not be asked
 * afterwards whether its events were stored. The append happened once or not at all, never twice:
 * sending the same command again with the same idempotency key replays it if it was stored, and a
 * command without a key meets its own stale expected version. The HTTP edge answers 503.
 */
export class AppendOutcomeUnknownError extends DomainError {
  static readonly code = 'EVENT_STORE.OUTCOME_UNKNOWN';

  constructor(
    readonly streamId: string,
    cause: unknown,
  ) {
    super(
      AppendOutcomeUnknownError.code,
      'Sambungan ke basis data terputus sebelum hasilnya diketahui, jadi perintah ini mungkin sudah tercatat. ' +
        'Kirim ulang permintaan yang sama dengan Idempotency-Key yang sama (perintah tidak akan tercatat dua kali), ' +
        'atau muat ulang data untuk memeriksanya.',
      'unavailable',
      { streamId, retryAfterSeconds: 5 },
    );
    this.name = 'AppendOutcomeUnknownError';
    this.cause = cause; // logged with the error, never shown
  }
}
