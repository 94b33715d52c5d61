import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS } from '@kinerja/jobs';
import { INT4_MAX } from '../http/integer-bounds';

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'Hanya yang belum dibaca', example: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: INT4_MAX, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(INT4_MAX)
  offset?: number;
}

export class NotificationIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class NotificationPeriodDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ minimum: 1, maximum: 12, example: 11 }) month: number;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: [...NOTIFICATION_KINDS],
    description: 'Setiap jenis yang dikirim Kinerja: pengingat batas waktu dan antrean persetujuan (data.period, data.periods, data.reports; ' +
      'DEADLINE_EXTENDED: dispensasi batas waktu diberikan, data.extension: batas waktu semula, batas waktu baru, alasan, pemberi; ' +
      'data.extensions: setiap dispensasi bila satu pemberitahuan memuat beberapa bulan yang diberikan pada hari yang sama), ' +
      'PK_* dan LKJ_* (data.pk atau data.lkj: tahun dan versinya), CATATAN_REVIU_* dan TINDAK_LANJUT_SUBMITTED (data.catatanReviu), ' +
      'INTEGRITY_ALERT (data.integrityAlert: peringatan integritas satker)',
  })
  kind: string;
  @ApiProperty({ example: 'Pengingat: laporan realisasi Januari 2025 belum dikirim — KPU Kabupaten Jember' }) subject: string;
  @ApiProperty() body: string;
  @ApiProperty({
    description: 'Periode, batas waktu dan laporan yang dimaksud. `data.period` (satu bulan; bulan terakhir bila beberapa) tetap ada untuk kompatibilitas; `data.periods` memuat semua bulan',
    type: 'object', additionalProperties: true,
  })
  data: Record<string, unknown>;

  @ApiProperty({
    type: [NotificationPeriodDto],
    description: 'Semua bulan laporan yang dimaksud, terlama dahulu: beberapa bulan untuk bulan-bulan dengan batas waktu susulan yang sama ' +
      '(mis. Januari–November bila PK baru disetujui November), satu bulan biasanya, kosong untuk ringkasan persetujuan',
  })
  periods: NotificationPeriodDto[];

  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Jumlah yang cocok dengan filter' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Jumlah seluruh notifikasi yang belum dibaca' }) unreadCount: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}

export class MarkAllReadDto {
  @ApiProperty() marked: number;
}
