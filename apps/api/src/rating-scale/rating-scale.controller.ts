import { Body, Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@kinerja/identity';
import { GetRatingScaleHistoryQuery, GetRatingScaleQuery, SetRatingScaleCommand, type RatingScaleView } from '@kinerja/workflow';
import { SatkerParams } from '../audit/audit.dto';
import { CurrentUser } from '../http/current-user.decorator';
import { VersionEtag } from '../http/openapi-document';
import { AnyRole, Roles } from '../http/roles.decorator';
import { answer, commandOptions, withEtag } from '../workflow-http/command-options';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { RatingScaleBody, RatingScaleDto, RatingScaleHistoryDto } from './rating-scale.dto';

/** Tabel 3.1 of each office: what every capaian is rated with. Read by the office, set by its ADMIN. */
@ApiTags('Skala penilaian (Tabel 3.1)')
@Controller('satker/:satker/rating-scale')
export class RatingScaleController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Skala penilaian capaian yang berlaku (source DEFAULT = Tabel 3.1 bawaan, OFFICE = milik satker)' })
  @ApiOkResponse({ type: RatingScaleDto })
  @VersionEtag()
  async get(@Param() p: SatkerParams, @Res({ passthrough: true }) res: Response): Promise<RatingScaleView> {
    return withEtag(res, await this.queries.execute(new GetRatingScaleQuery(p.satker)));
  }

  @Put()
  @Roles('ADMIN')
  @CommandHeaders()
  @ApiOperation({ summary: 'Menetapkan versi baru skala penilaian; skala yang sama dengan yang berlaku tidak mengubah apa pun' })
  @ApiOkResponse({ description: 'Skala yang berlaku setelah perintah; header ETag = versi', type: RatingScaleDto })
  async set(@Param() p: SatkerParams, @Body() body: RatingScaleBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const input = { label: body.label, rows: body.rows, reason: body.reason ?? null };
    return answer(res, await this.commands.execute(new SetRatingScaleCommand(p.satker, input, user, commandOptions(req, body.expectedVersion))));
  }

  @Get('history')
  @AnyRole()
  @ApiOperation({ summary: 'Semua versi skala penilaian satker, terlama dahulu' })
  @ApiOkResponse({ type: RatingScaleHistoryDto })
  history(@Param() p: SatkerParams) {
    return this.queries.execute(new GetRatingScaleHistoryQuery(p.satker));
  }
}
