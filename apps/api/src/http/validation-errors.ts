import { getMetadataStorage, ValidationTypes, type ValidationError } from 'class-validator';
export type { FieldProblem } from '@kinerja/domain';
import { DomainError, FieldProblem, validationFailed as refusalNaming } from '@kinerja/domain';
import { constraintNameOf, describeConstraint, hasOwnMessage, rulesOfField, ValidationMetadata } from './constraint-messages';

/**
 * The checks of what kind a value is, in the order one is reported. A value of the wrong kind
 * fails every other rule of its field as well ("x" is neither at least 1 nor at most 12, "a" has
 * no items to count): only the first of these is reported then, once.
 */
const KIND_CHECKS = ['isArray', 'isObject', 'nestedValidation', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isNumberString', 'isDecimal'];

function failedRules(constraints: string[]): string[] {
  const kind = KIND_CHECKS.find((check) => constraints.includes(check));
  return kind === undefined ? constraints : [kind];
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

/**
 * The rules of the field an error is about (needs the target in the error,
 * `validationError.target: true`). An item of a list has the list as its target, and no rules.
 */
function rulesOf(error: ValidationError): ValidationMetadata[] {
  const target: unknown = error.target;
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return [];
  return rulesOfField(target.constructor, error.property);
}

/**
 * The message of one failed constraint: the DTO's own when it gave one, otherwise Kinerja's, which
 * names the rule's bound. class-validator's default, which is English, is never kept.
 */
function messageOf(error: ValidationError, constraint: string, rules: ValidationMetadata[]): string {
  const rule = rules.find((r) => constraintNameOf(r) === constraint);
  const given = error.constraints?.[constraint];
  if (rule && hasOwnMessage(rule) && given) return given;
  return describeConstraint(constraint, { args: rule?.constraints ?? [], rules, list: rule?.each === true });
}

/** A number sent as text in a body (`"size": "45"`): it looks right to whoever sent it, so the message says why not. */
function quotedNumberHint(error: ValidationError, constraint: string): string {
  const numeric = constraint === 'isInt' || constraint === 'isNumber';
  return numeric && typeof error.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(error.value) ? ', sebagai angka tanpa tanda kutip' : '';
}

/**
 * The items of a list that break a rule checked on each of them (`@IsNotBlank({ each: true })`),
 * by index; null when the rule is not such a rule or the value is not a list. class-validator
 * names only the list (`suggestions`), so the rule is asked again of each item, as it asked it.
 */
function failingItems(error: ValidationError, rule: ValidationMetadata | undefined): number[] | null {
  if (!rule || rule.each !== true || !Array.isArray(error.value) || rule.type !== ValidationTypes.CUSTOM_VALIDATION) return null;
  const [constraint] = getMetadataStorage().getTargetValidatorConstraints(rule.constraintCls);
  if (!constraint || constraint.async) return null;
  const items = error.value as unknown[];
  const failing = items.flatMap((item, index) => {
    const args = { targetName: rule.target instanceof Function ? rule.target.name : '', property: rule.propertyName, object: error.target ?? {}, value: item, constraints: rule.constraints };
    return constraint.instance.validate(item, args) === true ? [] : [index];
  });
  return failing.length > 0 ? failing : null;
}

function problemsOf(error: ValidationError, field: string): FieldProblem[] {
  const constraints = Object.keys(error.constraints ?? {});
  const rules = rulesOf(error);
  const absent = absentValueProblem(error, constraints);
  const failed = absent ? [absent] : failedRules(constraints);
  return failed.flatMap((constraint) => {
    const message = messageOf(error, constraint, rules) + quotedNumberHint(error, constraint);
    // A rule of each item names the items that break it (`suggestions.1`, "suggestions butir ke-2"), not the whole list.
    const rule = rules.find((r) => constraintNameOf(r) === constraint);
    const items = failingItems(error, rule);
    if (items === null) return [{ field, constraint, message }];
    // A rule whose message reads the value (`@IsFreeText` names the character) says it of the item.
    const itemMessage = (index: number): string => {
      if (typeof rule?.message !== 'function') return message;
      const value = (error.value as unknown[])[index];
      return rule.message({ targetName: '', property: rule.propertyName, object: error.target ?? {}, value, constraints: rule.constraints });
    };
    return items.map((index) => ({ field: `${field}.${index}`, constraint, message: itemMessage(index) }));
  });
}

/** Flattens class-validator's tree into one problem per field and constraint. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property ?? '';
    const own = problemsOf(error, field);
    // A list sent as an object (`"entries": {}`) is not looked inside: its "items" would be
    // reported as fields of its own (`entries.indicator`), which no client sent.
    if (own.some((p) => p.constraint === 'isArray')) return own;
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** At most this many field problems are answered: a list of thousands of bad items is told by its first ones. */
export const MAX_FIELD_PROBLEMS = 100;

/** The 400 answer naming each field that is wrong (the first `MAX_FIELD_PROBLEMS`). */
export function validationFailed(fields: FieldProblem[]): DomainError {
  return refusalNaming(fields.slice(0, MAX_FIELD_PROBLEMS), fields.length);
}

/** The 400 answer for a body, query or parameter that fails its DTO. */
export function requestValidationError(errors: ValidationError[]): DomainError {
  return validationFailed(flattenValidationErrors(errors));
}
