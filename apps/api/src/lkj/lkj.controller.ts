import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@kinerja/identity';
import { LkjService } from '@kinerja/jobs';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody, storageUnavailableResponse } from '../http/error-body';
import { VersionEtag } from '../http/openapi-document';
import { Roles } from '../http/roles.decorator';
import { answer, commandOptions, jobActorOf } from '../workflow-http/command-options';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { LKJ_OVERVIEW_EXAMPLE, LkjFileParams, LkjRequestBody, LkjRequestQuery, LkjVersionParams, LkjYearParams } from './lkj.dto';
import { LkjOverviewDto, LkjVersionDto } from './lkj-view.dto';

const READERS = ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] as const;

/** The annual Laporan Kinerja: produced by itself when the year is approved; asked for by the Sekretaris; downloaded by the office. */
@ApiTags('Laporan Kinerja (LKj)')
@Controller('satker/:satker/lkj')
export class LkjController {
  constructor(private readonly lkj: LkjService) {}

  @Get(':year')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Status LKj tahun ini (none / draft / pending / produced / stale) dan semua versinya, termasuk draf',
    description:
      '`status`: `none` belum ada versi apa pun yang diminta; `draft` baru ada draf (status tiap draf — pending atau produced — ' +
      'ada pada `versions`); `pending`, `produced`, `stale` menyatakan LKj final terbaru: sedang dibuat, tersedia, atau ' +
      'usang karena perbaikan disetujui setelah versi itu dibuat (versi baru menyusul otomatis). Versi lama tetap dapat diunduh. ' +
      '`reason` tiap versi: `ALL_APPROVED` (seluruh laporan tahun itu disetujui), `REVISION_APPROVED` (revisi laporan atau PK Perubahan ' +
      'disetujui setelah LKj final dibuat), `CAPAIAN_TAHUN_LALU_CHANGED` (capaian tahun lalu diimpor ulang setelahnya), ' +
      '`RATING_SCALE_CHANGED` (skala penilaian diubah setelahnya), `REQUESTED` (diminta Sekretaris). ' +
      '`blocked`: null, atau — selama ada versi yang belum dibuat dan satker memiliki peringatan integritas rantai yang terbuka — ' +
      '`{ code: "LKJ.INTEGRITY_DAMAGED", message, alertIds, versions }`: versi-versi itu tertahan sampai Inspektorat menutup peringatan ' +
      '`alertIds`, lalu dibuat otomatis. ' +
      '`retrying`: null, atau — selama ada versi yang belum dibuat karena pekerjaannya gagal pada semua percobaannya (basis data, Redis, ' +
      'atau penyimpanan berkas tidak dapat dijangkau cukup lama) dan tidak tertahan (`blocked`) — `{ code: "LKJ.PRODUCTION_RETRYING", message, ' +
      'versions, failedAttempts, lastFailedAt, retryAt }`: worker mencobanya lagi sendiri (semula 1 menit setelah gagal, lalu dua kali lebih lama ' +
      'setiap kali gagal lagi, paling lama 16 menit); tidak perlu meminta ulang. ' +
      '`awaitingSignature`: true selama LKj final terbaru sudah dibuat, masih mutakhir, dan menunggu tanda tangan Ketua (satker mewajibkannya, ' +
      '`ketuaSignsLkj`; `status` tetap `produced`). `signature` tiap versi: `{ required, signedBy, signedByUser, signedAt }` — `required` ditetapkan saat versi ' +
      'dibuat dari pengaturan satker saat itu: true/false setelah dibuat, null selama versi final masih dibuat (belum ditentukan: pengaturan ' +
      'dapat berubah sebelum versi itu selesai dibuat), selalu false untuk draf; `signedBy` (id pengguna), `signedByUser` ' +
      '`{ id, username, fullName, role, satker }` (seperti `submittedBy` di kotak persetujuan) dan `signedAt` null sebelum ditandatangani. ' +
      'Header ETag = jumlah peristiwa LKj tahun ini, untuk If-Match pada permintaan berikutnya.',
  })
  @ApiOkResponse({ type: LkjOverviewDto, example: LKJ_OVERVIEW_EXAMPLE })
  @VersionEtag()
  async overview(@Param() p: LkjYearParams, @Res({ passthrough: true }) res: Response) {
    const { view, version } = await this.lkj.current(p.satker, p.year);
    res.setHeader('ETag', `"${version}"`);
    return view;
  }

  @Post(':year')
  @HttpCode(202)
  @Roles('SEKRETARIS')
  @ApiOperation({
    summary: 'Meminta LKj: final (setelah PK dan seluruh laporan Januari–Desember disetujui) atau draf (`?draft=true`, kapan saja setelah PK disetujui)',
    description: 'Saran BAB IV dapat diberikan di body. Berkas dibuat oleh worker; pantau statusnya di GET. Header ETag = jumlah peristiwa LKj tahun ini.',
  })
  @ApiAcceptedResponse({ description: 'Versi yang diminta; berkasnya dibuat worker', type: LkjVersionDto, example: LKJ_OVERVIEW_EXAMPLE.versions[0] })
  @ApiConflictResponse({
    type: ErrorBody,
    description:
      'LKJ.NO_APPROVED_PK: belum ada PK tahun ini yang disetujui (draf maupun final); LKJ.YEAR_NOT_COMPLETE: LKj final diminta sebelum semua laporan disetujui; ' +
      'LKJ.INTEGRITY_DAMAGED: rantai integritas log peristiwa satker rusak — ada peringatan integritas rantai yang belum ditutup, atau pemeriksaan ' +
      'saat permintaan menemukan kerusakan (dicatat sebagai peringatan); `details.alertIds` menyebut peringatan yang harus ditutup Inspektorat ' +
      'lebih dahulu, tidak ada yang dicatat; versi yang sudah diminta juga tidak dibuat sampai peringatan ditutup, lalu dibuat otomatis; ' +
      'EVENT_STORE.CONCURRENCY: If-Match usang',
  })
  @CommandHeaders()
  async request(
    @Param() p: LkjYearParams,
    @Query() q: LkjRequestQuery,
    @Body() body: LkjRequestBody,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answer(res, await this.lkj.request(p.satker, p.year, q.draft === true, body.suggestions ?? null, jobActorOf(user), commandOptions(req)));
  }

  @Post(':year/versions/:version/sign')
  @HttpCode(200)
  @Roles('KETUA')
  @ApiOperation({
    summary: 'Ketua menandatangani LKj final (bila satker mewajibkannya, `ketuaSignsLkj`)',
    description:
      'Mencatat LkjSigned pada versi final yang sudah dibuat, masih mutakhir, dan menunggu tanda tangan; Sekretaris diberi tahu (LKJ_SIGNED). ' +
      'Berkas tidak dibuat ulang: status dan jejak audit memuat tanda tangannya. Hanya Ketua satker itu. Header ETag = jumlah peristiwa LKj tahun ini.',
  })
  @ApiOkResponse({ description: 'Versi yang ditandatangani', type: LkjVersionDto, example: LKJ_OVERVIEW_EXAMPLE.versions[0] })
  @ApiConflictResponse({
    type: ErrorBody,
    description:
      'LKJ.DRAFT_NOT_SIGNED: draf tidak ditandatangani; LKJ.NOT_PRODUCED_YET; LKJ.SIGNATURE_NOT_REQUIRED: satker tidak mewajibkan tanda tangan ' +
      'Ketua saat versi itu dibuat; LKJ.ALREADY_SIGNED: pesannya menyebut siapa yang menandatangani dan kapan (waktu kantor; `details.signedBy`, `signedAt`); ' +
      'LKJ.VERSION_STALE: versi itu usang sebelum ditandatangani — juga bila perbaikan yang membuatnya usang (revisi laporan bulanan, PK Perubahan, ' +
      'capaian tahun lalu diimpor ulang, skala penilaian yang mengubah bacaan) sudah disetujui tetapi belum ditandai pada status (versi berikutnya yang ditandatangani); ' +
      'LKJ.VERSION_SUPERSEDED: sudah ada versi final yang lebih baru (`details.newerVersion`); EVENT_STORE.CONCURRENCY: If-Match usang',
  })
  @CommandHeaders()
  async sign(
    @Param() p: LkjVersionParams,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answer(res, await this.lkj.sign(p.satker, p.year, p.version, jobActorOf(user), commandOptions(req)));
  }

  @Get(':year/versions/:version/:format')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Mengunduh DOCX atau PDF suatu versi; isinya dihitung ulang dan harus cocok dengan SHA-256 yang tercatat' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf')
  @ApiOkResponse({ description: 'Berkas DOCX atau PDF', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({
    type: ErrorBody,
    description:
      'LKJ.INTEGRITY_FAILED: berkas tidak cocok dengan sidik jarinya (tidak diberikan, dan dicatat sebagai peringatan integritas ' +
      'satker `lkj_file_mismatch`, satu per berkas selama terbuka); LKJ.NOT_PRODUCED_YET',
  })
  @ApiResponse(storageUnavailableResponse('read'))
  async download(@Param() p: LkjFileParams, @CurrentUser() user: AuthenticatedUser) {
    const file = await this.lkj.download(p.satker, p.year, p.version, p.format, { id: user.id });
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
