import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { MetadataStorage, ValidationError } from 'class-validator';
import { DomainError } from '@kinerja/domain';
import { INSTANT_MESSAGE } from './instant.validator';
import { NOT_NULL_MESSAGE } from './optional-but-not-null.validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

export interface FieldProblem {
  /** Dotted path of the field, e.g. `indicators.2.target`. */
  field: string;
  /** The class-validator constraint, e.g. `isInt`, `whitelistValidation`. */
  constraint: string;
  message: string;
}

/**
 * Messages people read, per constraint, under the names class-validator 0.15 gives them in
 * `ValidationError.constraints` (`isUuid`, `isIso8601`, `isLength`: not the decorators' names).
 * A message a DTO gives itself (`@Matches(re, { message })`) is kept; every class-validator
 * default, which is English, is replaced. The unit tests check that every constraint of every DTO
 * is listed here.
 */
export const INDONESIAN: Record<string, string> = {
  whitelistValidation: 'kolom ini tidak dikenal',
  unknownValue: 'isi permintaan tidak sesuai dengan bentuk yang diharapkan',
  isDefined: 'wajib diisi',
  isNotNull: NOT_NULL_MESSAGE,
  isNotEmpty: 'tidak boleh kosong',
  isString: 'harus berupa teks',
  isInt: 'harus berupa bilangan bulat',
  isNumber: 'harus berupa angka',
  isNumberString: 'harus berupa angka',
  isDecimal: 'harus berupa angka desimal',
  isBoolean: 'harus bernilai true atau false',
  isEmail: 'harus berupa alamat e-mail yang sah',
  isUuid: 'harus berupa UUID',
  isIn: 'nilainya tidak termasuk pilihan yang diizinkan',
  isEnum: 'nilainya tidak termasuk pilihan yang diizinkan',
  isArray: 'harus berupa daftar',
  isObject: 'harus berupa objek',
  isDateString: 'harus berupa tanggal ISO-8601',
  isIso8601: 'harus berupa tanggal ISO-8601',
  isInstant: INSTANT_MESSAGE,
  min: 'nilainya terlalu kecil',
  max: 'nilainya terlalu besar',
  minLength: 'terlalu pendek',
  maxLength: 'terlalu panjang',
  isLength: 'panjangnya tidak sesuai',
  matches: 'formatnya tidak sesuai',
  arrayMinSize: 'jumlah isinya terlalu sedikit',
  arrayMaxSize: 'jumlah isinya terlalu banyak',
  nestedValidation: 'isinya tidak valid',
};

/**
 * The name under which a decorator's failure appears in `ValidationError.constraints`, or null for
 * one that never fails by itself (`@IsOptional`, `@ValidateIf`, `@Allow`).
 */
export function constraintNameOf(metadata: ValidationMetadata): string | null {
  switch (metadata.type) {
    case ValidationTypes.CUSTOM_VALIDATION: {
      const [constraint] = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
      return constraint?.name ?? null;
    }
    case ValidationTypes.NESTED_VALIDATION:
    case ValidationTypes.IS_DEFINED:
      return metadata.type;
    default:
      return null;
  }
}

/** True when the DTO gave the failed constraint a message of its own (its wording is then kept). */
function dtoGaveMessage(target: unknown, property: string, constraint: string): boolean {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return false;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .some((m) => m.propertyName === property && m.message !== undefined && constraintNameOf(m) === constraint);
}

/**
 * A field that is missing or null failed every rule of its DTO at once ("too long", "too short",
 * "must be text" …): it is reported once, as required (`isDefined`), or, for a field of a partial
 * update that may be left out but not be null, as `isNotNull`. An unknown field stays unknown,
 * whatever its value. Needs the value in the error (`validationError.value: true`).
 */
function absentValueProblem(error: ValidationError, constraints: string[]): string | null {
  if (!Object.prototype.hasOwnProperty.call(error, 'value') || (error.value !== undefined && error.value !== null)) return null;
  if (constraints.length === 0 || constraints.includes('whitelistValidation')) return null;
  return constraints.includes('isNotNull') ? 'isNotNull' : 'isDefined';
}

/** Flattens class-validator's tree into one problem per field and constraint. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property ?? '';
    const constraints = error.constraints ?? {};
    const absent = absentValueProblem(error, Object.keys(constraints));
    const own = absent
      ? [{ field, constraint: absent, message: absent === 'isNotNull' ? constraints.isNotNull : INDONESIAN.isDefined }]
      : Object.entries(constraints).map(([constraint, original]) => ({
          field,
          constraint,
          message: dtoGaveMessage(error.target, error.property, constraint) ? original : INDONESIAN[constraint] ?? original,
        }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The 400 answer for a body, query or parameter that fails its DTO. */
export function requestValidationError(errors: ValidationError[]): DomainError {
  const fields = flattenValidationErrors(errors);
  return new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid.', 'validation', { fields });
}
