/**
 * Satker and subbagian codes become parts of stream ids (`pk:<satker>:<year>`), so they are kept
 * to letters, digits, "-", "_" and "." (never ":"), at most 64 characters.
 */
const OFFICE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isOfficeCode(value: unknown): value is string {
  return typeof value === 'string' && OFFICE_CODE.test(value);
}
