import { ValidationOptions, registerDecorator } from 'class-validator';

export const NOT_BLANK_MESSAGE = 'tidak boleh hanya berisi spasi';

/**
 * A name that must say something: at least one character that is not white space. `@MinLength`
 * counts spaces, so "   " passed as the name of an office or a subbagian.
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: NOT_BLANK_MESSAGE, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || /\S/.test(value) },
    });
}
