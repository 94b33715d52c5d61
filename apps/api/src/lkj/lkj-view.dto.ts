// The answers of the LKj routes (LkjOverview, LkjVersionView in @kinerja/jobs), field for field.
// For documentation only: the handlers answer the views as they are.
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LKJ_REQUEST_REASONS } from '@kinerja/domain';
import { PersonRefDto } from '../http/person-ref.dto';

export class LkjFileDto {
  @ApiProperty({ enum: ['DOCX', 'PDF'], example: 'PDF' }) format: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', example: '0e9d8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa9988776655' }) sha256: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 91544, description: 'Bytes' }) size: number;
}

export class LkjSignatureDto {
  @ApiProperty({
    type: Boolean, nullable: true, example: true,
    description: 'Fixed when the version is produced, from the office\'s `ketuaSignsLkj` then: true or false once produced; null for a final still pending; always false for a draft',
  })
  required: boolean | null;
  @ApiProperty({ type: String, nullable: true, example: '5b0e3c1a-2f4d-4e6a-9c8b-7d1e2f3a4b5c', description: 'User id of the Ketua who signed; null before' }) signedBy: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'The signer named; null before' }) signedByUser: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-01-13T03:00:00.000Z' }) signedAt: string | null;
}

@ApiSchema({ description: 'One version of the year\'s LKj: a draft or a final, its files once produced, and its signature.' })
export class LkjVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) version: number;
  @ApiProperty({ example: false }) draft: boolean;
  @ApiProperty({ enum: [...LKJ_REQUEST_REASONS], example: 'ALL_APPROVED', description: 'Why it was asked for (see the operation)' }) reason: string;
  @ApiProperty({ enum: ['pending', 'produced'], example: 'produced', description: 'pending: the worker has not produced its files yet' }) status: string;
  @ApiProperty({ example: false, description: 'A correction was approved after it was produced: a newer version follows' }) stale: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why it went stale; null while current' }) staleReason: string | null;
  @ApiProperty({ format: 'date-time', example: '2025-01-10T02:00:00.000Z' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-01-10T02:00:04.000Z' }) producedAt: string | null;
  @ApiProperty({ type: [LkjFileDto], description: 'Empty while pending' }) files: LkjFileDto[];
  @ApiProperty({ type: [String], description: 'Saran BAB IV the Sekretaris gave (empty: composed from the figures)' }) suggestions: string[];
  @ApiProperty({ type: LkjSignatureDto }) signature: LkjSignatureDto;
}

@ApiSchema({ description: 'Why the versions not produced yet wait: open integrity alerts of the office\'s chain.' })
export class LkjBlockedDto {
  @ApiProperty({ enum: ['LKJ.INTEGRITY_DAMAGED'], example: 'LKJ.INTEGRITY_DAMAGED' }) code: string;
  @ApiProperty({ example: 'LKj versi 2 tertahan: rantai jejak audit satker rusak (peringatan #3). Inspektorat menutup peringatan itu setelah rantai dipulihkan.' }) message: string;
  @ApiProperty({ type: 'integer', isArray: true, example: [3], description: 'The alerts the Inspektorat must close' }) alertIds: number[];
  @ApiProperty({ type: 'integer', isArray: true, example: [2], description: 'The versions held, ascending' }) versions: number[];
}

@ApiSchema({ description: 'Why versions not produced yet are late: their job failed its attempts and the worker retries it by itself.' })
export class LkjRetryingDto {
  @ApiProperty({ enum: ['LKJ.PRODUCTION_RETRYING'], example: 'LKJ.PRODUCTION_RETRYING' }) code: string;
  @ApiProperty({
    example: 'LKj 2024 versi 7 belum berhasil dibuat: 3 kali percobaan pembuatannya gagal karena gangguan di server. Kinerja mencobanya lagi secara otomatis; tidak perlu meminta ulang. Bila tetap belum dibuat, hubungi administrator sistem.',
  })
  message: string;
  @ApiProperty({ type: 'integer', isArray: true, example: [7], description: 'The versions whose job failed, ascending' }) versions: number[];
  @ApiProperty({ type: 'integer', minimum: 1, example: 3, description: 'Their failed attempts together, every retry included' }) failedAttempts: number;
  @ApiProperty({ format: 'date-time', example: '2025-01-10T02:00:15.000Z', description: 'The last failure among them' }) lastFailedAt: string;
  @ApiProperty({
    type: String, format: 'date-time', nullable: true, example: '2025-01-10T02:01:15.000Z',
    description: 'When the worker runs one of them again, the earliest (in the past: it is being run again now)',
  })
  retryAt: string | null;
}

@ApiSchema({ description: 'The year\'s LKj at a glance, with every version.' })
export class LkjOverviewDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ enum: ['none', 'draft', 'pending', 'produced', 'stale'], example: 'produced' }) status: string;
  @ApiProperty({ example: true, description: 'Every monthly report of the year is approved' }) yearComplete: boolean;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) latestFinalVersion: number | null;
  @ApiProperty({ example: false }) awaitingSignature: boolean;
  @ApiProperty({ type: LkjBlockedDto, nullable: true }) blocked: LkjBlockedDto | null;
  @ApiProperty({ type: LkjRetryingDto, nullable: true, description: 'Null unless a version not produced had its job fail and nothing holds it (`blocked`)' })
  retrying: LkjRetryingDto | null;
  @ApiProperty({ type: [LkjVersionDto], description: 'Oldest first' }) versions: LkjVersionDto[];
}
