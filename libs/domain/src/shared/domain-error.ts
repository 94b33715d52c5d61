/**
 * Every refusal Kinerja gives a person is one of these: a stable `code` that clients and tests rely
 * on (e.g. `REALISASI.ALREADY_APPROVED`), a message in Bahasa Indonesia that says what to do, and
 * a `kind` that the HTTP edge maps to a status (one filter, one place).
 */
export type DomainErrorKind =
  | 'validation' // 400/422: the input is malformed or breaks a rule of the domain
  | 'unauthenticated' // 401
  | 'forbidden' // 403: the actor may not do this (role, office, maker-checker)
  | 'not_found' // 404
  | 'conflict' // 409: stale version, wrong state for the command, duplicate
  | 'unavailable'; // 503: something Kinerja depends on cannot be reached now; trying again later is the remedy

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'validation',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
