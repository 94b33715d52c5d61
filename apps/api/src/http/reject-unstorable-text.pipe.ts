import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { codeOf, RETYPE } from '@kinerja/domain';
import { validationFailed, type FieldProblem } from './validation-errors';

/**
 * Text that cannot be kept or printed is refused as input (400 VALIDATION.FAILED naming each
 * field), before any DTO, for every parameter, query and body:
 * - U+0000, which PostgreSQL cannot store in text or JSONB (it failed deep in the append: 500);
 * - a lone surrogate (half of a UTF-16 pair, e.g. `"\ud800"` in JSON), which PostgreSQL refuses too;
 * - the other C0 control characters but tab, line feed and carriage return, and the noncharacters
 *   U+FFFE and U+FFFF: nobody types them, and XML cannot hold them, so a narrative carrying one
 *   would make the LKj's DOCX unreadable (or silently lose them).
 */
@Injectable()
export class RejectUnstorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value; // the signed-in user, an uploaded file's bytes
    // Every request passes here and almost none is refused: field paths are only built for one that is.
    if (!containsUnstorable(value, 0)) return value;
    const fields: FieldProblem[] = [];
    collect(value, metadata.type === 'param' && metadata.data ? metadata.data : '', fields, 0);
    if (fields.length > 0) throw validationFailed(fields);
    return value;
  }
}

const MAX_DEPTH = 64;
const CONTROL_OR_NONCHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be kept, as the field's message; null when it can. */
export function unstorableTextProblem(text: string): { constraint: string; message: string } | null {
  if (text.includes('\u0000')) return { constraint: 'noNulCharacter', message: `tidak boleh berisi karakter NUL (U+0000); ${RETYPE}` };
  if (LONE_SURROGATE.test(text)) {
    return { constraint: 'wellFormedUnicode', message: 'berisi karakter Unicode yang rusak (surrogate tanpa pasangan); ketik ulang teksnya' };
  }
  const found = CONTROL_OR_NONCHARACTER.exec(text);
  if (found) {
    const code = codeOf(found[0]);
    // Word's manual line break (Shift+Enter) and page break, pasted as they are.
    if (found[0] === '\u000b') return { constraint: 'printableCharacters', message: `berisi pemisah baris dari Word (${code}); ganti dengan baris baru biasa (Enter)` };
    if (found[0] === '\u000c') return { constraint: 'printableCharacters', message: `berisi pemisah halaman (${code}); hapus, atau ganti dengan baris baru biasa (Enter)` };
    return { constraint: 'printableCharacters', message: `berisi karakter kendali yang tidak dapat dicetak (${code}); ${RETYPE}` };
  }
  return null;
}

function isUnstorable(text: string): boolean {
  return CONTROL_OR_NONCHARACTER.test(text) || LONE_SURROGATE.test(text);
}

function containsUnstorable(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return isUnstorable(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH || ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.some((child) => containsUnstorable(child, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (isUnstorable(key) || containsUnstorable((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

function collect(value: unknown, path: string, fields: FieldProblem[], depth: number): void {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    if (problem) fields.push({ field: path || 'nilai', ...problem });
    return;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH || ArrayBuffer.isView(value)) return;
  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const field = path ? `${path}.${key}` : key;
    const problem = unstorableTextProblem(key);
    if (problem) fields.push({ field, constraint: problem.constraint, message: `nama kolom ${problem.message}` });
    collect(child, field, fields, depth + 1);
  }
}
