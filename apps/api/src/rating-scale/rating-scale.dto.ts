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

/** The scale an office rates with (RatingScaleView in @kinerja/workflow), field for field; for documentation only. */
export class RatingScaleDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({
    type: 'integer', minimum: 0, example: 1,
    description: '0 for the default (Tabel 3.1 of the reference), 1, 2 … for the office\'s own versions; the ETag, for If-Match',
  })
  version: number;
  @ApiProperty({ example: 'skala-2025', description: 'What a Tabel 3.2 names as its `ratingScaleVersion`' }) label: string;
  @ApiProperty({ type: [RatingRowDto], description: 'From the highest down' }) rows: RatingRowDto[];
  @ApiProperty({ enum: ['DEFAULT', 'OFFICE'], example: 'OFFICE', description: 'DEFAULT: Tabel 3.1 as the reference gives it; OFFICE: set by the office\'s ADMIN' }) source: string;
  @ApiProperty({ type: String, nullable: true, example: 'Keputusan rapat pimpinan tentang skala penilaian 2025' }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, example: '5b0e3c1a-2f4d-4e6a-9c8b-7d1e2f3a4b5c', description: 'User id of the ADMIN who set it; null for the default' }) setBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-01-06T02:00:00.000Z' }) setAt: string | null;
}

export class RatingScaleHistoryDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ type: [RatingScaleDto], description: 'The office\'s own versions, oldest first; empty while it rates with the default' }) versions: RatingScaleDto[];
}
