import { normalizedPersonName, personNameProblem, validationFailed } from '@kinerja/domain';

/**
 * A full name as stored (`normalizedPersonName`: NFKC, single spaces, trimmed), refused unless it
 * follows the rule of `isReadablePersonName` (400 VALIDATION.FAILED naming `fullName`, as the DTO
 * would): Latin letters, digits, spaces and `. , ' ’ - ( ) /`, nothing invisible or look-alike,
 * so that the maker-checker "same name" rule compares names as people read them.
 */
export function storedFullName(fullName: string): string {
  const problem = personNameProblem(fullName);
  if (problem !== null) {
    throw validationFailed([{ field: 'fullName', constraint: 'isPersonName', message: problem }]);
  }
  return normalizedPersonName(fullName);
}
