import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { INT4_MAX } from '../http/integer-bounds';
import { IsFreeText } from '../http/free-text.validator';
import { RUPIAH_INPUT } from '../http/decimal-text.schema';

/** Optional in the body of every command; `If-Match` does the same. */
export class VersionedBody {
  @ApiPropertyOptional({ example: 3, minimum: 0, maximum: INT4_MAX, description: 'Versi yang terakhir Anda lihat; versi usang → 409.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  expectedVersion?: number;
}

export class ReasonBody extends VersionedBody {
  @ApiProperty({ example: 'Target indikator K4.1 perlu disesuaikan dengan DIPA revisi.', minLength: 3, maxLength: 2000 })
  @IsString()
  @IsFreeText({ multiline: true })
  reason: string;
}

/** The body of a withdrawal (a correction or a PK Perubahan opened by mistake): the reason is optional. */
export class OptionalReasonBody extends VersionedBody {
  @ApiPropertyOptional({
    type: String, nullable: true, example: 'Dibuka karena salah pilih bulan.', maxLength: 2000,
    description: 'Mengapa dibatalkan, untuk jejak audit. Opsional; bila diisi, 3–2000 karakter yang terlihat (422 REASON_INVALID bila tidak).',
  })
  @IsOptional()
  @IsString()
  @IsFreeText({ multiline: true })
  reason?: string | null;
}

export class IndicatorTargetDto {
  @ApiProperty({ enum: ['SINGLE', 'RANGE'], example: 'SINGLE' })
  @IsIn(['SINGLE', 'RANGE'])
  kind: 'SINGLE' | 'RANGE';

  @ApiPropertyOptional({ example: '12', description: 'Untuk SINGLE: angka desimal sebagai teks.' })
  @ValidateIf((o: IndicatorTargetDto) => o.kind === 'SINGLE')
  @IsString()
  value?: string;

  @ApiPropertyOptional({ example: '7' })
  @ValidateIf((o: IndicatorTargetDto) => o.kind === 'RANGE')
  @IsString()
  min?: string;

  @ApiPropertyOptional({ example: '8' })
  @ValidateIf((o: IndicatorTargetDto) => o.kind === 'RANGE')
  @IsString()
  max?: string;
}

export class PkIndicatorDto {
  @ApiProperty({ example: 'K4.1' }) @IsString() @Length(1, 32) code: string;
  @ApiProperty({ example: 'Layanan Perkantoran' }) @IsString() @Length(1, 500) name: string;
  @ApiProperty({ example: 'Layanan' }) @IsString() @Length(1, 50) unit: string;
  @ApiProperty({ type: IndicatorTargetDto }) @ValidateNested() @Type(() => IndicatorTargetDto) target: IndicatorTargetDto;
  @ApiProperty({ enum: ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'], example: 'HIGHER_IS_BETTER' })
  @IsIn(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'])
  polarity: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  @ApiProperty({ enum: ['INVERSE_DIFFERENCE', 'INVERSE_RATIO'], example: 'INVERSE_DIFFERENCE' })
  @IsIn(['INVERSE_DIFFERENCE', 'INVERSE_RATIO'])
  lowerIsBetterFormula: 'INVERSE_DIFFERENCE' | 'INVERSE_RATIO';
  @ApiProperty({ enum: ['SUM', 'LAST', 'AVERAGE', 'MAX'], example: 'SUM' })
  @IsIn(['SUM', 'LAST', 'AVERAGE', 'MAX'])
  aggregation: 'SUM' | 'LAST' | 'AVERAGE' | 'MAX';
  @ApiProperty({ type: [String], nullable: true, example: ['1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1'], description: 'Rencana aksi: 12 nilai per bulan, atau null.' })
  @ValidateIf((o: PkIndicatorDto) => o.monthlyPlan !== null)
  @IsArray()
  @IsString({ each: true })
  monthlyPlan: string[] | null;
  @ApiProperty({ example: true }) @IsBoolean() evidenceRequired: boolean;
  @ApiProperty({ example: 'KUL' }) @IsString() picSubbagian: string;
  @ApiPropertyOptional({ type: String, example: 'Terwujudnya layanan perkantoran yang prima', nullable: true })
  @IsOptional()
  @IsString()
  sasaran?: string | null;
}

export class PkKegiatanDto {
  @ApiProperty({ example: 'K4' }) @IsString() @Length(1, 32) code: string;
  @ApiProperty({ example: 'Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan di Lingkungan Setjen KPU' })
  @IsString() @Length(1, 500) name: string;
  @ApiProperty({
    ...RUPIAH_INPUT, nullable: true, example: '150000000',
    description: 'Pagu DIPA kegiatan dalam rupiah sebagai teks, lebih dari 0, paling banyak 2 desimal; atau null selama pagunya belum ' +
      'diketahui (belum diisi). Penyerapan anggaran kegiatan dihitung setelah pagunya diisi, dan penyerapan anggaran satker setelah ' +
      'setiap kegiatan memiliki pagu. Selain itu (termasuk "0") ditolak (422 PK.INVALID_PAGU).',
  })
  @ValidateIf((o: PkKegiatanDto) => o.pagu !== null)
  @IsString()
  pagu: string | null;
  @ApiProperty({ type: [PkIndicatorDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PkIndicatorDto)
  indicators: PkIndicatorDto[];
}

export class PkProgramDto {
  @ApiProperty({ example: 'P2' }) @IsString() @Length(1, 32) code: string;
  @ApiProperty({ example: 'Program Dukungan Manajemen' }) @IsString() @Length(1, 500) name: string;
  @ApiProperty({ type: [PkKegiatanDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PkKegiatanDto)
  kegiatan: PkKegiatanDto[];
}

/** Body of `POST pk/{year}` and `PUT pk/{year}/draft`: the whole structure of the PK. */
export class PkStructureBody extends VersionedBody {
  @ApiProperty({ type: [PkProgramDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PkProgramDto)
  programs: PkProgramDto[];
}

export class PkParams {
  @ApiProperty({ example: 'kpu-kab-jember' }) @IsString() satker: string;
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}
