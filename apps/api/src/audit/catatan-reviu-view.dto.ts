// The answers of the catatan reviu routes (CatatanReviuView in @kinerja/workflow, the list's rows in
// catatan-reviu-list.projection.ts), field for field. For documentation only.
import { CATATAN_REVIU_CATEGORIES } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { PersonRefDto } from '../http/person-ref.dto';

const YEAR = { type: 'integer', minimum: 2000, maximum: 2100, example: 2024 } as const;
const MONTH = { type: 'integer', minimum: 1, maximum: 12, example: 3 } as const;

@ApiSchema({ description: 'A note on one indicator, for the year or (with `month`) one month.' })
export class IndicatorNoteTargetDto {
  @ApiProperty({ enum: ['INDICATOR'] }) kind: 'INDICATOR';
  @ApiProperty(YEAR) year: number;
  @ApiProperty({ example: 'K4.1' }) indicatorCode: string;
  @ApiProperty({ ...MONTH, nullable: true, description: 'null: the whole year' }) month: number | null;
}

@ApiSchema({ description: 'A note on one month of the office.' })
export class MonthNoteTargetDto {
  @ApiProperty({ enum: ['MONTH'] }) kind: 'MONTH';
  @ApiProperty(YEAR) year: number;
  @ApiProperty(MONTH) month: number;
}

@ApiSchema({ description: 'A note on one monthly report.' })
export class ReportNoteTargetDto {
  @ApiProperty({ enum: ['REPORT'] }) kind: 'REPORT';
  @ApiProperty(YEAR) year: number;
  @ApiProperty(MONTH) month: number;
  @ApiProperty({ example: 'KUL' }) subbagian: string;
}

@ApiSchema({ description: 'A note on the whole year.' })
export class YearNoteTargetDto {
  @ApiProperty({ enum: ['YEAR'] }) kind: 'YEAR';
  @ApiProperty(YEAR) year: number;
}

const TARGETS = { INDICATOR: IndicatorNoteTargetDto, MONTH: MonthNoteTargetDto, REPORT: ReportNoteTargetDto, YEAR: YearNoteTargetDto };

/** What a note is about, by `kind`. */
const TARGET = {
  oneOf: Object.values(TARGETS).map((dto) => ({ $ref: getSchemaPath(dto) })),
  discriminator: { propertyName: 'kind', mapping: Object.fromEntries(Object.entries(TARGETS).map(([kind, dto]) => [kind, getSchemaPath(dto)])) },
};

const CATEGORY = { enum: [...CATATAN_REVIU_CATEGORIES], example: 'TEMUAN', description: 'A TEMUAN must be followed up before it is closed' } as const;
const STATUS = { enum: ['OPEN', 'ANSWERED', 'CLOSED'], example: 'ANSWERED' } as const;

class TindakLanjutDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) number: number;
  @ApiProperty({ example: 'Daftar hadir sudah diunggah sebagai bukti dukung.' }) response: string;
  @ApiProperty({ example: '0b6f1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d', description: 'User id of the Sekretaris' }) submittedBy: string;
  @ApiProperty({ type: PersonRefDto }) submittedByUser: PersonRefDto;
  @ApiProperty({ format: 'date-time', example: '2024-04-10T03:00:00.000Z' }) submittedAt: string;
}

@ApiExtraModels(...Object.values(TARGETS))
@ApiSchema({ description: 'A catatan reviu or temuan with every tindak lanjut.' })
export class CatatanReviuDto {
  @ApiProperty({ format: 'uuid' }) noteId: string;
  @ApiProperty({ example: 'kpu-kab-jember', description: 'The office reviewed' }) satker: string;
  @ApiProperty(CATEGORY) category: string;
  @ApiProperty(STATUS) status: string;
  @ApiProperty(TARGET) target: object;
  @ApiProperty({ example: 'Bukti dukung Maret tidak lengkap' }) title: string;
  @ApiProperty({ example: 'Daftar hadir kegiatan tidak dilampirkan.' }) description: string;
  @ApiProperty({ example: 'Lampirkan daftar hadir yang ditandatangani.' }) recommendation: string;
  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'User id of the Inspektorat who wrote it' }) writtenBy: string;
  @ApiProperty({ type: PersonRefDto, description: 'The author; `satker` is the office whose Inspektorat (or one above it) may close the note' }) writtenByUser: PersonRefDto;
  @ApiProperty({ format: 'date-time', example: '2024-04-02T03:00:00.000Z' }) writtenAt: string;
  @ApiProperty({ type: [TindakLanjutDto], description: 'Oldest first' }) tindakLanjut: TindakLanjutDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The Inspektorat\'s conclusion when closed' }) conclusion: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: 'Stream version (the ETag): for If-Match or `expectedVersion`' }) version: number;
}

class CatatanReviuListItemDto {
  @ApiProperty({ format: 'uuid' }) noteId: string;
  @ApiProperty(CATEGORY) category: string;
  @ApiProperty(STATUS) status: string;
  @ApiProperty(TARGET) target: object;
  @ApiProperty({ example: 'Bukti dukung Maret tidak lengkap' }) title: string;
  @ApiProperty({ example: 'Lampirkan daftar hadir yang ditandatangani.' }) recommendation: string;
  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) writtenBy: string;
  @ApiProperty({ type: PersonRefDto }) writtenByUser: PersonRefDto;
  @ApiProperty({ format: 'date-time', example: '2024-04-02T03:00:00.000Z' }) writtenAt: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1 }) tindakLanjutCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) closedAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, example: 2 }) version: number;
}

@ApiSchema({ description: 'The notes of an office, newest first (at most 1,000).' })
export class CatatanReviuListDto {
  @ApiProperty({ type: [CatatanReviuListItemDto] }) items: CatatanReviuListItemDto[];
}
