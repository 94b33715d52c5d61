import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@kinerja/identity';
import { ExtendReportDeadlineCommand, ListReportDeadlineExtensionsQuery, type ReportDeadlineExtensionsView } from '@kinerja/workflow';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { Roles } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions } from '../workflow-http/command-options';
import { YearParams } from './realisasi.dto';
import { ExtendReportDeadlineBody, ReportDeadlineDto, ReportDeadlineExtensionsDto, ReportMonthParams } from './report-deadline.dto';

/** Dispensasi: a later deadline for the office's reports of one month, after the deadline has passed. */
@ApiTags('Realisasi bulanan')
@Controller('satker/:satker/report-deadlines')
export class ReportDeadlineController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get(':year')
  @Roles('SEKRETARIS', 'KETUA', 'ADMIN', 'INSPEKTORAT', 'KASUBBAG')
  @ApiOperation({
    summary: 'Daftar dispensasi batas waktu laporan yang diberikan untuk satu tahun',
    description:
      'Per bulan: batas waktu yang diganti, batas waktu baru, alasan, siapa dan kapan memberi. Dispensasi hanya berlaku bagi laporan ' +
      'yang masih terutang saat diberikan (di matriks status dan ringkasan: `deadlineBasis` = DISPENSASI).',
  })
  @ApiOkResponse({ type: ReportDeadlineExtensionsDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Satker di luar cakupan Anda (SATKER.NOT_FOUND)' })
  list(@Param() p: YearParams): Promise<ReportDeadlineExtensionsView> {
    return this.queries.execute(new ListReportDeadlineExtensionsQuery(p.satker, p.year));
  }

  @Post(':year/:month/extension')
  @HttpCode(200)
  @Roles('SEKRETARIS', 'ADMIN')
  @CommandHeaders()
  @ApiOperation({
    summary: 'Memberi dispensasi batas waktu laporan satu bulan (setelah batas waktunya lewat), dengan alasan',
    description:
      'Paling lama 31 hari setelah hari ini; dapat diberikan lagi setelah lewat. Berlaku untuk laporan bulan itu yang masih terutang ' +
      '(belum dikirim, draf, atau dikembalikan tanpa pernah disetujui): status, daftar, ringkasan dan pengingat memakai batas waktu baru; ' +
      'laporan yang sudah dikirim sebelumnya tetap memakai batas waktunya sendiri (yang terlambat tetap terlambat). Eskalasi dikirim lagi ' +
      'sehari setelahnya bila laporan masih belum dikirim. Tercatat sebagai peristiwa ReportDeadlineExtended di jejak audit.',
  })
  @ApiOkResponse({ type: ReportDeadlineDto })
  @ApiConflictResponse({
    type: ErrorBody,
    description:
      'DEADLINE_EXTENSION.DEADLINE_NOT_PASSED (batas waktu belum lewat), DEADLINE_EXTENSION.NOTHING_OWED (PK tahun itu belum disetujui, ' +
      'atau semua laporan bulan itu sudah dikirim)',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      'DEADLINE_EXTENSION.UNTIL_NOT_LATER (batas waktu baru tidak setelah hari ini), DEADLINE_EXTENSION.UNTIL_TOO_LATE (lebih dari 31 hari ' +
      'setelah hari ini), DEADLINE_EXTENSION.REASON_REQUIRED (alasan 3–2000 karakter yang terlihat)',
  })
  async extend(
    @Param() p: ReportMonthParams, @Body() body: ExtendReportDeadlineBody, @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ) {
    const [year, month, day] = body.until.split('-').map(Number);
    const input = { year: p.year, month: p.month, until: { year, month, day }, reason: body.reason };
    return answer(res, await this.commands.execute(new ExtendReportDeadlineCommand(p.satker, input, user, commandOptions(req, body.expectedVersion))));
  }
}
