/** What every reason of the workflow (return, revision, PK return, dispensasi) must hold: 3–2000 characters a reader can see. */
export const REASON_RULE_MESSAGE = 'Alasan wajib diisi (3–2000 karakter).';

const MIN_VISIBLE = 3;
const MAX_LENGTH = 2000;
// White space and format characters (Unicode Cf: zero-width space, joiners, direction marks, soft
// hyphen, BOM) print nothing: a reason of only those says nothing to whoever reads it later.
const INVISIBLE = /[\s\p{Cf}]/gu;

/** The reason trimmed, or null when it breaks the rule above (`REASON_RULE_MESSAGE`). */
export function readableReason(reason: unknown): string | null {
  if (typeof reason !== 'string' || reason.length > MAX_LENGTH) return null;
  const visible = [...reason.replace(INVISIBLE, '')].length;
  return visible < MIN_VISIBLE ? null : reason.trim();
}
