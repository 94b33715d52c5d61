import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { PkStructure } from '@kinerja/domain';
import type { AuthenticatedUser } from '@kinerja/identity';
import {
  ApprovePkCommand, ChangePkIndicatorsCommand, DraftPkCommand, GetPkQuery, ListPkVersionsQuery, OpenPkRevisionCommand,
  ReturnPkCommand, SubmitPkCommand, WithdrawPkRevisionCommand,
} from '@kinerja/workflow';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { VersionEtag } from '../http/openapi-document';
import { Roles } from '../http/roles.decorator';
import { answer, commandOptions, withEtag } from '../workflow-http/command-options';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { OptionalReasonBody, PkParams, PkStructureBody, ReasonBody, VersionedBody } from './pk.dto';
import { PK_VERSIONS_EXAMPLE, PK_VIEW_EXAMPLE } from './pk.examples';
import { PkVersionsDto, PkViewDto } from './pk-view.dto';

const READERS = ['SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'KASUBBAG'] as const;

/** The PK as GET answers it: what every command on it answers too. */
const PK_VIEW = { type: PkViewDto, example: PK_VIEW_EXAMPLE };

function structureOf(body: PkStructureBody): PkStructure {
  return JSON.parse(JSON.stringify({ programs: body.programs })) as PkStructure;
}

/** Perjanjian Kinerja of an office and year: drafted and submitted by the Sekretaris, approved by the Ketua. */
@ApiTags('Perjanjian Kinerja')
@ApiNotFoundResponse({ type: ErrorBody, description: 'Satker di luar cakupan Anda, atau PK belum ada (PK.NOT_FOUND)' })
@Controller('satker/:satker/pk/:year')
export class PkController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Post()
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Menyusun draf PK versi 1 untuk tahun ini' })
  @ApiCreatedResponse({ description: 'PK setelah perintah; header ETag = versi', ...PK_VIEW })
  async draft(@Param() p: PkParams, @Body() body: PkStructureBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new DraftPkCommand(p.satker, p.year, structureOf(body), user, commandOptions(req, body.expectedVersion))));
  }

  @Put('draft')
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Mengganti struktur (program, kegiatan, indikator) draf PK' })
  @ApiOkResponse(PK_VIEW)
  async change(@Param() p: PkParams, @Body() body: PkStructureBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new ChangePkIndicatorsCommand(p.satker, p.year, structureOf(body), user, commandOptions(req, body.expectedVersion))));
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({
    summary: 'Mengajukan draf PK untuk disetujui',
    description: 'PK Perubahan yang isinya sama persis dengan versi yang berlaku → 422 PK.REVISION_UNCHANGED: ubah drafnya, ' +
      'atau batalkan PK Perubahan itu (revisions/withdraw).',
  })
  @ApiOkResponse(PK_VIEW)
  async submit(@Param() p: PkParams, @Body() body: VersionedBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new SubmitPkCommand(p.satker, p.year, user, commandOptions(req, body.expectedVersion))));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('KETUA', 'SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Menyetujui PK yang diajukan (bukan oleh pengaju sendiri); versi itu berlaku dan dibekukan' })
  @ApiOkResponse(PK_VIEW)
  async approve(@Param() p: PkParams, @Body() body: VersionedBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new ApprovePkCommand(p.satker, p.year, user, commandOptions(req, body.expectedVersion))));
  }

  @Post('return')
  @HttpCode(200)
  @Roles('KETUA', 'SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Mengembalikan PK yang diajukan dengan alasan' })
  @ApiOkResponse(PK_VIEW)
  async returnPk(@Param() p: PkParams, @Body() body: ReasonBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new ReturnPkCommand(p.satker, p.year, body.reason, user, commandOptions(req, body.expectedVersion))));
  }

  @Post('revisions')
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Membuka PK Perubahan: versi baru disusun dan disetujui lagi; versi yang berlaku tetap berlaku sampai itu' })
  @ApiCreatedResponse(PK_VIEW)
  async openRevision(@Param() p: PkParams, @Body() body: ReasonBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new OpenPkRevisionCommand(p.satker, p.year, body.reason, user, commandOptions(req, body.expectedVersion))));
  }

  @Post('revisions/withdraw')
  @HttpCode(200)
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({
    summary: 'Membatalkan PK Perubahan yang dibuka karena keliru, selama masih draf (juga setelah dikembalikan); versi yang berlaku tetap berlaku',
    description: 'Versi yang dibatalkan tetap tercatat dalam riwayat dengan status WITHDRAWN (dan `withdrawal`: siapa, kapan, alasan). ' +
      'Alasan opsional. Tidak ada PK Perubahan yang terbuka → 409 PK.NO_REVISION_OPEN; sudah diajukan → 409 PK.REVISION_SUBMITTED ' +
      '(minta Ketua mengembalikannya dahulu).',
  })
  @ApiOkResponse(PK_VIEW)
  async withdrawRevision(@Param() p: PkParams, @Body() body: OptionalReasonBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new WithdrawPkRevisionCommand(p.satker, p.year, body.reason, user, commandOptions(req, body.expectedVersion))));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'PK tahun ini: versi yang berlaku dan draf yang sedang berjalan' })
  @ApiOkResponse(PK_VIEW)
  @VersionEtag()
  async get(@Param() p: PkParams, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.queries.execute(new GetPkQuery(p.satker, p.year)));
  }

  @Get('versions')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Semua versi PK tahun ini (PK awal dan setiap PK Perubahan)' })
  @ApiOkResponse({ type: PkVersionsDto, example: PK_VERSIONS_EXAMPLE })
  @VersionEtag()
  async versions(@Param() p: PkParams, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.queries.execute(new ListPkVersionsQuery(p.satker, p.year)));
  }
}
