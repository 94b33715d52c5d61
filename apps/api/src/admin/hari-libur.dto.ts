import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { HARI_LIBUR_KINDS, type HariLiburKind } from '@kinerja/domain';
import { IsCalendarDate } from '../http/calendar-date.validator';
import { AdminReason } from './admin-reason';
import { VersionedBody } from '../perjanjian-kinerja/pk.dto';
import { YearOnlyParams } from '../realisasi/realisasi.dto';

export { YearOnlyParams as HariLiburParams };

/** One day of the SKB 3 Menteri. Year, duplicates, a blank name and hidden characters are the domain's (422). */
export class HariLiburDto {
  @ApiProperty({ example: '2026-08-17', description: 'YYYY-MM-DD, tanggal tahun {year} (selain itu: 422 HARI_LIBUR.DATE_OUTSIDE_YEAR); setiap tanggal satu kali (422 HARI_LIBUR.DUPLICATE_DATE).' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({
    example: 'Hari Proklamasi Kemerdekaan RI',
    maxLength: 200,
    description: 'Keterangan seperti pada SKB; wajib berisi karakter yang terlihat (422 HARI_LIBUR.NAME_REQUIRED); karakter tak terlihat, tab dan baris baru '
      + 'ditolak (422 HARI_LIBUR.HIDDEN_CHARACTERS), tanda diakritik bertumpuk juga (422 HARI_LIBUR.STACKED_MARKS); disimpan dalam NFKC dengan spasi tunggal.',
  })
  @IsString() @MaxLength(200)
  name: string;

  @ApiProperty({ enum: HARI_LIBUR_KINDS, example: 'LIBUR_NASIONAL', description: 'LIBUR_NASIONAL (hari libur nasional) atau CUTI_BERSAMA; keduanya bukan hari kerja.' })
  @IsIn(HARI_LIBUR_KINDS)
  kind: HariLiburKind;
}

/** Body of `PUT hari-libur/{year}`: the year's whole list, in any order. */
export class HariLiburBody extends VersionedBody {
  @ApiProperty({ type: [HariLiburDto], description: 'Seluruh daftar tahun itu, menggantikan daftar sebelumnya; daftar kosong mengosongkan tahun itu.' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => HariLiburDto)
  holidays: HariLiburDto[];

  @AdminReason('Revisi SKB 3 Menteri: cuti bersama Idul Fitri digeser', false)
  reason?: string | null;
}

class RecordedByDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ nullable: true, type: String, example: 'Administrator KPU RI' }) fullName: string | null;
}

class HariLiburEntryDto extends HariLiburDto {
  @ApiProperty({ type: RecordedByDto, description: 'Yang mencatat tanggal ini dengan nama dan jenis ini' }) recordedBy: RecordedByDto;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class HariLiburYearDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 1, description: 'Banyaknya daftar yang pernah ditetapkan untuk tahun ini (0: belum pernah); juga header ETag, untuk If-Match.' }) version: number;
  @ApiProperty({ type: [HariLiburEntryDto], description: 'Urut tanggal' }) holidays: HariLiburEntryDto[];
  @ApiPropertyOptional({ type: RecordedByDto, nullable: true, description: 'Yang terakhir mengubah daftar tahun ini' }) changedBy: RecordedByDto | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) changedAt: string | null;
}

class HariLiburChangeDto {
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ type: [HariLiburDto] }) holidays: HariLiburDto[];
  @ApiProperty({ type: RecordedByDto }) changedBy: RecordedByDto;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class HariLiburHistoryDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [HariLiburChangeDto], description: 'Setiap daftar yang pernah ditetapkan, terlama dahulu' }) versions: HariLiburChangeDto[];
}
