import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date.validator';
import { IsFreeText } from '../http/free-text.validator';
import { SUBBAGIAN_CODE_PATTERN } from '@kinerja/identity';
import { AUDIT_EVENT_TYPES, type AuditTrailCriteria, type AuditTrailFilter } from '@kinerja/projections/audit-trail/audit-trail.query';
import { IsInstant } from '../http/instant.validator';
import { INT4_MAX } from '../http/integer-bounds';
import { eventTypesOf, refuseUnmatchableFilters } from './audit-filter';
import { CSV_DELIMITERS, type CsvDelimiter } from './audit-export';

const ACTOR_ROLES = ['KASUBBAG', 'SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'ADMIN', 'SYSTEM'];

export class SatkerParams {
  @ApiProperty({ example: 'kpu-kab-jember' }) @IsString() @Matches(/^[a-z0-9-]{2,64}$/) satker: string;
}

export class FigureParams extends SatkerParams {
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(12) month: number;
  @ApiProperty({ example: 'K4.1' }) @IsString() @MaxLength(64) indicator: string;
}

export class DigestParams extends SatkerParams {
  @ApiProperty({ example: '2025-01-31' })
  @IsCalendarDate()
  day: string;
}

/**
 * A subbagian code's form in either case: a code in lower case ("pdi") is then refused by the
 * names check with the code it differs from only in case ("maksud Anda PDI?"), as an indicator or
 * event type is. The same pattern's source, so that a code of another form is told the same rule.
 */
const SUBBAGIAN_CODE_ANY_CASE = new RegExp(SUBBAGIAN_CODE_PATTERN.source, 'i');

/** Filters shared by the paged trail and the exports. */
export class AuditFilterQuery {
  @ApiPropertyOptional({ example: '2025-01-01T00:00:00+07:00', description: 'Dicatat pada atau sesudah (waktu ISO 8601 dengan zona waktu)' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({
    example: '2025-02-01T00:00:00+07:00',
    description: 'Dicatat sebelum (waktu ISO 8601 dengan zona waktu); harus sesudah `from`, jika keduanya diisi (bila tidak: 400 VALIDATION.FAILED, `to` isAfterFrom)',
  })
  @IsOptional() @IsInstant() to?: string;
  @ApiPropertyOptional({ example: 2024, description: 'Tahun PK / laporan yang dituju' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
  @ApiPropertyOptional({
    example: 'KUL',
    description: 'Kode subbagian (huruf besar); yang tidak ada pada satker, juga di antara yang sudah dinonaktifkan, ditolak (400 VALIDATION.FAILED, `subbagian` isKnownSubbagian)',
  })
  @IsOptional() @IsString() @Matches(SUBBAGIAN_CODE_ANY_CASE) subbagian?: string;
  @ApiPropertyOptional({
    example: 'K4.1',
    description: 'Kode indikator (huruf besar dan kecil dibedakan); yang tidak pernah ada dalam PK satker, draf maupun yang disetujui, ditolak (400, `indicator` isKnownIndicator)',
  })
  @IsOptional() @IsString() @MaxLength(64) indicator?: string;
  @ApiPropertyOptional({
    example: 'kasubbag.kul',
    description: 'Id atau username pelaku; yang bukan pengguna dalam cakupan Anda dan tidak pernah bertindak pada satker ditolak (400, `actor` isKnownActor)',
  })
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @ApiPropertyOptional({ enum: ACTOR_ROLES }) @IsOptional() @IsIn(ACTOR_ROLES) role?: string;
  @ApiPropertyOptional({
    example: 'RealisasiApproved,RealisasiReturned',
    description: `Jenis peristiwa, dipisah koma; huruf besar dan kecil dibedakan. Jenis yang dikenal: ${AUDIT_EVENT_TYPES.join(', ')}. `
      + 'Jenis lain ditolak (400 VALIDATION.FAILED, `type` isKnownEventType), karena tidak akan pernah cocok.',
  })
  @IsOptional() @IsString() @MaxLength(500) @Matches(/^[A-Za-z0-9,]+$/) type?: string;
}

export class AuditTrailQueryDto extends AuditFilterQuery {
  @ApiPropertyOptional({ description: 'Dari `nextCursor` halaman sebelumnya (buram, jangan dibentuk sendiri)' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Urutan rantai; default asc (terlama dulu)' }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class AuditExportQueryDto extends AuditFilterQuery {
  @ApiProperty({ enum: ['csv', 'jsonl'] }) @IsIn(['csv', 'jsonl']) format: 'csv' | 'jsonl';
  @ApiPropertyOptional({
    enum: CSV_DELIMITERS,
    default: 'semicolon',
    description: 'Pemisah kolom CSV (diabaikan untuk jsonl). semicolon (;, bawaan): dibuka langsung oleh Excel dengan pengaturan wilayah Indonesia; '
      + 'comma (,): untuk Excel berpengaturan wilayah Inggris/AS dan alat yang mengharapkan RFC 4180. Keduanya UTF-8 dengan BOM.',
  })
  @IsOptional() @IsIn(CSV_DELIMITERS) delimiter?: CsvDelimiter;
}

/** Several office codes, comma-separated; absent means every office in the reader's scope. */
function SatkerListQuery() {
  return applyDecorators(
    ApiPropertyOptional({
      example: 'kpu-kab-jember,kpu-kab-bondowoso',
      description: 'Kode satker dipisah koma (paling banyak 1.000); tanpa parameter ini: semua satker dalam cakupan Anda',
    }),
    IsOptional(),
    IsString(),
    MaxLength(65 * 1000),
    Matches(/^[a-z0-9-]{2,64}(,[a-z0-9-]{2,64}){0,999}$/, { message: 'satker harus berisi kode satker dipisah koma, paling banyak 1.000 kode' }),
  );
}

export class AuditAcrossQueryDto extends AuditTrailQueryDto {
  @SatkerListQuery() satker?: string;
}

export class AuditAcrossExportQueryDto extends AuditExportQueryDto {
  @SatkerListQuery() satker?: string;
}

/** The filters as the query takes them; refused (400) when they could never match a row. */
export function criteriaOf(q: AuditFilterQuery): AuditTrailCriteria {
  refuseUnmatchableFilters(q);
  return {
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    year: q.year,
    month: q.month,
    subbagian: q.subbagian,
    indicator: q.indicator,
    actor: q.actor,
    role: q.role,
    eventTypes: eventTypesOf(q.type),
  };
}

export function filterOf(satker: string, q: AuditFilterQuery): AuditTrailFilter {
  return { satker, ...criteriaOf(q) };
}

export class AlertParams extends SatkerParams {
  @ApiProperty({ example: 12, description: 'Nomor peringatan integritas' }) @Type(() => Number) @IsInt() @Min(1) @Max(INT4_MAX) alertId: number;
}

export class AlertListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], default: 'open', description: 'open: yang belum ditutup; resolved: yang sudah ditutup, dengan siapa dan alasannya' })
  @IsOptional() @IsIn(['open', 'resolved', 'all']) status?: 'open' | 'resolved' | 'all';
}

export class ResolveAlertDto {
  @ApiProperty({ example: 'Berkas SPJ Mei diunggah ulang dari arsip; SHA-256 kembali cocok.', description: 'Mengapa kerusakan dianggap selesai (wajib)' })
  @IsString() @MaxLength(2000) @IsFreeText({ multiline: true }) reason: string;
}
