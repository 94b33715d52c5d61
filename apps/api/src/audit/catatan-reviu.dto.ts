import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { validationFailed } from '@kinerja/domain';
import type { CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { INT4_MAX } from '../http/integer-bounds';
import { IsFreeText } from '../http/free-text.validator';
import { SatkerParams } from './audit.dto';

export class NoteParams extends SatkerParams {
  @ApiProperty({ format: 'uuid' }) @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) noteId: string;
}

export class CatatanReviuTargetDto {
  @ApiProperty({ enum: ['INDICATOR', 'MONTH', 'REPORT', 'YEAR'] }) @IsIn(['INDICATOR', 'MONTH', 'REPORT', 'YEAR']) kind: CatatanReviuTarget['kind'];
  @ApiProperty({ type: 'integer', example: 2024, minimum: 2000, maximum: 2100 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({
    type: 'integer', example: 3, minimum: 1, maximum: 12, nullable: true,
    description: 'Wajib untuk MONTH dan REPORT; pilihan untuk INDICATOR; tidak dipakai (ditolak) untuk YEAR',
  })
  @ValidateIf((o: CatatanReviuTargetDto) => o.kind === 'MONTH' || o.kind === 'REPORT' || (o.month !== undefined && o.month !== null))
  @IsInt() @Min(1) @Max(12) month?: number | null;
  @ApiPropertyOptional({ example: 'KUL', description: 'Wajib untuk REPORT; ditolak untuk jenis lain' })
  @ValidateIf((o: CatatanReviuTargetDto) => o.kind === 'REPORT') @IsString() @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/) subbagian?: string;
  @ApiPropertyOptional({ example: 'K4.1', description: 'Wajib untuk INDICATOR; ditolak untuk jenis lain' })
  @ValidateIf((o: CatatanReviuTargetDto) => o.kind === 'INDICATOR') @IsString() @MaxLength(64) indicatorCode?: string;
}

export class WriteCatatanReviuBody {
  @ApiProperty({ enum: ['CATATAN', 'TEMUAN'] }) @IsIn(['CATATAN', 'TEMUAN']) category: 'CATATAN' | 'TEMUAN';
  // A list is no target (`[]` would otherwise reach the domain as an empty one): 400 "harus berupa objek".
  @ApiProperty({ type: CatatanReviuTargetDto }) @IsObject() @ValidateNested() @Type(() => CatatanReviuTargetDto) target: CatatanReviuTargetDto;
  @ApiProperty({ example: 'Bukti dukung Maret tidak lengkap' }) @IsString() @MaxLength(200) @IsFreeText({ multiline: false }) title: string;
  @ApiProperty({ example: 'Daftar hadir kegiatan tidak dilampirkan.' }) @IsString() @MaxLength(10000) @IsFreeText({ multiline: true }) description: string;
  @ApiProperty({ example: 'Lampirkan daftar hadir yang ditandatangani.' }) @IsString() @MaxLength(5000) @IsFreeText({ multiline: true }) recommendation: string;
}

export class TindakLanjutBody {
  @ApiProperty({ example: 'Daftar hadir sudah diunggah sebagai bukti dukung.' }) @IsString() @MaxLength(10000) @IsFreeText({ multiline: true }) response: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: INT4_MAX }) @IsOptional() @IsInt() @Min(0) @Max(INT4_MAX) expectedVersion?: number;
}

export class CloseCatatanReviuBody {
  @ApiPropertyOptional({ example: 'Tindak lanjut memadai.' }) @IsOptional() @IsString() @MaxLength(5000) @IsFreeText({ multiline: true }) conclusion?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: INT4_MAX }) @IsOptional() @IsInt() @Min(0) @Max(INT4_MAX) expectedVersion?: number;
}

export class ReopenCatatanReviuBody {
  @ApiProperty({ example: 'Daftar hadir belum ditandatangani.' }) @IsString() @MaxLength(5000) @IsFreeText({ multiline: true }) reason: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: INT4_MAX }) @IsOptional() @IsInt() @Min(0) @Max(INT4_MAX) expectedVersion?: number;
}

export class CatatanReviuListQuery {
  @ApiPropertyOptional({ example: 2024 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: ['OPEN', 'ANSWERED', 'CLOSED'] }) @IsOptional() @IsIn(['OPEN', 'ANSWERED', 'CLOSED']) status?: string;
  @ApiPropertyOptional({ enum: ['CATATAN', 'TEMUAN'] }) @IsOptional() @IsIn(['CATATAN', 'TEMUAN']) category?: string;
}

/** The fields of a target each kind takes; any other one sent is refused rather than dropped unseen. */
const TARGET_FIELDS: Record<CatatanReviuTarget['kind'], ReadonlyArray<'month' | 'subbagian' | 'indicatorCode'>> = {
  YEAR: [],
  MONTH: ['month'],
  REPORT: ['month', 'subbagian'],
  INDICATOR: ['month', 'indicatorCode'],
};

/**
 * The target as the domain takes it. A field its kind does not take (a month on a YEAR note, a
 * subbagian on an INDICATOR one) is refused with 400 VALIDATION.FAILED naming it: the Inspektorat
 * meant something by it, and the note would silently be about something wider.
 */
export function targetOf(dto: CatatanReviuTargetDto): CatatanReviuTarget {
  const foreign = (['month', 'subbagian', 'indicatorCode'] as const)
    .filter((field) => dto[field] !== undefined && dto[field] !== null && !TARGET_FIELDS[dto.kind].includes(field));
  if (foreign.length > 0) {
    const fields = foreign.map((field) => ({
      field: `target.${field}`, constraint: 'notForKind', message: `tidak dipakai untuk sasaran ${dto.kind}; hapus isian ini atau pilih jenis sasaran yang memakainya`,
    }));
    throw validationFailed(fields);
  }
  switch (dto.kind) {
    case 'YEAR':
      return { kind: 'YEAR', year: dto.year };
    case 'MONTH':
      return { kind: 'MONTH', year: dto.year, month: dto.month as number };
    case 'REPORT':
      return { kind: 'REPORT', year: dto.year, month: dto.month as number, subbagian: dto.subbagian as string };
    default:
      return { kind: 'INDICATOR', year: dto.year, indicatorCode: dto.indicatorCode as string, month: dto.month ?? null };
  }
}
