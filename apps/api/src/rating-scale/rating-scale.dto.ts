import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsFreeText } from '../http/free-text.validator';
import { VersionedBody } from '../perjanjian-kinerja/pk.dto';

/**
 * One row of Tabel 3.1: minExclusive < capaian ≤ maxInclusive. Bounds and categories are checked by
 * the domain (422): a bound is a decimal as every figure is typed, stored without trailing zeros.
 */
export class RatingRowDto {
  @ApiProperty({ example: '90', nullable: true, type: String, description: 'Angka desimal sebagai teks (batas bawah, tidak termasuk), tanpa nol di depan; disimpan tanpa nol di belakang ("85.0" menjadi "85"); null = tanpa batas bawah (baris terakhir).' })
  @ValidateIf((o: RatingRowDto) => o.minExclusive !== null) @IsString() @MaxLength(32)
  minExclusive: string | null;

  @ApiProperty({ example: '100', nullable: true, type: String, description: 'Angka desimal sebagai teks (batas atas, termasuk), tanpa nol di depan; disimpan tanpa nol di belakang ("100.00" menjadi "100"); null = tanpa batas atas (baris pertama).' })
  @ValidateIf((o: RatingRowDto) => o.maxInclusive !== null) @IsString() @MaxLength(32)
  maxInclusive: string | null;

  @ApiProperty({
    example: 'Berhasil',
    description: 'Berbeda dari kategori baris lain, tanpa membedakan huruf besar/kecil, spasi, aksen, huruf lebar penuh dan huruf aksara lain yang menyerupai huruf Latin '
      + '(422 RATING_SCALE.DUPLICATE_CATEGORY); karakter tak terlihat ditolak (422 RATING_SCALE.HIDDEN_CHARACTERS), tanda diakritik bertumpuk juga (422 RATING_SCALE.STACKED_MARKS); disimpan dalam NFKC dengan spasi tunggal.',
  }) @IsString() @MaxLength(100) category: string;
  @ApiProperty({ example: 'Kegiatan yang dilaksanakan telah mencapai target indikator kinerja' }) @IsString() @MaxLength(1000) meaning: string;
}

/** Body of `PUT satker/{satker}/rating-scale`: the whole scale, rows from the highest down. */
export class RatingScaleBody extends VersionedBody {
  @ApiProperty({ example: 'skala-2025', description: 'Nama versi; Tabel 3.2 menyebutnya sebagai `ratingScaleVersion`.' })
  @IsString() @MaxLength(64)
  label: string;

  @ApiProperty({ type: [RatingRowDto], description: 'Dari nilai tertinggi ke terendah, bersambung tanpa celah atau tumpang tindih; paling sedikit dua baris (kosong atau satu baris saja: 422 RATING_SCALE.TOO_FEW_ROWS).' })
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RatingRowDto)
  rows: RatingRowDto[];

  @ApiPropertyOptional({ example: 'Keputusan rapat pimpinan tentang skala penilaian 2025' })
  @IsOptional() @IsString() @MaxLength(1000) @IsFreeText({ multiline: true })
  reason?: string;
}
