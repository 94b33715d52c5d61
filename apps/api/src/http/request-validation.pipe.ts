import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { DomainError } from '@kinerja/domain';
import { boundsOf, constraintNameOf, describeConstraint, ValidationMetadata } from './constraint-messages';
import { FieldProblem, validationFailed } from './validation-errors';

/**
 * Names every object inherits (`__proto__`, `constructor`, `toString`, `valueOf`, `hasOwnProperty` …)
 * and `prototype`. Nest's pipe deletes the first two before class-transformer sees the value, and
 * class-transformer skips a key that names an inherited method, so they were dropped without a word
 * (and let through) while any other unknown field is refused. No DTO declares one of them.
 */
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A whole number as a path or a query carries it: decimal digits only, no leading zero. */
const PLAIN_DIGITS = /^(0|[1-9]\d*)$/;

/**
 * Nest's validation pipe with two checks of the value as it came, before class-transformer reads
 * it: a field named like a prototype key is unknown, as any other field the DTO does not declare;
 * and a whole number in a path or a query is plain decimal digits. `@Type(() => Number)` is
 * JavaScript's `Number()`, which reads "1e1" as 10, "0x1" as 1, " 6" as 6 and "" as 0. The fields
 * these name come first, then whatever the DTO finds wrong with the others.
 */
export class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const early = [...(hasPrototypeKey(value) ? prototypeKeys(value, '') : []), ...looseWholeNumbers(value, metadata)];
    if (early.length === 0) {
      const dto: unknown = await super.transform(value, metadata);
      const lists = listsForObjects(dto, '');
      if (lists.length > 0) throw validationFailed(lists);
      return dto;
    }
    const named = new Set(early.map((problem) => problem.field));
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => otherFields(error, named),
    );
    throw validationFailed([...early, ...others]);
  }
}

/**
 * A list where an item of a list of objects is expected (`{"holidays": [[]]}`): `@ValidateNested`
 * goes into the inner list and finds nothing wrong with its items (none, or objects that pass), so
 * the DTO reached the handler with a list for an item and the domain failed on it with a 500.
 * Each such item is "harus berupa objek", as a number or a word there already is. Looked for in
 * the DTO as class-transformer built it (only nested DTOs are walked): a few dozen objects at most.
 */
function listsForObjects(dto: unknown, path: string): FieldProblem[] {
  if (typeof dto !== 'object' || dto === null || Array.isArray(dto)) return [];
  const problems: FieldProblem[] = [];
  for (const property of nestedProperties(dto.constructor)) {
    const value = (dto as Record<string, unknown>)[property];
    const field = `${path}${property}`;
    if (!Array.isArray(value)) {
      problems.push(...listsForObjects(value, `${field}.`));
      continue;
    }
    value.forEach((item, i) => {
      if (Array.isArray(item)) problems.push({ field: `${field}.${i}`, constraint: 'nestedValidation', message: describeConstraint('nestedValidation') });
      else problems.push(...listsForObjects(item, `${field}.${i}.`));
    });
  }
  return problems;
}

const nestedByDto = new Map<unknown, string[]>();

/** The properties of a DTO class under `@ValidateNested` (none for a plain object). */
function nestedProperties(dto: unknown): string[] {
  if (typeof dto !== 'function' || dto === Object) return [];
  let properties = nestedByDto.get(dto);
  if (!properties) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
    properties = [...new Set(rules.filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION).map((rule) => rule.propertyName))];
    nestedByDto.set(dto, properties);
  }
  return properties;
}

function otherFields(error: unknown, named: Set<string>): FieldProblem[] {
  if (!(error instanceof DomainError) || error.code !== 'VALIDATION.FAILED') throw error;
  return (error.details.fields as FieldProblem[]).filter((problem) => !named.has(problem.field));
}

/** Every request passes here and almost none carries such a key: paths are only built for one that does. */
function hasPrototypeKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (PROTOTYPE_KEYS.has(key) || hasPrototypeKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Every field named like a prototype key, at any depth (a body is at most 32 deep by then: `limitBodyDepth`). */
function prototypeKeys(value: unknown, path: string): FieldProblem[] {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return [];
  return Object.keys(value).flatMap((key) => {
    const field = path ? `${path}.${key}` : key;
    const own = PROTOTYPE_KEYS.has(key) ? [{ field, constraint: 'whitelistValidation', message: describeConstraint('whitelistValidation') }] : [];
    return [...own, ...prototypeKeys((value as Record<string, unknown>)[key], field)];
  });
}

function looseWholeNumbers(value: unknown, metadata: ArgumentMetadata): FieldProblem[] {
  if (metadata.type !== 'query' && metadata.type !== 'param') return [];
  if (typeof value !== 'object' || value === null) return [];
  return wholeNumberFields(metadata.metatype).flatMap(([property, rules]) => {
    const problem = looseWholeNumber((value as Record<string, unknown>)[property], rules);
    return problem ? [{ field: property, ...problem }] : [];
  });
}

/** What is wrong with a whole number as it came in a path or a query, or null when it is plain digits (or absent). */
export function looseWholeNumber(raw: unknown, rules: readonly ValidationMetadata[]): Omit<FieldProblem, 'field'> | null {
  if (raw === undefined || (typeof raw === 'string' && PLAIN_DIGITS.test(raw))) return null;
  const bounds = boundsOf(rules);
  if (raw === '') return { constraint: 'isNotEmpty', message: `tidak boleh kosong; isi dengan bilangan bulat${bounds}` };
  if (Array.isArray(raw)) return { constraint: 'isInt', message: `hanya boleh diberikan sekali, sebagai satu bilangan bulat${bounds}` };
  return {
    constraint: 'isInt',
    message: `harus berupa bilangan bulat${bounds}, ditulis hanya dengan angka 0–9 (tanpa tanda, spasi, titik, eksponen atau nol di depan)`,
  };
}

const wholeNumbersByDto = new WeakMap<object, Array<[string, ValidationMetadata[]]>>();

/** The fields of a DTO class that are whole numbers (`@IsInt()`), each with its rules. */
function wholeNumberFields(dto: unknown): Array<[string, ValidationMetadata[]]> {
  if (typeof dto !== 'function') return [];
  let fields = wholeNumbersByDto.get(dto);
  if (!fields) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
    const properties = new Set(rules.filter((rule) => constraintNameOf(rule) === 'isInt').map((rule) => rule.propertyName));
    fields = [...properties].map((property) => [property, rules.filter((rule) => rule.propertyName === property)]);
    wholeNumbersByDto.set(dto, fields);
  }
  return fields;
}
