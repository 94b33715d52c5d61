import { ParseUUIDPipe } from '@nestjs/common';
import { describeConstraint } from './constraint-messages';
import { validationFailed } from './validation-errors';

/**
 * `@Param('userId', uuidParam('userId'))`: a malformed id is malformed input, answered 400
 * VALIDATION.FAILED like any other field (with class-validator's name for the rule, as `@IsUUID()`
 * in a DTO gives it), not a missing resource.
 */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => validationFailed([{ field, constraint: 'isUuid', message: describeConstraint('isUuid') }]),
  });
}
