import { DomainError } from './domain-error';

/** One field of a request that is wrong: its dotted path, the rule it broke, and why in Indonesian. */
export interface FieldProblem {
  /** Dotted path of the field as the client sent it, items counted from 0: `holidays.1.date`. */
  field: string;
  /** The rule, e.g. `isInt`, `whitelistValidation`. */
  constraint: string;
  message: string;
}

/** Problems the message itself names; `details.fields` has them all (up to the caller's cap). */
const NAMED_IN_MESSAGE = 3;

/**
 * A field's path as a person reads it, items counted from 1 as the refusals of the domain count
 * them ("Butir ke-2"): `holidays.1.date` is "holidays butir ke-2, date"; a path without items stays
 * as it is (`target.month`).
 */
export function readableFieldPath(field: string): string {
  if (field === '') return 'isi permintaan';
  const groups: string[] = [];
  let current = '';
  for (const segment of field.split('.')) {
    if (/^\d+$/.test(segment) && current !== '') {
      groups.push(`${current} butir ke-${Number(segment) + 1}`);
      current = '';
    } else {
      current = current === '' ? segment : `${current}.${segment}`;
    }
  }
  if (current !== '') groups.push(current);
  return groups.join(', ');
}

/**
 * The 400 `VALIDATION.FAILED` refusal of a request: `details.fields` names every problem for a
 * client to mark its fields; the message names the first few in words, so a person who only
 * reads the message (a script's log, a curl) knows what to change. `total` is how many problems
 * there were when only the first of them are given (`details.fieldsOmitted` says how many not).
 */
export function validationFailed(fields: FieldProblem[], total = fields.length): DomainError {
  const named = fields.slice(0, NAMED_IN_MESSAGE).map((p) => `${readableFieldPath(p.field)}: ${p.message.replace(/\.$/, '')}`).join('; ');
  const unnamed = total - Math.min(fields.length, NAMED_IN_MESSAGE);
  const rest = unnamed > 0 ? `; dan ${unnamed} masalah lain (lihat details.fields)` : '';
  const omitted = total - fields.length;
  const details = omitted > 0 ? { fields, fieldsOmitted: omitted } : { fields };
  const summary = omitted > 0
    ? `Data yang dikirim tidak valid: ${total} masalah; ${fields.length} yang pertama disebutkan, perbaiki lalu kirim lagi untuk melihat sisanya. `
      + `Di antaranya ${named}.`
    : `Data yang dikirim tidak valid: ${named}${rest}.`;
  return new DomainError('VALIDATION.FAILED', summary, 'validation', details);
}
