import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { hasHiddenCharacters, hasStackedMarks, isReadablePersonName, MAX_MARKS_PER_CHARACTER, PERSON_NAME_MESSAGE, personNameProblem } from '@kinerja/domain';

export const HIDDEN_CHARACTERS_MESSAGE =
  'tidak boleh berisi karakter yang tidak terlihat (mis. spasi lebar-nol), pengatur arah teks, tab atau baris baru';

export const STACKED_MARKS_MESSAGE =
  `tidak boleh menumpuk tanda diakritik (lebih dari ${MAX_MARKS_PER_CHARACTER} pada satu huruf, atau tanda tanpa huruf di depannya): ` +
  'tulisan seperti itu menutupi baris di sekitarnya; ketik ulang dengan huruf biasa';

/**
 * A person's full name (`isReadablePersonName`): Latin letters, accented or not, digits, spaces and
 * `. , ' ’ - ( ) /`; nothing invisible, no bidi control, no letter of a script that imitates Latin.
 * UserService stores it normalised and says the same (`storedFullName`).
 */
export function IsPersonName(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPersonName',
      target: target.constructor,
      propertyName: String(propertyName),
      // The rule it breaks, in words (`personNameProblem`): the character, the length as stored, the letters.
      options: { message: (args: ValidationArguments) => personNameProblem(args.value) ?? PERSON_NAME_MESSAGE, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || isReadablePersonName(value) },
    });
}

/**
 * A name people read that is not a person's (an office, a subbagian): any script, but nothing a
 * reader cannot see (`hasHiddenCharacters`: zero-width and format characters, bidi controls,
 * controls, line separators), which would make a name that reads as another and is not equal to it.
 */
export function HasNoHiddenCharacters(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasNoHiddenCharacters',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: HIDDEN_CHARACTERS_MESSAGE, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !hasHiddenCharacters(value) },
    });
}

/**
 * A name people read (an office, a subbagian) that stacks no combining marks past what any script
 * writes (`hasStackedMarks`): such a name spills over the rows around it in every list and the LKj.
 */
export function HasNoStackedMarks(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasNoStackedMarks',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: STACKED_MARKS_MESSAGE, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !hasStackedMarks(value) },
    });
}
