import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';

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

export const CAPAIAN_VIEW_EXAMPLE = {
  satker: 'kpu-kab-jember', forYear: 2024, year: 2023,
  entries: [{ indicatorCode: 'K1.1', capaian: '100.00' }, { indicatorCode: 'K4.1', capaian: '100.00' }],
};
