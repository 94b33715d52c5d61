import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { MetadataStorage } from 'class-validator';
import { SATKER_CODE_PATTERN, SUBBAGIAN_CODE_PATTERN, USERNAME_PATTERN } from '@kinerja/identity';
import { CALENDAR_DATE_MESSAGE } from './calendar-date.validator';
import { INSTANT_MESSAGE } from './instant.validator';
import { FREE_TEXT_MESSAGE } from './free-text.validator';
import { NOT_BLANK_MESSAGE } from './not-blank.validator';
import { NOT_NULL_MESSAGE } from './optional-but-not-null.validator';
import { HIDDEN_CHARACTERS_MESSAGE, STACKED_MARKS_MESSAGE } from './readable-name.validator';
import { PERSON_NAME_MESSAGE } from '@kinerja/domain';

export type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** What a message may say about the rule that failed. */
export interface RuleContext {
  /** The rule's own arguments (`@Max(12)` → `[12]`, `@Length(1, 32)` → `[1, 32]`); empty when unknown. */
  args: readonly unknown[];
  /** Every rule of the same field, so that a message on its type can name its bounds too. */
  rules: readonly ValidationMetadata[];
  /** The field is a list of nested objects (`@ValidateNested({ each: true })`), not one of its items. */
  list: boolean;
}

/** What a rule with no message of its own says when it fails: the caller names the field. */
export const GENERIC_MESSAGE = 'nilainya tidak valid';

/**
 * Kinerja's codes, in words, for a `@Matches` rule that gives no message of its own: the pattern
 * alone is not something a person can act on.
 */
const FORMATS = new Map<string, string>([
  [SATKER_CODE_PATTERN.source, 'harus berupa kode satker: 2–64 huruf kecil a–z, angka 0–9 atau "-", misalnya kpu-kab-jember'],
  [
    SUBBAGIAN_CODE_PATTERN.source,
    'harus berupa kode subbagian: huruf besar A–Z, angka 0–9, "_" atau "-", diawali huruf besar atau angka, paling banyak 32 karakter, misalnya KUL',
  ],
  [USERNAME_PATTERN.source, 'harus berupa nama pengguna: 3–64 huruf kecil a–z, angka 0–9, ".", "_" atau "-"'],
  ['^[0-9a-f]{64}$', 'harus berupa SHA-256: 64 karakter 0–9 atau a–f (huruf kecil)'],
  ['^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', 'harus berupa UUID dengan huruf kecil, misalnya 3a1e5f0c-1b2d-4c3e-9f4a-5b6c7d8e9f00'],
  ['^[A-Za-z0-9,]+$', 'hanya boleh berisi huruf, angka dan koma (beberapa nilai dipisah koma)'],
]);

/** A pattern in words: a known format of Kinerja, or the pattern itself. */
export function describeFormat(pattern: unknown): string {
  if (!(pattern instanceof RegExp)) return 'formatnya tidak sesuai';
  return FORMATS.get(pattern.source) ?? `formatnya tidak sesuai: harus cocok dengan pola ${pattern.source}`;
}

/** True when {@link describeFormat} knows the pattern in words. */
export function isDescribedFormat(pattern: unknown): boolean {
  return pattern instanceof RegExp && FORMATS.has(pattern.source);
}

/** The first argument of the field's rule named `name` (`@Min(1)` → 1). */
function argOf(rules: readonly ValidationMetadata[], name: string): unknown {
  return rules.find((rule) => constraintNameOf(rule) === name)?.constraints?.[0];
}

/** " dari 1 sampai 12", ", paling kecil 0" … for the message on a number's type. */
export function boundsOf(rules: readonly ValidationMetadata[]): string {
  const [min, max] = [argOf(rules, 'min'), argOf(rules, 'max')];
  if (min !== undefined && max !== undefined) return ` dari ${min} sampai ${max}`;
  if (min !== undefined) return `, paling kecil ${min}`;
  return max === undefined ? '' : `, paling besar ${max}`;
}

function oneOf(values: unknown): string {
  return `harus salah satu dari: ${(Array.isArray(values) ? values : []).join(', ')}`;
}

type Describe = (context: RuleContext) => string;

/**
 * Messages people read, per constraint, under the names class-validator 0.15 gives them in
 * `ValidationError.constraints` (`isUuid`, `isIso8601`, `isLength`: not the decorators' names),
 * naming the bound, the length or the count the rule sets. The unit tests check that every
 * constraint of every DTO is listed here: no class-validator default, which is English, is ever sent.
 */
export const CONSTRAINT_MESSAGES: Record<string, Describe> = {
  whitelistValidation: () => 'kolom ini tidak dikenal',
  unknownValue: () => 'isi permintaan tidak sesuai dengan bentuk yang diharapkan',
  isDefined: () => 'wajib diisi',
  isNotNull: () => NOT_NULL_MESSAGE,
  isNotEmpty: () => 'tidak boleh kosong',
  isString: () => 'harus berupa teks',
  isInt: ({ rules }) => `harus berupa bilangan bulat${boundsOf(rules)}`,
  isNumber: ({ rules }) => `harus berupa angka${boundsOf(rules)}`,
  isNumberString: () => 'harus berupa angka yang ditulis sebagai teks',
  isDecimal: () => 'harus berupa angka desimal yang ditulis sebagai teks',
  isBoolean: () => 'harus bernilai true atau false',
  isEmail: () => 'harus berupa alamat e-mail yang sah, misalnya nama@kpu.go.id',
  isUuid: () => 'harus berupa UUID',
  isIn: ({ args }) => oneOf(args[0]),
  isEnum: ({ args }) => oneOf(args[1]),
  isArray: () => 'harus berupa daftar',
  isObject: () => 'harus berupa objek',
  isDateString: () => 'harus berupa tanggal ISO 8601, misalnya 2025-01-31',
  isIso8601: () => 'harus berupa tanggal ISO 8601, misalnya 2025-01-31',
  isInstant: () => INSTANT_MESSAGE,
  isCalendarDate: () => CALENDAR_DATE_MESSAGE,
  isNotBlank: () => NOT_BLANK_MESSAGE,
  isFreeText: () => FREE_TEXT_MESSAGE,
  isPersonName: () => PERSON_NAME_MESSAGE,
  hasNoHiddenCharacters: () => HIDDEN_CHARACTERS_MESSAGE,
  hasNoStackedMarks: () => STACKED_MARKS_MESSAGE,
  min: ({ args }) => `paling kecil ${args[0]}`,
  max: ({ args }) => `paling besar ${args[0]}`,
  minLength: ({ args }) => `paling sedikit ${args[0]} karakter`,
  maxLength: ({ args }) => `paling banyak ${args[0]} karakter`,
  isLength: ({ args }) => (args[1] === undefined ? `paling sedikit ${args[0]} karakter` : `panjangnya harus ${args[0]} sampai ${args[1]} karakter`),
  matches: ({ args }) => describeFormat(args[0]),
  arrayMinSize: ({ args }) => `paling sedikit ${args[0]} butir`,
  arrayMaxSize: ({ args }) => `paling banyak ${args[0]} butir`,
  nestedValidation: ({ list }) => (list ? 'harus berupa daftar objek' : 'harus berupa objek'),
};

/** The message of a failed constraint that its DTO gave no message of its own; never English. */
export function describeConstraint(constraint: string, context: Partial<RuleContext> = {}): string {
  const describe = CONSTRAINT_MESSAGES[constraint];
  return describe ? describe({ args: [], rules: [], list: false, ...context }) : GENERIC_MESSAGE;
}

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

/** `@ValidateNested` puts its English default in the rule itself (class-validator 0.15): not a message of the DTO. */
const NESTED_DEFAULT = /^(each value in )?nested property \$property must be either object or array$/;

/** True when the DTO gave the rule a message of its own, which is then kept as it is. */
export function hasOwnMessage(metadata: ValidationMetadata): boolean {
  const message = metadata.message;
  if (message === undefined || message === '') return false;
  return !(metadata.type === ValidationTypes.NESTED_VALIDATION && typeof message === 'string' && NESTED_DEFAULT.test(message));
}

/** The rules of one field of a DTO class (with what it inherits); none for anything else. */
export function rulesOfField(dto: unknown, property: string): ValidationMetadata[] {
  if (typeof dto !== 'function') return [];
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .filter((rule) => rule.propertyName === property);
}
