import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { freeTextProblem, type FreeTextOptions } from '@kinerja/domain';

/** The message of `isFreeText` when the value at hand breaks no rule (a list whose other item does). */
export const FREE_TEXT_MESSAGE =
  'tidak boleh berisi karakter kendali, pengatur arah teks, pemisah baris Unicode atau karakter tak terlihat (mis. spasi lebar-nol)';

/**
 * A free text a person types (a narrative, a reason, a catatan reviu, an LKj saran, a file name),
 * held to the one rule of `freeTextProblem`: no control characters (but line breaks and tabs where
 * `multiline`), no bidi embeddings, overrides or isolates, no U+2028/U+2029, no zero-width space;
 * emoji and the letters of every script are kept. The message names the character found.
 */
export function IsFreeText(options: FreeTextOptions, validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isFreeText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) => (typeof args.value === 'string' ? freeTextProblem(args.value, options) : null) ?? FREE_TEXT_MESSAGE,
        ...validationOptions,
      },
      validator: { validate: (value: unknown) => typeof value !== 'string' || freeTextProblem(value, options) === null },
    });
}
