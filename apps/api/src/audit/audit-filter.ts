import { caseHint, DomainError } from '@kinerja/domain';
import { AUDIT_EVENT_TYPES } from '@kinerja/projections/audit-trail/audit-trail.query';
import type { FieldProblem } from '../http/validation-errors';

/** The filters whose combination, or whose value, can rule out every row of the trail. */
export interface AuditFilterInput {
  from?: string;
  to?: string;
  type?: string;
}

const KNOWN_TYPES = new Set(AUDIT_EVENT_TYPES);
const BY_LOWER_CASE = new Map(AUDIT_EVENT_TYPES.map((type) => [type.toLowerCase(), type]));

/** The event types named in `type` (comma-separated; empty items left out). */
export function eventTypesOf(type: string | undefined): string[] | undefined {
  return type === undefined ? undefined : [...new Set(type.split(',').filter((t) => t !== ''))];
}

function periodProblem(from: string | undefined, to: string | undefined): FieldProblem | null {
  if (from === undefined || to === undefined) return null;
  const [start, end] = [Date.parse(from), Date.parse(to)];
  if (start < end) return null;
  const why = start === end
    ? `from dan to menunjuk saat yang sama (${to}), dan to tidak termasuk`
    : `from (${from}) lebih lambat daripada to (${to})`;
  return {
    field: 'to',
    constraint: 'isAfterFrom',
    message: `harus sesudah from: ${why}, jadi tidak ada peristiwa di antaranya. from adalah awal rentang (termasuk), to adalah akhirnya (tidak termasuk)`,
  };
}

function eventTypeProblem(type: string | undefined): FieldProblem | null {
  const types = eventTypesOf(type);
  if (types === undefined) return null;
  if (types.length === 0) {
    return { field: 'type', constraint: 'isKnownEventType', message: 'harus menyebut paling sedikit satu jenis peristiwa, misalnya RealisasiApproved' };
  }
  const unknown = types.filter((t) => !KNOWN_TYPES.has(t));
  if (unknown.length === 0) return null;
  const named = unknown.map((t) => {
    const meant = BY_LOWER_CASE.get(t.toLowerCase());
    return `${t}${caseHint(meant ? [meant] : [])}`;
  });
  return {
    field: 'type',
    constraint: 'isKnownEventType',
    message: `memuat jenis peristiwa yang tidak dikenal: ${named.join(', ')}. Jenis yang dikenal (juga tercantum di /api/docs): ${AUDIT_EVENT_TYPES.join(', ')}`,
  };
}

/**
 * Filters that can never match a row (a period that ends before it starts, an event type Kinerja
 * never records) are refused rather than answered with an empty page: the reader would take
 * "nothing found" for "nothing happened". 400 `VALIDATION.FAILED` like any other query parameter
 * the API cannot use, the field named in `details.fields`, the message saying what to change.
 */
export function refuseUnmatchableFilters(input: AuditFilterInput): void {
  refuseProblems([periodProblem(input.from, input.to), eventTypeProblem(input.type)]);
}

/** The one refusal of every filter that can never match, whatever made it so. */
export function refuseProblems(found: Array<FieldProblem | null>): void {
  const problems = found.filter((p): p is FieldProblem => p !== null);
  if (problems.length === 0) return;
  throw new DomainError(
    'VALIDATION.FAILED',
    `Filter jejak audit ini tidak akan pernah cocok dengan peristiwa mana pun: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
    'validation',
    { fields: problems },
  );
}
