import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsInstant } from '../http/instant.validator';
import { IsFreeText } from '../http/free-text.validator';
import { INT4_MAX } from '../http/integer-bounds';
import { DECIMAL_INPUT, DECIMAL_TEXT } from '../http/decimal-text.schema';
import { VersionedBody } from '../perjanjian-kinerja/pk.dto';

export class EvidenceRefDto {
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description:
      'Dari jawaban POST evidence. Berkas yang tidak diunggah subbagian ini: 422 REALISASI.EVIDENCE_NOT_UPLOADED; unggahan subbagian ini ' +
      'yang tidak dilampirkan dalam UNREFERENCED_UPLOAD_RETENTION_DAYS (atau sudah dihapus pembersihan berkas): 422 REALISASI.EVIDENCE_EXPIRED, unggah ulang.',
  })
  @IsString() sha256: string;
  @ApiProperty({
    example: 'notulen-rapat-januari.pdf',
    description: 'Nama yang ditampilkan; satu baris, tanpa folder (/ atau \\), tanda kutip, karakter kendali, pengatur arah teks atau karakter tak terlihat (400)',
  })
  @IsString() @IsFreeText({ multiline: false }) fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Dari jawaban POST evidence; jenis lain ditolak (422 REALISASI.EVIDENCE_MISMATCH)' }) @IsString() contentType: string;
  @ApiProperty({ example: 183204, minimum: 1, maximum: INT4_MAX, description: 'Dari jawaban POST evidence; ukuran lain ditolak (422 REALISASI.EVIDENCE_MISMATCH)' })
  @IsInt() @Min(1) @Max(INT4_MAX) size: number;
}

export class RealisasiLineDto {
  @ApiProperty({ example: 'K4.1' }) @IsString() indicatorCode: string;
  @ApiProperty({
    ...DECIMAL_INPUT, nullable: true, example: '1',
    description: 'Angka desimal tidak negatif sebagai teks ("12", "7.5"; paling banyak 6 desimal); null = tidak dilaporkan (bukan 0). ' +
      'Teks yang bukan angka seperti itu ditolak (422 REALISASI.INVALID_VALUE).',
  })
  @ValidateIf((o: RealisasiLineDto) => o.value !== null)
  @IsString()
  value: string | null;
  @ApiProperty({ example: 'Layanan perkantoran bulan Januari terlaksana: gaji, tunjangan dan operasional kantor dibayarkan tepat waktu.' })
  @IsString() @MaxLength(5000) @IsFreeText({ multiline: true }) narrative: string;
  @ApiProperty({ example: 'Keterlambatan penyampaian SPJ dari pelaksana kegiatan.' }) @IsString() @MaxLength(5000) @IsFreeText({ multiline: true }) kendala: string;
  @ApiProperty({ example: 'Pengingat tertulis dan batas waktu internal tanggal 25 setiap bulan.' }) @IsString() @MaxLength(5000) @IsFreeText({ multiline: true }) solusi: string;
  @ApiProperty({ type: [EvidenceRefDto] })
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EvidenceRefDto)
  evidence: EvidenceRefDto[];
}

export class BudgetLineDto {
  @ApiProperty({ example: 'K4' }) @IsString() kegiatanCode: string;
  @ApiProperty({ example: '125000000', description: 'Rupiah, paling banyak 2 desimal' }) @IsString() spent: string;
}

export class RealisasiWarningDetailsDto {
  @ApiProperty({ example: 'K4' }) kegiatanCode: string;
  @ApiProperty({ example: 'Pengelolaan Keuangan dan Barang Milik Negara' }) kegiatanName: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', example: 1, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ ...DECIMAL_TEXT, example: '1250000000', description: 'Rupiah yang dibelanjakan untuk kegiatan ini dalam laporan ini (bulan ini)' }) spent: string;
  @ApiProperty({
    ...DECIMAL_TEXT, example: '0',
    description: 'Rupiah kegiatan ini pada laporan lain tahun ini yang telah DISETUJUI (semua bulan dan subbagian selain laporan ini), seperti yang dihitung Tabel 3.2. ' +
      'Dibaca dari read model yang diperbarui secara asinkron: laporan yang baru saja disetujui bisa belum terhitung sesaat',
  })
  spentInOtherReports: string;
  @ApiProperty({ ...DECIMAL_TEXT, example: '1250000000', description: '`spent` + `spentInOtherReports`' }) yearTotal: string;
  @ApiProperty({ ...DECIMAL_TEXT, example: '500000000', description: 'Pagu setahun kegiatan ini pada PK yang berlaku' }) pagu: string;
  @ApiProperty({ type: 'integer', example: 1, description: 'Versi PK yang berlaku, yang pagunya dibaca' }) pkVersion: number;
}

/** `details` of `REALISASI.VALUE_FAR_ABOVE_TARGET`. */
export class RealisasiValueWarningDetailsDto {
  @ApiProperty({ example: 'K1.1' }) indicatorCode: string;
  @ApiProperty({ example: 'Layanan Perencanaan, Data dan Informasi' }) indicatorName: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', example: 3, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ ...DECIMAL_TEXT, example: '120', description: 'Angka bulan ini seperti diketik' }) value: string;
  @ApiProperty({ ...DECIMAL_TEXT, example: '1', description: 'Target setahun indikator (untuk target rentang: batas atasnya) pada versi PK laporan ini' }) target: string;
  @ApiProperty({ example: 'Layanan' }) unit: string;
  @ApiProperty({ type: 'integer', example: 10, description: 'Berapa kali target setahun yang dilampaui angka bulan ini' }) factor: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Versi PK tempat laporan ini ditulis, yang targetnya dibaca' }) pkVersion: number;
}

/** A budget figure of the report that is probably wrong: said, not refused. */
export class RealisasiWarningDto {
  @ApiProperty({
    enum: ['REALISASI.MONTH_BUDGET_OVER_PAGU', 'REALISASI.BUDGET_OVER_PAGU'], example: 'REALISASI.MONTH_BUDGET_OVER_PAGU',
    description: 'MONTH_BUDGET_OVER_PAGU: anggaran bulan ini saja melebihi pagu setahun kegiatan; BUDGET_OVER_PAGU: jumlah setahun bersama bulan ini ' +
      'melebihi pagu. Satu peringatan per kegiatan paling banyak; pagu yang tercapai tepat bukan peringatan; kegiatan tanpa pagu tidak pernah diperingatkan',
  })
  code: string;
  @ApiProperty({
    example: 'Realisasi anggaran kegiatan K4 (Pengelolaan Keuangan dan Barang Milik Negara) bulan Januari 2024 sebesar Rp 1.250.000.000 melebihi pagu kegiatan itu ' +
      'untuk setahun, Rp 500.000.000: periksa kembali angka; bila pagu telah direvisi dalam DIPA, ajukan PK Perubahan.',
  })
  message: string;
  @ApiProperty({ type: RealisasiWarningDetailsDto }) details: RealisasiWarningDetailsDto;
}

/** A line's figure more than ten times its indicator's annual target: probably a typo, said, not refused. */
export class RealisasiValueWarningDto {
  @ApiProperty({
    enum: ['REALISASI.VALUE_FAR_ABOVE_TARGET'], example: 'REALISASI.VALUE_FAR_ABOVE_TARGET',
    description: 'Angka sebuah baris lebih dari sepuluh kali target setahun indikatornya (untuk target rentang: batas atasnya), kemungkinan nol berlebih ' +
      'atau satuan lain. Satu per baris; baris kosong dan target 0 tidak pernah diperingatkan',
  })
  code: string;
  @ApiProperty({
    example: 'Realisasi indikator K1.1 (Layanan Perencanaan, Data dan Informasi) bulan Maret 2024 sebesar 120 Layanan, lebih dari sepuluh kali target ' +
      'setahunnya (1 Layanan): periksa kembali angka, mungkin ada nol berlebih atau satuan yang berbeda. Bila angka itu memang benar, jelaskan pada uraian.',
  })
  message: string;
  @ApiProperty({ type: RealisasiValueWarningDetailsDto }) details: RealisasiValueWarningDetailsDto;
}

/** The `warnings` every report view carries (save, submit, approve, return, revise and GET of one report). */
@ApiExtraModels(RealisasiWarningDto, RealisasiValueWarningDto)
export class RealisasiWarningsFieldsDto {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(RealisasiValueWarningDto) }, { $ref: getSchemaPath(RealisasiWarningDto) }],
      discriminator: {
        propertyName: 'code',
        mapping: {
          'REALISASI.VALUE_FAR_ABOVE_TARGET': getSchemaPath(RealisasiValueWarningDto),
          'REALISASI.MONTH_BUDGET_OVER_PAGU': getSchemaPath(RealisasiWarningDto),
          'REALISASI.BUDGET_OVER_PAGU': getSchemaPath(RealisasiWarningDto),
        },
      },
    },
    description: 'Peringatan atas angka laporan yang kemungkinan salah ketik; laporan tetap disimpan/diajukan (200), peringatan tidak menolak. ' +
      'Angka sebuah baris lebih dari sepuluh kali target setahun indikatornya (VALUE_FAR_ABOVE_TARGET, lebih dahulu, urut baris). ' +
      'Anggaran sebuah kegiatan melebihi pagu setahunnya pada PK yang berlaku: anggaran tidak boleh melampaui pagu DIPA, tetapi pagu PK dapat tertinggal ' +
      'dari revisi DIPA, sehingga diperingatkan (periksa angka, atau ajukan PK Perubahan), bukan ditolak. Dihitung ulang setiap kali laporan dibaca. ' +
      'Array kosong bila tidak ada.',
  })
  warnings: Array<RealisasiValueWarningDto | RealisasiWarningDto>;
}

/** Body of `PUT realisasi/{year}/{month}/{subbagian}`: the whole content of the draft. */
export class RealisasiContentBody extends VersionedBody {
  @ApiProperty({ type: [RealisasiLineDto] })
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RealisasiLineDto)
  lines: RealisasiLineDto[];

  @ApiProperty({ type: [BudgetLineDto] })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => BudgetLineDto)
  budget: BudgetLineDto[];
}

/** Body of `POST …/submit`: with lines and budget they are saved in the same step; without, the draft is submitted. */
export class SubmitRealisasiBody extends VersionedBody {
  @ApiPropertyOptional({ type: [RealisasiLineDto] })
  @ValidateIf((o: SubmitRealisasiBody) => o.lines !== undefined || o.budget !== undefined)
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RealisasiLineDto)
  lines?: RealisasiLineDto[];

  @ApiPropertyOptional({ type: [BudgetLineDto] })
  @ValidateIf((o: SubmitRealisasiBody) => o.lines !== undefined || o.budget !== undefined)
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => BudgetLineDto)
  budget?: BudgetLineDto[];
}

export class YearOnlyParams {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class YearParams {
  @ApiProperty({ example: 'kpu-kab-jember', description: 'Kode satker' }) @IsString() satker: string;
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class ReportParams extends YearParams {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 1 }) @Type(() => Number) @IsInt() @Min(1) @Max(12) month: number;
  @ApiProperty({ example: 'KUL' }) @IsString() @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/) subbagian: string;
}

export class KinerjaQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, example: 6, description: 'Sampai dengan bulan ini (1–12); tanpa: setahun penuh' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
  @ApiPropertyOptional({
    type: String, format: 'date-time', example: '2025-01-10T08:00:00+07:00',
    description:
      'Waktu lampau, ISO 8601 dengan zona waktu (tanggal saja ditolak): angka sebagaimana tercatat pada saat itu (time travel); ' +
      'jawabannya ditambah field `asOf`. Di masa depan: 422 KINERJA.AS_OF_IN_FUTURE.',
  })
  @IsOptional() @IsInstant() asOf?: string;
}
