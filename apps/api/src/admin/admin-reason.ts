import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsOptionalButNotNull } from '../http/optional-but-not-null.validator';
import { IsFreeText } from '../http/free-text.validator';

/**
 * `reason` of an administrator's command on an office, a subbagian or a user: optional, carried by
 * the events it records and shown in the audit trail's `alasan`. Blank or invisible text is refused
 * by the service with the rule of every workflow reason (422 IDENTITY.REASON_INVALID), as the
 * workflow's routes leave it to the domain. In a PATCH it is left out or given, never null.
 */
export function AdminReason(example: string, inPatch = true): PropertyDecorator {
  return applyDecorators(
    // `string | null` reflects as Object: the type is given, and null only where it is taken.
    ApiPropertyOptional({
      type: String,
      ...(inPatch ? {} : { nullable: true }),
      example,
      maxLength: 2000,
      description:
        'Why, for the audit trail (its `alasan`, on every event this request records). Optional; when given, 3–2000 visible characters, ' +
        'stored trimmed (422 IDENTITY.REASON_INVALID otherwise, nothing changed).',
    }),
    inPatch ? IsOptionalButNotNull() : IsOptional(),
    IsString(),
    MaxLength(2000),
    IsFreeText({ multiline: true }),
  );
}
