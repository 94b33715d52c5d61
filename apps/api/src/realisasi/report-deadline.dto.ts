import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date.validator';
import { IsFreeText } from '../http/free-text.validator';
import { INT4_MAX } from '../http/integer-bounds';
import { SubmitterDto } from './realisasi-read-models.dto';
import { YearParams } from './realisasi.dto';

export class ReportMonthParams extends YearParams {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 3 }) @Type(() => Number) @IsInt() @Min(1) @Max(12) month: number;
}

export class ExtendReportDeadlineBody {
  @ApiProperty({ example: '2024-04-20', description: 'Batas waktu baru (tanggal kalender kantor, YYYY-MM-DD), setelah hari ini' })
  @IsCalendarDate()
  until: string;

  // Blank or invisible reasons are refused by the rule every workflow reason shares
  // (readableReason: 422 DEADLINE_EXTENSION.REASON_REQUIRED), as on the return and revision routes.
  @ApiProperty({ example: 'Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.', maxLength: 2000 })
  @IsString() @MaxLength(2000) @IsFreeText({ multiline: true })
  reason: string;

  @ApiPropertyOptional({ example: 2, minimum: 0, maximum: INT4_MAX, description: 'Versi aliran dispensasi satker yang terakhir Anda lihat; versi usang → 409.' })
  @IsOptional() @IsInt() @Min(0) @Max(INT4_MAX)
  expectedVersion?: number;
}

export class ReportDeadlineDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ example: 3 }) month: number;
  @ApiProperty({ example: '2024-04-20', description: 'Batas waktu laporan bulan itu setelah dispensasi (kalender kantor)' }) deadline: string;
}

export class ReportDeadlineExtensionDto {
  @ApiProperty({ example: 3, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ example: '2024-04-05', description: 'Batas waktu yang diganti (batas waktu bulan itu sendiri, batas waktu susulan, atau dispensasi sebelumnya)' }) fromDeadline: string;
  @ApiProperty({ example: '2024-04-20', description: 'Batas waktu baru (kalender kantor) bagi laporan yang masih terutang saat dispensasi diberikan' }) until: string;
  @ApiProperty({ example: 'Server kantor rusak pada 3–6 April; data realisasi dimasukkan ulang.' }) reason: string;
  @ApiProperty({ type: SubmitterDto, description: 'Sekretaris atau Admin yang memberi dispensasi' }) grantedBy: SubmitterDto;
  @ApiProperty({ example: '2024-04-08T03:00:00.000Z', format: 'date-time' }) grantedAt: string;
}

export class ReportDeadlineExtensionsDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ type: [ReportDeadlineExtensionDto], description: 'Urut bulan, lalu urutan pemberian' }) extensions: ReportDeadlineExtensionDto[];
}
