import { TEXT_FIELD_LABEL } from '../realisasi/realisasi.types';
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
 * The request fields a person meets on the screen, by the names they know them by there: the message
 * says "uraian" where the body says `narrative`. A name not listed is read as sent.
 */
const FIELD_WORDS: Record<string, string> = {
  ...TEXT_FIELD_LABEL,
  lines: 'baris', evidence: 'bukti dukung', fileName: 'nama berkas',
  budget: 'anggaran', spent: 'realisasi anggaran', value: 'nilai', indicatorCode: 'kode indikator', kegiatanCode: 'kode kegiatan',
  suggestions: 'saran', reason: 'alasan', description: 'uraian', recommendation: 'rekomendasi', title: 'judul',
  fullName: 'nama lengkap', password: 'kata sandi', currentPassword: 'kata sandi saat ini', newPassword: 'kata sandi baru',
  username: 'nama pengguna', email: 'alamat e-mail', holidays: 'hari libur', date: 'tanggal', name: 'nama', code: 'kode',
  programs: 'program', kegiatan: 'kegiatan', indicators: 'indikator', target: 'target', unit: 'satuan', pagu: 'pagu',
  monthlyPlan: 'rencana aksi', month: 'bulan', year: 'tahun',
};

/** An item of these is counted by its own word ("baris ke-2"); of the others, "… butir ke-2". */
const COUNTED_BY_ITSELF = new Set(['baris']);

/**
 * A field's path as a person reads it, in the screen's words, items counted from 1 as the refusals of
 * the domain count them, with the path as sent after it when a name was put in words: `lines.1.narrative` is
 * "baris ke-2, uraian (lines.1.narrative)", `holidays.1.date` "hari libur butir ke-2, tanggal
 * (holidays.1.date)"; a field not listed stays as sent (`warna`).
 */
export function readableFieldPath(field: string): string {
  if (field === '') return 'isi permintaan';
  const groups: string[] = [];
  let current = '';
  let translated = false;
  const word = (segment: string) => {
    // Own keys only: a field named `constructor` or `__proto__` would otherwise read Object's own.
    const known = Object.hasOwn(FIELD_WORDS, segment) ? FIELD_WORDS[segment] : undefined;
    if (known === undefined || known === segment) return segment;
    translated = true;
    return known;
  };
  for (const segment of field.split('.')) {
    if (/^\d+$/.test(segment) && current !== '') {
      groups.push(`${current}${COUNTED_BY_ITSELF.has(current) ? '' : ' butir'} ke-${Number(segment) + 1}`);
      current = '';
    } else {
      current = current === '' ? word(segment) : `${current}, ${word(segment)}`;
    }
  }
  if (current !== '') groups.push(current);
  const words = groups.join(', ');
  return translated ? `${words} (${field})` : words;
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
