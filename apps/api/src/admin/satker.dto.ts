import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NEW_SATKER_CODE_MESSAGE, NEW_SATKER_CODE_PATTERN, SATKER_CODE_PATTERN, TIME_ZONES } from '@kinerja/identity';
import type { TimeZone } from '@kinerja/identity';
import { INT4_MAX } from '../http/integer-bounds';
import { IsOptionalButNotNull } from '../http/optional-but-not-null.validator';
import { IsNotBlank } from '../http/not-blank.validator';
import { HasNoHiddenCharacters, HasNoStackedMarks } from '../http/readable-name.validator';
import { AdminReason } from './admin-reason';

export class CreateSatkerDto {
  @ApiProperty({
    example: 'kpu-kab-jember', pattern: NEW_SATKER_CODE_PATTERN.source,
    description: 'Diawali dan diakhiri huruf atau angka, dengan paling sedikit satu huruf ("--", "-kpu-" atau "00" ditolak, 400)',
  })
  @Matches(NEW_SATKER_CODE_PATTERN, { message: NEW_SATKER_CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Sekretariat KPU Kabupaten Jember' })
  @IsString()
  @MinLength(3)
  @IsNotBlank()
  @HasNoHiddenCharacters()
  @HasNoStackedMarks()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'kpu-prov-jawa-timur', description: 'The parent office; it must be in your scope' })
  @Matches(SATKER_CODE_PATTERN, { message: 'kode satker induk: 2–64 huruf kecil, angka atau "-"' })
  parentCode: string;

  @ApiPropertyOptional({ enum: TIME_ZONES, description: "The office's time zone; when left out, its parent's (Asia/Jakarta at the root)" })
  @IsOptional()
  @IsIn(TIME_ZONES)
  timeZone?: TimeZone;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, description: "Day of month M+1 by which realisasi of M is due; when left out, its parent's (5 at the root)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  reportDeadlineDay?: number;

  @ApiPropertyOptional({
    example: false,
    description: 'true: each final LKj of the office waits for the Ketua\'s signature (POST …/lkj/{year}/versions/{version}/sign); '
      + 'false or left out (the default, not taken from the parent): no signature step. Changed later with PATCH satker/{code}',
  })
  @IsOptionalButNotNull()
  @IsBoolean()
  ketuaSignsLkj?: boolean;

  @AdminReason('Pembentukan satker baru menurut keputusan KPU', false)
  reason?: string | null;
}

export class UpdateSatkerDto {
  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(3)
  @IsNotBlank()
  @HasNoHiddenCharacters()
  @HasNoStackedMarks()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: TIME_ZONES })
  @IsOptionalButNotNull()
  @IsIn(TIME_ZONES)
  timeZone?: TimeZone;

  @ApiPropertyOptional({ minimum: 1, maximum: 28 })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(1)
  @Max(28)
  reportDeadlineDay?: number;

  @ApiPropertyOptional({
    description: 'true: each final LKj produced from then on waits for the Ketua\'s signature (POST …/lkj/{year}/versions/{version}/sign); '
      + 'false (the default): no signature step. Versions already produced keep what was required when they were produced',
  })
  @IsOptionalButNotNull()
  @IsBoolean()
  ketuaSignsLkj?: boolean;

  @ApiPropertyOptional({
    example: 'kpu-prov-papua-selatan',
    description: 'Moves the office under another parent in your scope (a regional reorganisation); its users, data and history go with it',
  })
  @IsOptionalButNotNull()
  @IsString()
  @Matches(SATKER_CODE_PATTERN)
  parentCode?: string;

  @ApiPropertyOptional({ description: 'false deactivates the office (its users can no longer sign in); nothing is deleted' })
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Refuse the change (409) unless the office is still at this version', minimum: 1, maximum: INT4_MAX })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  expectedVersion?: number;

  @AdminReason('Surat edaran Sekretaris Jenderal tentang batas waktu laporan bulanan')
  reason?: string;
}

export class SatkerDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) code: string;
  @ApiProperty({ example: 'Sekretariat KPU Kabupaten Jember' }) name: string;
  @ApiProperty({ example: 'kpu-prov-jawa-timur', nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ enum: TIME_ZONES }) timeZone: TimeZone;
  @ApiProperty({ example: 5 }) reportDeadlineDay: number;
  @ApiProperty({ example: false, description: 'Each final LKj waits for the Ketua\'s signature (off by default)' }) ketuaSignsLkj: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
