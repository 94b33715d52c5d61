import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';
import { TWO_PLACES_TEXT } from '../http/decimal-text.schema';

export class CapaianEntryDto {
  @ApiProperty({ example: 'K4.1', description: 'Kode indikator pada PK tahun ini, atau nama lengkapnya' })
  @IsString() @MaxLength(500) indicator: string;
  @ApiProperty({ example: '100', description: 'Capaian tahun lalu dalam persen (desimal dengan titik atau koma; 0–1000)' })
  @IsString() @MaxLength(20) capaian: string;
}

/** Body of `PUT …/capaian-tahun-lalu/{year}`. */
export class CapaianImportBody {
  @ApiProperty({ type: [CapaianEntryDto] })
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CapaianEntryDto)
  entries: CapaianEntryDto[];
}

export class CapaianTahunLaluEntryDto {
  @ApiProperty({ example: 'K4.1', description: 'Kode indikator pada PK tahun `forYear`' }) indicatorCode: string;
  @ApiProperty({ ...TWO_PLACES_TEXT, example: '100.00', description: 'Capaian dalam persen, dua angka di belakang titik' }) capaian: string;
}

/** Last year's capaian as imported (CapaianTahunLaluView in @kinerja/jobs), field for field; for documentation only. */
export class CapaianTahunLaluDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: 'integer', example: 2024, description: 'The year whose LKj shows these figures beside its own' }) forYear: number;
  @ApiProperty({ type: 'integer', example: 2023, description: 'The year the figures are from (`forYear` − 1)' }) year: number;
  @ApiProperty({ type: [CapaianTahunLaluEntryDto], description: 'Empty before any import' }) entries: CapaianTahunLaluEntryDto[];
}

export const CAPAIAN_VIEW_EXAMPLE = {
  satker: 'kpu-kab-jember', forYear: 2024, year: 2023,
  entries: [{ indicatorCode: 'K1.1', capaian: '100.00' }, { indicatorCode: 'K4.1', capaian: '100.00' }],
};
