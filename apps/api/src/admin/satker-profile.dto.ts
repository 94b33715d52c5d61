import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { INSTITUTION_KINDS, SUBBAGIAN_CODE_PATTERN, type InstitutionKind } from '@kinerja/identity';
import { IsFreeText } from '../http/free-text.validator';
import { IsNotBlank } from '../http/not-blank.validator';
import { HasNoStackedMarks } from '../http/readable-name.validator';
import { VersionedBody } from '../perjanjian-kinerja/pk.dto';
import { AdminReason } from './admin-reason';

/** One line a person reads in the LKj: visible, on one line, no hidden characters, at most `max` characters. */
function ProfileText(max: number, each = false): PropertyDecorator {
  const o = { each };
  return applyDecorators(IsString(o), IsNotBlank(o), IsFreeText({ multiline: false }, o), HasNoStackedMarks(o), MaxLength(max, o));
}

/** A list of lines (tasks, functions, duties): up to 50, each up to 1,000 characters. */
function ProfileItems(): PropertyDecorator {
  return applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(50), ProfileText(1000, true));
}

export class SubbagianDutiesDto {
  @ApiProperty({ example: 'PDI', pattern: SUBBAGIAN_CODE_PATTERN.source, description: 'Kode subbagian satker ini (selain itu: 422 SATKER_PROFILE.SUBBAGIAN_NOT_FOUND)' })
  @Matches(SUBBAGIAN_CODE_PATTERN, { message: 'kode subbagian: huruf besar, angka, "_" atau "-", paling banyak 32' })
  code: string;

  @ApiProperty({ type: [String], example: ['Mengumpulkan dan mengolah bahan penyusunan rencana anggaran;'], maxItems: 50 })
  @IsArray() @ArrayMaxSize(50) @ProfileText(1000, true)
  duties: string[];
}

export class StaffRowDto {
  @ApiProperty({ example: 'ASN', maxLength: 50 })
  @ProfileText(50)
  status: string;

  @ApiProperty({ type: [Number], example: [0, 3, 2, 6, 0], description: 'Satu angka untuk setiap jenjang pendidikan, sesuai urutan educationLevels (selain itu: 422 SATKER_PROFILE.STAFF_COUNTS_MISMATCH)' })
  @IsArray() @ArrayMaxSize(20) @IsInt({ each: true }) @Min(0, { each: true }) @Max(100000, { each: true })
  counts: number[];
}

export class StaffTableDto {
  @ApiProperty({ type: [String], example: ['SMP', 'SLTA', 'Diploma', 'Sarjana', 'Magister'], description: 'Kolom Tabel 1.1, urut; setiap jenjang satu kali' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ProfileText(50, true)
  educationLevels: string[];

  @ApiProperty({ type: [StaffRowDto], description: 'Satu baris per status pegawai (ASN, PPNPN, PPPK…); kosong: tabel SDM tidak dicatat' })
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => StaffRowDto)
  rows: StaffRowDto[];
}

/**
 * Body of `PUT satker/{satker}/profile`: the whole profile. A field left out, null or an empty list
 * is not recorded; the LKj then derives it (a KPU office, from its name) or says it is not recorded.
 */
export class SatkerProfileBody extends VersionedBody {
  @ApiPropertyOptional({ enum: INSTITUTION_KINDS, nullable: true, example: 'LAINNYA', description: 'KPU (bawaan) atau LAINNYA: instansi pemerintah lain; LKj instansi lain tidak memuat teks KPU' })
  @IsOptional() @IsIn(INSTITUTION_KINDS)
  institutionKind?: InstitutionKind | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Dinas Kesehatan Kabupaten Kupang', maxLength: 200, description: 'Baris nama instansi pada sampul dan tanda tangan' })
  @IsOptional() @ProfileText(200)
  institutionName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Dinas Kesehatan Kabupaten Kupang', maxLength: 200, description: 'Nama dalam kalimat laporan' })
  @IsOptional() @ProfileText(200)
  shortName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kepala Dinas Kesehatan Kabupaten Kupang', maxLength: 200, description: 'Jabatan pimpinan di atas tanda tangan (dicetak dengan huruf besar); untuk KPU "Ketua"' })
  @IsOptional() @ProfileText(200)
  headTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Oelamasi', maxLength: 100, description: 'Kota tempat LKj ditandatangani' })
  @IsOptional() @ProfileText(100)
  signingPlace?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Jl. Timor Raya, Oelamasi', maxLength: 300 })
  @IsOptional() @ProfileText(300)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kabupaten Kupang, Provinsi Nusa Tenggara Timur', maxLength: 200, description: 'Baris wilayah pada sampul' })
  @IsOptional() @ProfileText(200)
  region?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true, maxItems: 50, description: 'Tugas instansi, satu butir masing-masing (1.3 Tugas Pokok dan Fungsi)' })
  @ProfileItems()
  tasks?: string[] | null;

  @ApiPropertyOptional({ type: [String], nullable: true, maxItems: 50, description: 'Fungsi instansi, satu butir masing-masing' })
  @ProfileItems()
  functions?: string[] | null;

  @ApiPropertyOptional({ type: [SubbagianDutiesDto], nullable: true, maxItems: 50, description: 'Uraian tugas subbagian, dicetak pada 1.4 menurut urutan ini (subbagian lain sesudahnya, urut kode)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SubbagianDutiesDto)
  subbagian?: SubbagianDutiesDto[] | null;

  @ApiPropertyOptional({ type: StaffTableDto, nullable: true, description: 'Tabel 1.1 Data Sumber Daya Manusia' })
  @IsOptional() @ValidateNested() @Type(() => StaffTableDto)
  staff?: StaffTableDto | null;

  @AdminReason('Profil instansi menurut Peraturan Bupati tentang susunan organisasi', false)
  reason?: string | null;
}

export class SatkerProfileDto {
  @ApiProperty({ example: 'dinkes-kab-kupang' }) code: string;
  @ApiProperty({ example: 1, description: 'Banyaknya perubahan profil (0: belum pernah diisi); juga header ETag, untuk If-Match' }) version: number;
  @ApiProperty({ enum: INSTITUTION_KINDS }) institutionKind: InstitutionKind;
  @ApiProperty({ nullable: true, type: String }) institutionName: string | null;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ nullable: true, type: String }) headTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) signingPlace: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ type: [String] }) tasks: string[];
  @ApiProperty({ type: [String] }) functions: string[];
  @ApiProperty({ type: [SubbagianDutiesDto] }) subbagian: SubbagianDutiesDto[];
  @ApiProperty({ type: StaffTableDto, nullable: true }) staff: StaffTableDto | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
}
