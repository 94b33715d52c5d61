import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SUBBAGIAN_CODE_PATTERN } from '@kinerja/identity';
import { INT4_MAX } from '../http/integer-bounds';
import { IsOptionalButNotNull } from '../http/optional-but-not-null.validator';
import { IsNotBlank } from '../http/not-blank.validator';
import { HasNoHiddenCharacters, HasNoStackedMarks } from '../http/readable-name.validator';
import { AdminReason } from './admin-reason';

export class CreateSubbagianDto {
  @ApiProperty({ example: 'PDI', pattern: SUBBAGIAN_CODE_PATTERN.source })
  @Matches(SUBBAGIAN_CODE_PATTERN, { message: 'kode subbagian: huruf besar, angka, "_" atau "-", paling banyak 32' })
  code: string;

  @ApiProperty({ example: 'Sub. Bagian Perencanaan, Data dan Informasi' })
  @IsString()
  @MinLength(2)
  @IsNotBlank()
  @HasNoHiddenCharacters()
  @HasNoStackedMarks()
  @MaxLength(200)
  name: string;

  @AdminReason('Struktur organisasi baru menurut peraturan Sekretaris Jenderal', false)
  reason?: string | null;
}

export class UpdateSubbagianDto {
  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(2)
  @IsNotBlank()
  @HasNoHiddenCharacters()
  @HasNoStackedMarks()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'false deactivates the subbagian; nothing is deleted' })
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Refuse the change (409) unless the subbagian is still at this version', minimum: 1, maximum: INT4_MAX })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  expectedVersion?: number;

  @AdminReason('Penataan organisasi sekretariat per 1 Januari 2027')
  reason?: string;
}

export class SubbagianDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satkerCode: string;
  @ApiProperty({ example: 'PDI' }) code: string;
  @ApiProperty({ example: 'Sub. Bagian Perencanaan, Data dan Informasi' }) name: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
