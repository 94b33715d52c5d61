// The answers about one monthly report (RealisasiDetailView, RealisasiHistoryView in @kinerja/workflow),
// field for field. For documentation only: the handlers answer the views as they are.
import { ApiExtraModels, ApiProperty, ApiSchema, IntersectionType } from '@nestjs/swagger';
import { AUDIT_EVENT_TYPES } from '@kinerja/projections/audit-trail/audit-trail.query';
import { DECIMAL_TEXT } from '../http/decimal-text.schema';
import { LastReturnDto } from '../perjanjian-kinerja/pk-view.dto';
import { BudgetLineDto, RealisasiLineDto, RealisasiValueWarningDto, RealisasiWarningDto, RealisasiWarningsFieldsDto } from './realisasi.dto';
import { RealisasiDeadlineFieldsDto } from './realisasi-read-models.dto';

const NULLABLE_TEXT = { type: String, nullable: true } as const;
const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;

/** The lines and budget of a report, as the body of `PUT realisasi/…` gives them. */
export class RealisasiContentDto {
  @ApiProperty({ type: [RealisasiLineDto] }) lines: RealisasiLineDto[];
  @ApiProperty({ type: [BudgetLineDto] }) budget: BudgetLineDto[];
}

@ApiSchema({ description: 'The figures approved last: they count in Tabel 3.2 even while a correction is drafted.' })
export class ApprovedRealisasiDto extends RealisasiContentDto {
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) revision: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The PK version the approved figures were written against' }) pkVersion: number;
  @ApiProperty({ example: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) approvedBy: string;
  @ApiProperty({ format: 'date-time', example: '2024-02-03T04:00:00.000Z' }) approvedAt: string;
}

/** What a report is: its key, version, status and content (RealisasiView without `warnings`). */
class RealisasiStateFieldsDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 1 }) month: number;
  @ApiProperty({ example: 'KUL' }) subbagian: string;
  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: 'Stream version (the ETag): send it back in If-Match or `expectedVersion`' }) version: number;
  @ApiProperty({ enum: ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'], example: 'SUBMITTED' }) status: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: '0 for the first report, +1 for each correction opened after approval' }) revision: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The PK version the report is written against' }) pkVersion: number;
  @ApiProperty({ type: RealisasiContentDto, description: 'As last saved (the draft of a correction while one is open)' }) content: RealisasiContentDto;
  @ApiProperty({ ...NULLABLE_TEXT, example: '3a1e5f0c-1b2d-4c3e-9f4a-5b6c7d8e9f00', description: 'User id of the last submission; null before the first' })
  submittedBy: string | null;
  @ApiProperty({ ...NULLABLE_INSTANT, example: '2024-02-02T03:00:00.000Z' }) submittedAt: string | null;
  @ApiProperty({ type: LastReturnDto, nullable: true }) lastReturn: LastReturnDto | null;
  @ApiProperty({ type: ApprovedRealisasiDto, nullable: true, description: 'null until first approved' }) approved: ApprovedRealisasiDto | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: null, description: 'Why the open correction was opened; null when none is' }) revisionReason: string | null;
}

// The warnings' schemas, which RealisasiWarningsFieldsDto names by reference (an intersection does not bring them along).
@ApiExtraModels(RealisasiWarningDto, RealisasiValueWarningDto)
@ApiSchema({
  description: 'A monthly report as GET reads it and every command on it answers: its state and content, `warnings`, its deadline and timeliness.',
})
export class RealisasiDetailDto extends IntersectionType(RealisasiStateFieldsDto, RealisasiWarningsFieldsDto, RealisasiDeadlineFieldsDto) {}

class HistoryPersonDto {
  @ApiProperty({ example: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'sekretaris' }) username: string | null;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'Sekretaris KPU Kabupaten Jember' }) fullName: string | null;
  @ApiProperty({ example: 'SEKRETARIS', description: 'The role recorded with the event' }) role: string;
}

class ValueChangeDto {
  @ApiProperty({ example: 'K4.1' }) indicatorCode: string;
  @ApiProperty({ ...DECIMAL_TEXT, nullable: true, example: null, description: 'null: not reported (blank), never 0' }) before: string | null;
  @ApiProperty({ ...DECIMAL_TEXT, nullable: true, example: '1' }) after: string | null;
}

class BudgetChangeDto {
  @ApiProperty({ example: 'K4' }) kegiatanCode: string;
  @ApiProperty({ ...DECIMAL_TEXT, nullable: true, example: null }) before: string | null;
  @ApiProperty({ ...DECIMAL_TEXT, nullable: true, example: '125000000' }) after: string | null;
}

class RealisasiHistoryEntryDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 3, description: 'Place of the event in the report\'s stream' }) version: number;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES.filter((type) => type.startsWith('Realisasi')), example: 'RealisasiReturned' }) type: string;
  @ApiProperty({ format: 'date-time', example: '2024-02-03T04:00:00.000Z', description: 'When the command was given' }) at: string;
  @ApiProperty({ format: 'date-time', example: '2024-02-03T04:00:00.120Z', description: 'When the database recorded it' }) recordedAt: string;
  @ApiProperty({ type: HistoryPersonDto }) by: HistoryPersonDto;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) revision: number;
  @ApiProperty({ example: 'Laporan dikembalikan untuk diperbaiki', description: 'What happened, in Bahasa Indonesia' }) description: string;
  @ApiProperty({ ...NULLABLE_TEXT, example: 'Bukti SPJ belum dilampirkan.' }) reason: string | null;
  @ApiProperty({ type: [ValueChangeDto] }) valueChanges: ValueChangeDto[];
  @ApiProperty({ type: [BudgetChangeDto] }) budgetChanges: BudgetChangeDto[];
  @ApiProperty({ type: [String], description: 'Texts or evidence changed by a save, in words', example: ['uraian indikator K4.1 diubah'] }) otherChanges: string[];
}

@ApiSchema({ description: 'Every event of one monthly report in words: who, when, what, the values before and after.' })
export class RealisasiHistoryDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 1 }) month: number;
  @ApiProperty({ example: 'KUL' }) subbagian: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 4 }) version: number;
  @ApiProperty({ type: [RealisasiHistoryEntryDto], description: 'Oldest first' }) entries: RealisasiHistoryEntryDto[];
}
