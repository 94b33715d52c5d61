import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';

/**
 * `@Param('userId', uuidParam('userId'))`: a malformed id is malformed input, answered 400
 * VALIDATION.FAILED like any other field, not a missing resource.
 */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid.', 'validation', {
        fields: [{ field, constraint: 'isUUID', message: 'harus berupa UUID' }],
      }),
  });
}
