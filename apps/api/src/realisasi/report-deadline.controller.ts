import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@kinerja/identity';
import { ExtendReportDeadlineCommand } from '@kinerja/workflow';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { Roles } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions } from '../workflow-http/command-options';
import { ExtendReportDeadlineBody, ReportDeadlineDto, ReportMonthParams } from './report-deadline.dto';

/** Dispensasi: a later deadline for the office's reports of one month, after the deadline has passed. */
@ApiTags('Realisasi bulanan')
@Controller('satker/:satker/report-deadlines')
export class ReportDeadlineController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':year/:month/extension')
  @HttpCode(200)
  @Roles('SEKRETARIS', 'ADMIN')
  @CommandHeaders()
  @ApiOperation({
    summary: 'Memberi dispensasi batas waktu laporan satu bulan (setelah batas waktunya lewat), dengan alasan',
    description:
      'Berlaku untuk laporan semua subbagian bulan itu: status, daftar, ringkasan dan pengingat memakai batas waktu baru; eskalasi ' +
      'dikirim lagi sehari setelahnya bila laporan masih belum dikirim. Tercatat sebagai peristiwa ReportDeadlineExtended di jejak audit.',
  })
  @ApiOkResponse({ type: ReportDeadlineDto })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'DEADLINE_EXTENSION.DEADLINE_NOT_PASSED (batas waktu belum lewat), DEADLINE_EXTENSION.NOTHING_OWED (PK tahun itu belum disetujui)',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'DEADLINE_EXTENSION.UNTIL_NOT_LATER (batas waktu baru tidak setelah hari ini)' })
  async extend(
    @Param() p: ReportMonthParams, @Body() body: ExtendReportDeadlineBody, @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ) {
    const [year, month, day] = body.until.split('-').map(Number);
    const input = { year: p.year, month: p.month, until: { year, month, day }, reason: body.reason };
    return answer(res, await this.commands.execute(new ExtendReportDeadlineCommand(p.satker, input, user, commandOptions(req, body.expectedVersion))));
  }
}
