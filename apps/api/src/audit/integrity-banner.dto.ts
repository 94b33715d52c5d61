// The `integrity` every audit answer and Tabel 3.2 carry (IntegrityBanner, libs/projections/src/audit-trail/integrity.service.ts),
// field for field. For documentation only: the handlers answer IntegrityService.banner as it is.
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

const NULLABLE_TEXT = { type: String, nullable: true } as const;

@ApiSchema({ description: 'An open integrity alert of the office: damage detected to its event chain or to a stored file.' })
export class IntegrityAlertDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'The alert number the Inspektorat closes (POST …/audit/alerts/{id}/resolve).' }) id: number;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T17:38:00.000Z' }) detectedAt: string;
  @ApiProperty({
    example: 'cli', description: 'What found it: `api` (GET …/audit/verify), `cli` (audit:verify), `cli-digest`, `cli-rebuild` (projections:rebuild), the digest job, `lkj-request`, `lkj-produce`, a download.',
  })
  source: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 169, description: 'The first broken link of the chain; null for an alert about a stored file.' })
  brokenSequence: number | null;
  @ApiProperty({ ...NULLABLE_TEXT, format: 'uuid', example: null }) brokenEventId: string | null;
  @ApiProperty({
    example: 'modified', description: 'modified, deleted, inserted, reordered, digest_mismatch (the chain); evidence_mismatch, lkj_file_mismatch (a stored file).',
  })
  kind: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: null, description: 'The stored file it is about (`evidence:<sha256>`, `lkj:<sha256>`); null for the chain.' })
  subject: string | null;
  @ApiProperty({ example: 'isi peristiwa tidak cocok dengan hash-nya', description: 'What was found, in Bahasa Indonesia.' }) detail: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: null, description: 'User id of whoever ran the detection; null for Kinerja itself or the CLI.' })
  detectedBy: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, format: 'date-time', example: null, description: 'Null while open (the banner lists open alerts only).' })
  resolvedAt: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: null }) resolvedBy: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: null }) resolutionReason: string | null;
}

@ApiSchema({
  description:
    'Whether the office\'s data can be trusted, as every audit answer carries it: `DAMAGED` while any integrity alert of the office ' +
    'is open (its chain, or a stored bukti dukung or LKj file), with the newest twenty open alerts; `OK` otherwise.',
})
export class IntegrityBannerDto {
  @ApiProperty({ enum: ['OK', 'DAMAGED'], example: 'OK' }) status: 'OK' | 'DAMAGED';
  @ApiProperty({
    ...NULLABLE_TEXT, example: null,
    description: 'In Bahasa Indonesia, naming the last damage and when it was detected on the office\'s clock; null when `OK`.',
  })
  message: string | null;
  @ApiProperty({ type: () => IntegrityAlertDto, isArray: true, description: 'The open alerts, newest first (at most 20); empty when `OK`.' })
  alerts: IntegrityAlertDto[];
}
