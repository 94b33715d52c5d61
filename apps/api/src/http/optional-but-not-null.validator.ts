import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';

export const NOT_NULL_MESSAGE = 'tidak boleh null; hilangkan kolom ini bila tidak diubah';

/**
 * For a field of a partial update (PATCH) that may be left out but has no meaning as `null`: an
 * absent field (`undefined`) skips the other validators, like `@IsOptional()`, but `null` is
 * refused (`isNotNull`) instead of being let through as "absent" as `@IsOptional()` does, where it
 * would reach the service as a change to nothing. A field where null means something (an e-mail
 * address removed) keeps `@IsOptional()` with `@ValidateIf((_, v) => v !== null)`.
 */
export function IsOptionalButNotNull(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    ValidateIf((_object: unknown, value: unknown) => value !== undefined, options)(target, propertyName);
    registerDecorator({
      name: 'isNotNull',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: NOT_NULL_MESSAGE, ...options },
      validator: { validate: (value: unknown) => value !== null },
    });
  };
}
