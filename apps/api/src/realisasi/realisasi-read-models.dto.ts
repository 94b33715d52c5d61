// Responses of the endpoints served from the workflow read models (approval inbox, status matrix).
import { ApiProperty } from '@nestjs/swagger';

const STATUSES = ['NOT_STARTED', 'NOT_REQUIRED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'OVERDUE'];
const DEADLINE_BASES = ['OWN', 'CATCH_UP', 'DISPENSASI'];
const DEADLINE_BASIS_DESCRIPTION =
  'Asal batas waktu: OWN batas waktu bulan itu sendiri; CATCH_UP batas waktu susulan (PK tahun itu disetujui setelah batas waktu bulan itu lewat); ' +
  'DISPENSASI tanggal dispensasi yang diberikan Sekretaris/Admin setelah batas waktu lewat, ketika laporan ini masih terutang ' +
  '(laporan yang sudah dikirim sebelum dispensasi tetap memakai batas waktunya sendiri)';

const FIRST_SUBMITTED_AT_DESCRIPTION =
  'Waktu pengajuan PERTAMA laporan ini (peristiwa RealisasiSubmitted pertama); ketepatan waktu dinilai dari pengajuan ini saja. null: belum pernah diajukan';
const SUBMITTED_ON_TIME_DESCRIPTION =
  'Ketepatan waktu pelaporan. true: pengajuan pertama jatuh pada atau sebelum hari batas waktu (sampai pukul 23.59 waktu kantor); false: sesudahnya. ' +
  'Hanya pengajuan PERTAMA yang dihitung: pengajuan ulang setelah dikembalikan dan revisi laporan yang sudah disetujui tidak pernah membuat laporan terlambat. ' +
  'Batas waktunya adalah batas waktu laporan pada saat pengajuan pertama: batas waktu bulan itu sendiri, batas waktu susulan (PK disetujui terlambat), ' +
  'atau dispensasi yang diberikan selagi laporan masih terutang, yaitu sebelum pengajuan pertama. Dispensasi yang diberikan sesudahnya ' +
  '(mis. selagi laporan yang terlambat sedang dikembalikan) dapat mengubah `deadline` laporan itu tetapi tidak menjadikannya tepat waktu. ' +
  'null: belum pernah diajukan, atau laporan tidak wajib (subbagian bukan PIC indikator PK bulan itu, atau belum ada PK yang disetujui)';
const DAYS_LATE_DESCRIPTION =
  'Hari kalender kantor penuh dari hari batas waktu sampai hari pengajuan pertama (diajukan sehari sesudah hari batas waktu: 1); 0 bila tepat waktu; null bila `submittedOnTime` null';

/** Ketepatan waktu pelaporan of an office's (or every office's) owed reports of the year. */
export class TimelinessSummaryDto {
  @ApiProperty({ example: 40, description: 'Laporan wajib yang pengajuan pertamanya tepat waktu (`submittedOnTime` true)' }) onTime: number;
  @ApiProperty({ example: 3, description: 'Laporan wajib yang pengajuan pertamanya terlambat (`submittedOnTime` false)' }) late: number;
  @ApiProperty({ example: 1, description: 'Laporan wajib yang batas waktunya sudah lewat dan belum pernah diajukan' }) notYetSubmitted: number;
  @ApiProperty({
    example: '90.91', nullable: true, type: String,
    description: 'onTime ÷ (onTime + late + notYetSubmitted) × 100, dua angka di belakang titik (aritmetika desimal, pembulatan setengah ke atas). ' +
      'Laporan wajib yang belum jatuh tempo dan belum diajukan tidak dihitung (masih bisa tepat waktu), begitu pula laporan yang tidak wajib. ' +
      'null: belum ada laporan yang jatuh tempo atau diajukan',
  })
  onTimePercent: string | null;
}

export class SubmitterDto {
  @ApiProperty({ example: '3a1e5f0c-1b2d-4c3e-9f4a-5b6c7d8e9f00' }) id: string;
  @ApiProperty({ example: 'kasubbag.kul', nullable: true, type: String }) username: string | null;
  @ApiProperty({ example: 'Kasubbag Keuangan, Umum dan Logistik', nullable: true, type: String }) fullName: string | null;
}

export class ApprovalInboxItemDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: 1, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ example: 'KUL' }) subbagian: string;
  @ApiProperty({ example: 0, description: '0 = laporan pertama; +1 untuk setiap revisi setelah disetujui' }) revision: number;
  @ApiProperty({ example: false, description: 'Diajukan ulang setelah dikembalikan' }) resubmission: boolean;
  @ApiProperty({ type: SubmitterDto }) submittedBy: SubmitterDto;
  @ApiProperty({ example: '2025-02-03T02:00:00.000Z', format: 'date-time' }) submittedAt: string;
  @ApiProperty({
    example: 4,
    description: 'Hari kalender kantor (zona waktu satker) dari hari pengajuan sampai hari ini: 0 pada hari pengajuan, 1 sejak pukul 00.00 esoknya ' +
      '(dihitung seperti `daysLate`, bukan per 24 jam); ringkasan harian Sekretaris menghitung dengan cara yang sama',
  })
  daysWaiting: number;
  @ApiProperty({
    example: false,
    description: 'true: pengajuan terakhir laporan ini dari Anda sendiri (akun Anda, atau akun lain Anda menurut e-mail atau nama lengkap), ' +
      'sehingga Anda tidak dapat menyetujui atau mengembalikannya (REALISASI.OWN_SUBMISSION): harus Sekretaris lain. Tetap tercantum karena menunggu di satker Anda; ' +
      'tidak dicantumkan dalam ringkasan harian persetujuan untuk Anda',
  })
  ownSubmission: boolean;
  @ApiProperty({
    example: null, nullable: true, type: String,
    description: 'Bila `ownSubmission` true: penjelasan dalam Bahasa Indonesia (pesan penolakan REALISASI.OWN_SUBMISSION, dengan siapa yang dapat menyetujuinya); selain itu null',
  })
  ownSubmissionHint: string | null;
}

export class ApprovalInboxDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ example: 1 }) count: number;
  @ApiProperty({ type: [ApprovalInboxItemDto], description: 'Pengajuan terlama lebih dahulu' }) items: ApprovalInboxItemDto[];
}

export class StatusMatrixMonthDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ enum: STATUSES, example: 'APPROVED', description: 'OVERDUE: batas waktu (`deadline`) terlewati dan laporan belum pernah diajukan, atau masih draf/dikembalikan tanpa pernah disetujui (revisi laporan yang sudah disetujui tidak pernah terlambat). Bulan yang batas waktunya sudah lewat ketika PK tahun itu pertama kali disetujui mendapat batas waktu susulan: batas waktu bulan persetujuan PK (PK disetujui 20 November dengan tanggal 10: Januari–Oktober jatuh tempo 10 Desember), jadi NOT_STARTED sampai batas itu lewat. NOT_REQUIRED: subbagian tidak memegang indikator PK yang berlaku (atau belum ada PK yang disetujui), jadi tidak wajib melapor bulan itu' })
  status: string;
  @ApiProperty({ example: 0, nullable: true, type: Number, description: 'null: belum dimulai' }) revision: number | null;
  @ApiProperty({ example: '2025-02-05', description: 'Hari batas waktu bulan ini (kalender kantor), menurut tanggal batas waktu yang berlaku untuk bulan itu: perubahan tanggal batas waktu tidak menggeser batas waktu yang sudah lewat; batas waktu susulan bila PK tahun itu pertama kali disetujui setelah batas waktu bulan itu lewat; atau tanggal dispensasi yang diberikan setelah batas waktu lewat selagi laporan ini masih terutang; terlambat mulai hari berikutnya' }) deadline: string;
  @ApiProperty({ enum: DEADLINE_BASES, example: 'OWN', description: DEADLINE_BASIS_DESCRIPTION }) deadlineBasis: string;
  @ApiProperty({ example: '2025-02-03T02:00:00.000Z', nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ example: '2025-02-04T03:00:00.000Z', nullable: true, type: String, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Alasan pengembalian terakhir' }) returnReason: string | null;
  @ApiProperty({ example: '2025-02-03T02:00:00.000Z', nullable: true, type: String, format: 'date-time', description: FIRST_SUBMITTED_AT_DESCRIPTION }) firstSubmittedAt: string | null;
  @ApiProperty({ example: true, nullable: true, type: Boolean, description: SUBMITTED_ON_TIME_DESCRIPTION }) submittedOnTime: boolean | null;
  @ApiProperty({ example: 0, nullable: true, type: Number, description: DAYS_LATE_DESCRIPTION }) daysLate: number | null;
}

export class StatusMatrixRowDto {
  @ApiProperty({ example: 'KUL' }) subbagian: string;
  @ApiProperty({ type: [StatusMatrixMonthDto], description: 'Bulan 1 sampai 12, berurutan' }) months: StatusMatrixMonthDto[];
}

export class StatusMatrixDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: 'Asia/Jakarta' }) timeZone: string;
  @ApiProperty({ example: 5, description: 'Tanggal batas waktu kantor saat ini: laporan bulan M jatuh tempo pada tanggal ini di bulan M+1 untuk bulan yang batas waktunya belum lewat ketika tanggal itu ditetapkan. Batas waktu tiap bulan ada di `deadline` selnya' }) deadlineDay: number;
  @ApiProperty({ type: [StatusMatrixRowDto], description: 'Satu baris per subbagian (yang aktif, dan yang sudah punya laporan)' }) rows: StatusMatrixRowDto[];
  @ApiProperty({ type: TimelinessSummaryDto, description: 'Ketepatan waktu pelaporan satker ini sepanjang tahun, dari sel-sel di atas' }) timeliness: TimelinessSummaryDto;
}

/** Owed monthly reports (subbagian × month) by state; NOT_REQUIRED cells are owed by nobody and not counted. */
export class StateCountsDto {
  @ApiProperty({ example: 40 }) APPROVED: number;
  @ApiProperty({ example: 2 }) SUBMITTED: number;
  @ApiProperty({ example: 1 }) RETURNED: number;
  @ApiProperty({ example: 0 }) DRAFT: number;
  @ApiProperty({ example: 4 }) NOT_STARTED: number;
  @ApiProperty({ example: 1 }) OVERDUE: number;
}

export class OverdueReportDto {
  @ApiProperty({ example: 'HSDM' }) subbagian: string;
  @ApiProperty({ example: 11, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ example: '2026-12-05', description: 'Hari batas waktu (kalender kantor), termasuk batas waktu susulan bila PK disetujui terlambat, dan dispensasi' }) deadline: string;
  @ApiProperty({ enum: DEADLINE_BASES, example: 'DISPENSASI', description: DEADLINE_BASIS_DESCRIPTION }) deadlineBasis: string;
}

export class OfficeStatusSummaryDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ example: 'Sekretariat KPU Kabupaten Jember' }) name: string;
  @ApiProperty({ example: 'kpu-prov-jawa-timur', nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ example: 'Asia/Jakarta' }) timeZone: string;
  @ApiProperty({ example: 5, description: 'Tanggal batas waktu kantor saat ini; batas waktu tiap laporan terlambat ada di `overdue[].deadline`' }) deadlineDay: number;
  @ApiProperty({ description: 'Sudah ada PK tahun ini yang disetujui (tanpa itu tidak ada laporan yang wajib)' }) pkApproved: boolean;
  @ApiProperty({ type: StateCountsDto }) counts: StateCountsDto;
  @ApiProperty({ type: [OverdueReportDto], description: 'Laporan yang terlambat, bulan terlama lebih dahulu' }) overdue: OverdueReportDto[];
  @ApiProperty({ type: TimelinessSummaryDto, description: 'Ketepatan waktu pelaporan satker ini, sama dengan `timeliness` matriks statusnya' }) timeliness: TimelinessSummaryDto;
}

export class StatusSummaryTotalsDto extends StateCountsDto {
  @ApiProperty({ example: 553 }) offices: number;
  @ApiProperty({ example: 3, description: 'Satker tanpa PK yang disetujui untuk tahun ini' }) officesWithoutPk: number;
  @ApiProperty({ example: 12, description: 'Satker yang memiliki paling sedikit satu laporan terlambat' }) officesWithOverdue: number;
  @ApiProperty({ type: TimelinessSummaryDto, description: 'Ketepatan waktu pelaporan semua satker dalam cakupan: jumlah hitungan tiap satker, persentase dari jumlah itu (bukan rata-rata persentase)' }) timeliness: TimelinessSummaryDto;
}

export class StatusSummaryDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: '2026-12-07T01:00:00.000Z', format: 'date-time' }) asOf: string;
  @ApiProperty({ type: StatusSummaryTotalsDto }) totals: StatusSummaryTotalsDto;
  @ApiProperty({ type: [OfficeStatusSummaryDto], description: 'Satu per satker dalam cakupan Anda, urut kode' }) offices: OfficeStatusSummaryDto[];
}

const LIST_STATUSES = ['NOT_STARTED', 'NOT_REQUIRED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'];

/** One report of `GET realisasi/{year}`. */
export class RealisasiListCellDto {
  @ApiProperty({ example: 'KUL' }) subbagian: string;
  @ApiProperty({ enum: LIST_STATUSES, example: 'APPROVED', description: 'NOT_REQUIRED: belum dibuka dan tidak terutang (subbagian bukan PIC indikator mana pun bulan itu, atau belum ada PK yang disetujui)' }) status: string;
  @ApiProperty({ example: 3, description: 'Versi aliran laporan (untuk If-Match); 0 bila belum dibuka' }) version: number;
  @ApiProperty({ example: 0, nullable: true, type: Number, description: '0 = laporan pertama; +1 untuk setiap revisi; null bila belum dibuka' }) revision: number | null;
  @ApiProperty({ example: '2026-02-03T02:00:00.000Z', format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({
    example: '2026-02-05',
    description: 'Batas waktu laporan ini (kalender kantor): batas waktu bulan itu, kecuali laporan yang sudah dikirim sebelum dispensasi, yang tetap memakai batas waktunya sendiri',
  })
  dueDate: string;
  @ApiProperty({ enum: DEADLINE_BASES, example: 'OWN', description: DEADLINE_BASIS_DESCRIPTION }) deadlineBasis: string;
  @ApiProperty({ example: false, description: 'Batas waktu sudah lewat dan laporan belum pernah dikirim, atau masih draf/dikembalikan tanpa pernah disetujui' }) overdue: boolean;
  @ApiProperty({ example: '2026-02-03T02:00:00.000Z', nullable: true, type: String, format: 'date-time', description: FIRST_SUBMITTED_AT_DESCRIPTION + ' (`submittedAt`: pengajuan terakhir)' }) firstSubmittedAt: string | null;
  @ApiProperty({ example: true, nullable: true, type: Boolean, description: SUBMITTED_ON_TIME_DESCRIPTION }) submittedOnTime: boolean | null;
  @ApiProperty({ example: 0, nullable: true, type: Number, description: DAYS_LATE_DESCRIPTION }) daysLate: number | null;
}

/** The deadline and timeliness fields `GET realisasi/{year}/{month}/{subbagian}` and the report's commands add to the report. */
export class RealisasiDeadlineFieldsDto {
  @ApiProperty({
    example: '2024-02-05',
    description: 'Hari batas waktu laporan ini (kalender kantor): batas waktu bulan itu sendiri, batas waktu susulan bila PK tahun itu pertama kali disetujui ' +
      'setelah batas waktu bulan itu lewat, atau tanggal dispensasi yang diberikan selagi laporan ini masih terutang; terlambat mulai hari berikutnya',
  })
  deadline: string;
  @ApiProperty({ enum: DEADLINE_BASES, example: 'OWN', description: DEADLINE_BASIS_DESCRIPTION }) deadlineBasis: string;
  @ApiProperty({ example: '2024-02-02T03:00:00.000Z', nullable: true, type: String, format: 'date-time', description: FIRST_SUBMITTED_AT_DESCRIPTION + ' (`submittedAt`: pengajuan terakhir)' }) firstSubmittedAt: string | null;
  @ApiProperty({ example: true, nullable: true, type: Boolean, description: SUBMITTED_ON_TIME_DESCRIPTION }) submittedOnTime: boolean | null;
  @ApiProperty({ example: 0, nullable: true, type: Number, description: DAYS_LATE_DESCRIPTION }) daysLate: number | null;
}

export class RealisasiListMonthDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ example: '2026-02-05', description: 'Batas waktu bulan itu (kalender kantor), termasuk batas waktu susulan dan dispensasi bagi laporan yang masih terutang' }) dueDate: string;
  @ApiProperty({ type: [RealisasiListCellDto] }) reports: RealisasiListCellDto[];
}

/** `GET realisasi/{year}`: month × subbagian. */
export class RealisasiListDto {
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [String], example: ['HSDM', 'KUL', 'PDI', 'TPH'] }) subbagian: string[];
  @ApiProperty({ type: [RealisasiListMonthDto] }) months: RealisasiListMonthDto[];
}
