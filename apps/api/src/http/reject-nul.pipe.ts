import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import type { FieldProblem } from './validation-errors';

/**
 * PostgreSQL cannot store the character U+0000 in text or JSONB: a value carrying it would fail
 * deep in a query and answer 500. Every parameter, query and body is checked before its DTO, and
 * such a value is refused as input (400 VALIDATION.FAILED naming each field).
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value; // the signed-in user, an uploaded file's bytes
    // Every request passes here and almost none carries a NUL: field paths are only built for one that does.
    if (!containsNul(value, 0)) return value;
    const fields: FieldProblem[] = [];
    collect(value, metadata.type === 'param' && metadata.data ? metadata.data : '', fields, 0);
    if (fields.length > 0) throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid.', 'validation', { fields });
    return value;
  }
}

const MAX_DEPTH = 64;

function containsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH || ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.some((child) => containsNul(child, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key.includes('\u0000') || containsNul((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

function collect(value: unknown, path: string, fields: FieldProblem[], depth: number): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) fields.push({ field: path || 'nilai', constraint: 'noNulCharacter', message: 'tidak boleh berisi karakter NUL (\\u0000)' });
    return;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH || ArrayBuffer.isView(value)) return;
  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) fields.push({ field, constraint: 'noNulCharacter', message: 'nama kolom tidak boleh berisi karakter NUL (\\u0000)' });
    collect(child, field, fields, depth + 1);
  }
}
