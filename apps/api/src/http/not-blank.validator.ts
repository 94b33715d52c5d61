import { ValidationOptions, registerDecorator } from 'class-validator';
import { visibleCharacterCount } from '@kinerja/domain';

export const NOT_BLANK_MESSAGE = 'tidak boleh hanya berisi spasi atau karakter yang tidak terlihat';

/**
 * A name that must say something: at least one character a reader can see (the rule of
 * `visibleCharacterCount`, shared with the workflow's reasons). `@MinLength` counts spaces, so
 * "   " (or Hangul fillers, braille blanks, lone combining marks) passed as the name of an office.
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: NOT_BLANK_MESSAGE, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || visibleCharacterCount(value) > 0 },
    });
}
