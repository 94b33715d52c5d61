import type { ValidationError } from 'class-validator';
import { DomainError } from '@kinerja/domain';

export interface FieldProblem {
  /** Dotted path of the field, e.g. `indicators.2.target`. */
  field: string;
  /** The class-validator constraint, e.g. `isInt`, `whitelistValidation`. */
  constraint: string;
  message: string;
}

// Messages people read, per constraint. Constraints not listed keep the message their DTO gave.
const INDONESIAN: Record<string, string> = {
  whitelistValidation: 'kolom ini tidak dikenal',
  isDefined: 'wajib diisi',
  isNotEmpty: 'tidak boleh kosong',
  isString: 'harus berupa teks',
  isInt: 'harus berupa bilangan bulat',
  isNumber: 'harus berupa angka',
  isNumberString: 'harus berupa angka',
  isDecimal: 'harus berupa angka desimal',
  isBoolean: 'harus bernilai true atau false',
  isEmail: 'harus berupa alamat e-mail yang sah',
  isUUID: 'harus berupa UUID',
  isIn: 'nilainya tidak termasuk pilihan yang diizinkan',
  isEnum: 'nilainya tidak termasuk pilihan yang diizinkan',
  isArray: 'harus berupa daftar',
  isObject: 'harus berupa objek',
  isDateString: 'harus berupa tanggal ISO-8601',
  isISO8601: 'harus berupa tanggal ISO-8601',
  min: 'nilainya terlalu kecil',
  max: 'nilainya terlalu besar',
  minLength: 'terlalu pendek',
  maxLength: 'terlalu panjang',
  length: 'panjangnya tidak sesuai',
  matches: 'formatnya tidak sesuai',
  arrayMinSize: 'jumlah isinya terlalu sedikit',
  arrayMaxSize: 'jumlah isinya terlalu banyak',
  nestedValidation: 'isinya tidak valid',
};

/** Flattens class-validator's tree into one problem per field and constraint. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, original]) => ({
      field,
      constraint,
      message: INDONESIAN[constraint] ?? original,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The 400 answer for a body, query or parameter that fails its DTO. */
export function requestValidationError(errors: ValidationError[]): DomainError {
  const fields = flattenValidationErrors(errors);
  return new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid.', 'validation', { fields });
}
