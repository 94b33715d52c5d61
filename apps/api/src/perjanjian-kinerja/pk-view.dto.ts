// The answers of the PK routes (PkView, PkVersionsView in @kinerja/workflow; PkVersion in @kinerja/domain),
// field for field. For documentation only: the handlers answer the views as they are.
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PkProgramDto } from './pk.dto';

const NULLABLE_TEXT = { type: String, nullable: true } as const;
const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;

/** Who returned a PK or a monthly report, when and why. */
@ApiSchema({ description: 'The last return: kept after the resubmission, for the record.' })
export class LastReturnDto {
  @ApiProperty({ example: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', description: 'User id of whoever returned it' }) by: string;
  @ApiProperty({ example: 'Target indikator K4.1 belum sesuai DIPA.' }) reason: string;
  @ApiProperty({ format: 'date-time', example: '2024-01-14T03:00:00.000Z' }) at: string;
}

@ApiSchema({ description: 'Who withdrew a PK Perubahan opened by mistake, when and why.' })
export class PkWithdrawalDto {
  @ApiProperty({ example: '0b6f1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d', description: 'User id of the Sekretaris who withdrew it' }) by: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'Dibuka karena salah pilih bulan.', description: 'null when no reason was given' }) reason: string | null;
  @ApiProperty({ format: 'date-time', example: '2024-07-02T03:00:00.000Z' }) at: string;
}

/** The structure of one version, as the body of `POST pk/{year}` gives it. */
export class PkStructureDto {
  @ApiProperty({ type: [PkProgramDto] }) programs: PkProgramDto[];
}

@ApiSchema({ description: 'One version of the PK: the first, or a PK Perubahan. Approved versions are frozen.' })
export class PkVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'Version of the PK (1: the first; 2, 3 …: each PK Perubahan), not the stream version' }) version: number;
  @ApiProperty({
    enum: ['DRAFT', 'SUBMITTED', 'APPROVED', 'SUPERSEDED', 'WITHDRAWN'], example: 'APPROVED',
    description: 'DRAFT also after a return (see `lastReturn`); SUPERSEDED: an approved version replaced by a later approved one; WITHDRAWN: a PK Perubahan withdrawn',
  })
  status: string;
  @ApiProperty({ type: PkStructureDto }) structure: PkStructureDto;
  @ApiProperty({ ...NULLABLE_TEXT, example: null, description: 'Why this PK Perubahan exists; null for version 1' }) revisionReason: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null, description: 'The version a PK Perubahan started from; null for version 1' }) basedOnVersion: number | null;
  @ApiProperty({ example: '0b6f1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d' }) draftedBy: string;
  @ApiProperty({ format: 'date-time', example: '2024-01-10T02:00:00.000Z' }) draftedAt: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: '0b6f1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d', description: 'The last submission (kept after a return); null until submitted' })
  submittedBy: string | null;
  @ApiProperty({ ...NULLABLE_INSTANT, example: '2024-01-12T02:00:00.000Z' }) submittedAt: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) approvedBy: string | null;
  @ApiProperty({ ...NULLABLE_INSTANT, example: '2024-01-16T03:00:00.000Z' }) approvedAt: string | null;
  @ApiProperty({ type: LastReturnDto, nullable: true }) lastReturn: LastReturnDto | null;
  @ApiPropertyOptional({ type: PkWithdrawalDto, nullable: true, description: 'Set on a WITHDRAWN version; null otherwise (absent on versions recorded before withdrawals existed)' })
  withdrawal?: PkWithdrawalDto | null;
}

@ApiSchema({ description: 'The PK of an office and year: the version in force and the one being drafted or awaiting approval.' })
export class PkViewDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 3, description: 'Stream version (the ETag): send it back in If-Match or `expectedVersion`' }) version: number;
  @ApiProperty({ type: PkVersionDto, nullable: true, description: 'The approved version in force; null before the first approval' }) inForce: PkVersionDto | null;
  @ApiProperty({ type: PkVersionDto, nullable: true, description: 'The version being drafted or awaiting approval; null when none' }) working: PkVersionDto | null;
}

@ApiSchema({ description: 'Every version of the PK of an office and year, oldest first.' })
export class PkVersionsDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 3, description: 'Stream version (the ETag)' }) version: number;
  @ApiProperty({ type: [PkVersionDto] }) versions: PkVersionDto[];
}
