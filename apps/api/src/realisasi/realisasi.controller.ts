import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError, otherSubbagianMessage, type RealisasiContent, type RealisasiKey } from '@kinerja/domain';
import type { AuthenticatedUser } from '@kinerja/identity';
import {
  ApproveRealisasiCommand, GetRealisasiHistoryQuery, GetRealisasiQuery, ListRealisasiQuery, reportNotFound, ReturnRealisasiCommand,
  ReviseRealisasiCommand, SatkerDirectory, SaveRealisasiDraftCommand, SubmitRealisasiCommand, WithdrawRealisasiRevisionCommand,
} from '@kinerja/workflow';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { VersionEtag } from '../http/openapi-document';
import { Roles } from '../http/roles.decorator';
import { OptionalReasonBody, ReasonBody, VersionedBody } from '../perjanjian-kinerja/pk.dto';
import { answer, commandOptions, withEtag } from '../workflow-http/command-options';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { RealisasiContentBody, ReportParams, SubmitRealisasiBody, YearParams } from './realisasi.dto';
import { REALISASI_DETAIL_EXAMPLE, REALISASI_HISTORY_EXAMPLE, REALISASI_LIST_EXAMPLE } from './realisasi.examples';
import { RealisasiListDto } from './realisasi-read-models.dto';
import { RealisasiDetailDto, RealisasiHistoryDto } from './realisasi-view.dto';

const READERS = ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] as const;

/** The report as `GET` and every command on it answer: its state, content, `warnings`, deadline and timeliness. */
const VIEW_RESPONSE = {
  description: 'Laporan seperti dibaca dengan GET: keadaannya, `warnings`, `deadline`, `deadlineBasis`, `firstSubmittedAt`, `submittedOnTime` dan `daysLate`. ' +
    'Jawaban perintah yang diulang dengan Idempotency-Key yang sama adalah jawaban pertamanya (laporan dan batas waktunya seperti saat itu).',
  type: RealisasiDetailDto,
  example: REALISASI_DETAIL_EXAMPLE,
};

const keyOf = (p: ReportParams): RealisasiKey => ({ satker: p.satker, year: p.year, month: p.month, subbagian: p.subbagian });

function contentOf(body: { lines: unknown; budget: unknown }): RealisasiContent {
  return JSON.parse(JSON.stringify({ lines: body.lines, budget: body.budget })) as RealisasiContent;
}


/** Monthly realisasi reports: filled by the Kasubbag of the subbagian, approved or returned by the Sekretaris. */
@ApiTags('Realisasi bulanan')
@ApiNotFoundResponse({ type: ErrorBody, description: 'Satker di luar cakupan Anda, laporan belum ada (REALISASI.NOT_FOUND), atau subbagian yang tidak ada pada satker (SUBBAGIAN.NOT_FOUND, menyebut kode subbagian yang ada)' })
@Controller('satker/:satker/realisasi')
export class RealisasiController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus, private readonly directory: SatkerDirectory) {}

  /**
   * A Kasubbag reads and writes only the reports of their own subbagian: another's is 403
   * REALISASI.OTHER_SUBBAGIAN naming their own, and a code the office does not have is 404
   * SUBBAGIAN.NOT_FOUND naming the codes it has (a typo in the address, told as one).
   */
  private async assertOwnSubbagian(user: AuthenticatedUser, p: ReportParams): Promise<void> {
    if (user.role !== 'KASUBBAG' || user.subbagian === p.subbagian) return;
    const codes = await this.directory.allSubbagianCodes(p.satker);
    if (!codes.includes(p.subbagian)) throw reportNotFound(keyOf(p), codes);
    throw new DomainError('REALISASI.OTHER_SUBBAGIAN', otherSubbagianMessage(p.subbagian, user.subbagian ?? null), 'forbidden', { subbagian: p.subbagian, ownSubbagian: user.subbagian ?? null });
  }

  @Get(':year')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Status setiap laporan bulanan tahun ini (bulan × subbagian), termasuk yang terlambat',
    description: 'Kepala Subbagian hanya melihat laporan subbagiannya sendiri.',
  })
  @ApiOkResponse({ type: RealisasiListDto, example: REALISASI_LIST_EXAMPLE })
  list(@Param() p: YearParams, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.execute(new ListRealisasiQuery(p.satker, p.year, user.role === 'KASUBBAG' ? user.subbagian ?? '' : null));
  }

  @Put(':year/:month/:subbagian')
  @Roles('KASUBBAG')
  @CommandHeaders()
  @ApiOperation({
    summary: 'Menyimpan draf laporan (seluruh isi: baris indikator dan anggaran)',
    description: 'Isi yang sama dengan draf sebagaimana dibaca (urutan baris, spasi di awal/akhir uraian, kendala dan solusi, spasi atau baris kosong ' +
      'berturut-turut tidak dihitung) tidak mengubah apa pun: tidak dicatat, versi tetap, dan jawabannya laporan seperti tersimpan.',
  })
  @ApiOkResponse(VIEW_RESPONSE)
  async save(@Param() p: ReportParams, @Body() body: RealisasiContentBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.assertOwnSubbagian(user, p);
    return answer(res, await this.commands.execute(new SaveRealisasiDraftCommand(keyOf(p), contentOf(body), user, commandOptions(req, body.expectedVersion))));
  }

  @Post(':year/:month/:subbagian/submit')
  @HttpCode(200)
  @Roles('KASUBBAG')
  @CommandHeaders()
  @ApiOperation({ summary: 'Mengajukan laporan (dengan isi: disimpan sekaligus); juga pengajuan ulang setelah dikembalikan' })
  @ApiOkResponse(VIEW_RESPONSE)
  async submit(@Param() p: ReportParams, @Body() body: SubmitRealisasiBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.assertOwnSubbagian(user, p);
    const content = body.lines !== undefined || body.budget !== undefined ? contentOf({ lines: body.lines ?? [], budget: body.budget ?? [] }) : undefined;
    return answer(res, await this.commands.execute(new SubmitRealisasiCommand(keyOf(p), content, user, commandOptions(req, body.expectedVersion))));
  }

  @Post(':year/:month/:subbagian/approve')
  @HttpCode(200)
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Menyetujui laporan yang diajukan (bukan pengajuan sendiri)' })
  @ApiOkResponse(VIEW_RESPONSE)
  async approve(@Param() p: ReportParams, @Body() body: VersionedBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new ApproveRealisasiCommand(keyOf(p), user, commandOptions(req, body.expectedVersion))));
  }

  @Post(':year/:month/:subbagian/return')
  @HttpCode(200)
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Mengembalikan laporan yang diajukan, dengan alasan' })
  @ApiOkResponse(VIEW_RESPONSE)
  async returnReport(@Param() p: ReportParams, @Body() body: ReasonBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new ReturnRealisasiCommand(keyOf(p), body.reason, user, commandOptions(req, body.expectedVersion))));
  }

  @Post(':year/:month/:subbagian/revise')
  @HttpCode(200)
  @Roles('KASUBBAG')
  @CommandHeaders()
  @ApiOperation({ summary: 'Membuka revisi laporan yang sudah disetujui, dengan alasan; lalu simpan dan ajukan lagi' })
  @ApiOkResponse(VIEW_RESPONSE)
  async revise(@Param() p: ReportParams, @Body() body: ReasonBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.assertOwnSubbagian(user, p);
    return answer(res, await this.commands.execute(new ReviseRealisasiCommand(keyOf(p), body.reason, user, commandOptions(req, body.expectedVersion))));
  }

  @Post(':year/:month/:subbagian/revise/withdraw')
  @HttpCode(200)
  @Roles('KASUBBAG')
  @CommandHeaders()
  @ApiOperation({
    summary: 'Membatalkan revisi yang dibuka karena keliru, selama masih draf atau dikembalikan; laporan kembali disetujui dengan isi semula',
    description: 'Alasan opsional. Tidak ada revisi yang terbuka → 409 REALISASI.NO_REVISION_OPEN; laporan yang belum pernah dimulai → 404 ' +
      'REALISASI.NOT_FOUND; revisi sudah diajukan → 409 ' +
      'REALISASI.REVISION_SUBMITTED (minta Sekretaris mengembalikannya dahulu). Nomor revisi yang dibatalkan tidak dipakai lagi.',
  })
  @ApiOkResponse(VIEW_RESPONSE)
  async withdrawRevision(@Param() p: ReportParams, @Body() body: OptionalReasonBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    await this.assertOwnSubbagian(user, p);
    return answer(res, await this.commands.execute(new WithdrawRealisasiRevisionCommand(keyOf(p), body.reason, user, commandOptions(req, body.expectedVersion))));
  }

  @Get(':year/:month/:subbagian')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Keadaan laporan saat ini, dengan batas waktunya dan ketepatan waktu pelaporannya',
    description: 'Selain keadaan laporan, jawaban memuat `deadline`, `deadlineBasis`, `firstSubmittedAt`, `submittedOnTime` dan `daysLate`, ' +
      'serta `warnings`: anggaran yang melebihi pagu kegiatan, agar Sekretaris memeriksanya sebelum menyetujui.',
  })
  @ApiOkResponse(VIEW_RESPONSE)
  @VersionEtag()
  async get(@Param() p: ReportParams, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    await this.assertOwnSubbagian(user, p);
    return withEtag(res, await this.queries.execute(new GetRealisasiQuery(keyOf(p))));
  }

  @Get(':year/:month/:subbagian/history')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Riwayat laporan dalam kata-kata: siapa, kapan, apa, nilai sebelum → sesudah' })
  @ApiOkResponse({ type: RealisasiHistoryDto, example: REALISASI_HISTORY_EXAMPLE })
  async history(@Param() p: ReportParams, @CurrentUser() user: AuthenticatedUser) {
    await this.assertOwnSubbagian(user, p);
    return this.queries.execute(new GetRealisasiHistoryQuery(keyOf(p)));
  }
}
