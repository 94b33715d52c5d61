import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SatkerScopeService, type AuthenticatedUser } from '@kinerja/identity';
import { GetApprovalInboxQuery, GetStatusMatrixQuery, GetStatusSummaryQuery, type ApprovalInboxView, type StatusMatrixView, type StatusSummaryView } from '@kinerja/workflow';
import { SatkerParams } from '../audit/audit.dto';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { Roles } from '../http/roles.decorator';
import { ApprovalInboxDto, StatusMatrixDto, StatusSummaryDto } from './realisasi-read-models.dto';
import { YearOnlyParams, YearParams } from './realisasi.dto';

/** The Sekretaris approves; the Ketua and the Inspektorat only look. A Kasubbag has `realisasi/{year}`. */
const OVERSEERS = ['SEKRETARIS', 'KETUA', 'INSPEKTORAT'] as const;

const FOLLOWS_THE_LOG =
  'Dilayani dari read model yang mengikuti log peristiwa: perubahan yang baru saja tercatat dapat belum tampil selama ' +
  'beberapa saat (ketertinggalannya per proyeksi ada di `GET /health`, `projections[].eventsBehind`/`secondsBehind`).';

/** The monthly reports as the Sekretaris oversees them, from the approval-inbox and submission-status read models. */
@ApiTags('Realisasi bulanan')
@ApiNotFoundResponse({ type: ErrorBody, description: 'Satker di luar cakupan Anda (SATKER.NOT_FOUND)' })
@Controller('satker/:satker')
export class RealisasiReadModelsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('approval-inbox')
  @Roles(...OVERSEERS)
  @ApiOperation({
    summary: 'Kotak persetujuan Sekretaris: laporan bulanan yang menunggu persetujuan, pengajuan terlama lebih dahulu',
    description:
      'Laporan masuk saat diajukan dan keluar saat disetujui atau dikembalikan. Laporan yang pengajuan terakhirnya dari Anda sendiri ' +
      '(akun Anda, atau akun lain Anda menurut e-mail atau nama lengkap: aturan REALISASI.OWN_SUBMISSION) tetap tercantum, ditandai ' +
      '`ownSubmission: true` dengan penjelasan di `ownSubmissionHint`: Anda tidak dapat menyetujui atau mengembalikannya, harus Sekretaris lain; ' +
      `laporan itu juga tidak dicantumkan dalam ringkasan harian persetujuan untuk Anda. ${FOLLOWS_THE_LOG}`,
  })
  @ApiOkResponse({ type: ApprovalInboxDto })
  approvalInbox(@CurrentUser() user: AuthenticatedUser, @Param() p: SatkerParams): Promise<ApprovalInboxView> {
    return this.queries.execute(new GetApprovalInboxQuery(p.satker, user));
  }

  @Get('status-matrix/:year')
  @Roles(...OVERSEERS)
  @ApiOperation({
    summary: 'Matriks status pelaporan: subbagian × bulan (belum dimulai, draf, diajukan, dikembalikan, disetujui, terlambat)',
    description: `Terlambat diputuskan saat diminta, menurut batas waktu dan zona waktu satker. ${FOLLOWS_THE_LOG}`,
  })
  @ApiOkResponse({ type: StatusMatrixDto })
  statusMatrix(@Param() p: YearParams): Promise<StatusMatrixView> {
    return this.queries.execute(new GetStatusMatrixQuery(p.satker, p.year));
  }
}

/**
 * Every office in the reader's scope on one page, for whoever oversees many (an Inspektorat of a
 * province or of KPU RI); a Sekretaris or Ketua sees their own office's line.
 */
@ApiTags('Realisasi bulanan')
@Controller('status-summary')
export class StatusSummaryController {
  constructor(private readonly queries: QueryBus, private readonly scope: SatkerScopeService) {}

  @Get(':year')
  @Roles(...OVERSEERS)
  @ApiOperation({
    summary: 'Ringkasan pelaporan semua satker dalam cakupan Anda: jumlah laporan per status dan laporan yang terlambat',
    description: `Aturan yang sama dengan matriks status tiap satker, untuk semua satker sekaligus (urut kode satker). ${FOLLOWS_THE_LOG}`,
  })
  @ApiOkResponse({ type: StatusSummaryDto })
  async summary(@CurrentUser() user: AuthenticatedUser, @Param() p: YearOnlyParams): Promise<StatusSummaryView> {
    return this.queries.execute(new GetStatusSummaryQuery(await this.scope.codesInScope(user), p.year));
  }
}
