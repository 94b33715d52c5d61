import { Body, CanActivate, Controller, ExecutionContext, Get, Injectable, Param, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { HariLiburService, type AuthenticatedUser, type HariLiburHistoryView, type HariLiburYearView } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { VersionEtag } from '../http/openapi-document';
import { AnyRole, Roles } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions, withEtag } from '../workflow-http/command-options';
import { HariLiburBody, HariLiburHistoryDto, HariLiburParams, HariLiburYearDto } from './hari-libur.dto';

/**
 * Only the installation's administrator (an ADMIN of the root office) sets the calendar: told
 * before the body is judged, so that an office's ADMIN is not first asked to mend a list they may
 * not send at all (the service checks it again inside its transaction).
 */
@Injectable()
export class InstallationAdminGuard implements CanActivate {
  constructor(private readonly hariLibur: HariLiburService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.hariLibur.assertInstallationAdmin(context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user);
    return true;
  }
}

/**
 * The national holidays and cuti bersama of each year (SKB 3 Menteri), one calendar for every office:
 * no approval digest goes out on them. Read by everyone, kept by the root office's ADMIN.
 */
@ApiTags('Hari libur nasional')
@Controller('hari-libur')
export class HariLiburController {
  constructor(private readonly hariLibur: HariLiburService) {}

  @Get(':year')
  @AnyRole()
  @ApiOperation({ summary: 'Hari libur nasional dan cuti bersama tahun {year}, urut tanggal, dengan siapa yang terakhir mengubah daftarnya dan kapan' })
  @ApiOkResponse({ type: HariLiburYearDto, description: 'Header ETag = versi daftar tahun itu' })
  @VersionEtag()
  async get(@Param() p: HariLiburParams, @Res({ passthrough: true }) res: Response): Promise<HariLiburYearView> {
    return withEtag(res, await this.hariLibur.year(p.year));
  }

  @Put(':year')
  @Roles('ADMIN')
  @UseGuards(InstallationAdminGuard)
  @CommandHeaders()
  @ApiOperation({
    summary: 'Menetapkan daftar hari libur nasional dan cuti bersama tahun {year} (menggantikan seluruh daftar; kosong = mengosongkan)',
    description: 'Hanya Admin satker tertinggi. Daftar yang sama dengan yang berlaku tidak mengubah apa pun; tanggal yang tetap dengan nama dan jenis yang sama tetap mencatat siapa yang memasukkannya. ' +
      'Setiap perubahan dicatat sebagai peristiwa HariLiburChanged pada jejak audit satker tertinggi (tanggal yang ditambah, dihapus, diubah nama atau jenisnya; `reason` sebagai alasan).',
  })
  @ApiOkResponse({ type: HariLiburYearDto, description: 'Daftar yang berlaku setelah perintah; header ETag = versi' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'AUTH.FORBIDDEN (bukan ADMIN); HARI_LIBUR.ROOT_ADMIN_ONLY (ADMIN satker di bawah satker tertinggi)' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'HARI_LIBUR.DATE_OUTSIDE_YEAR, HARI_LIBUR.DUPLICATE_DATE, HARI_LIBUR.NAME_REQUIRED, HARI_LIBUR.HIDDEN_CHARACTERS, HARI_LIBUR.STACKED_MARKS, HARI_LIBUR.NAME_TOO_LONG (menyebut butirnya); IDENTITY.REASON_INVALID; IDEMPOTENCY.KEY_REUSED',
  })
  async set(@Param() p: HariLiburParams, @Body() body: HariLiburBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const holidays = body.holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
    return answer(res, await this.hariLibur.set(user, p.year, { holidays, reason: body.reason }, commandOptions(req, body.expectedVersion)));
  }

  @Get(':year/history')
  @AnyRole()
  @ApiOperation({ summary: 'Setiap daftar yang pernah ditetapkan untuk tahun {year}, siapa dan kapan, terlama dahulu' })
  @ApiOkResponse({ type: HariLiburHistoryDto })
  history(@Param() p: HariLiburParams): Promise<HariLiburHistoryView> {
    return this.hariLibur.history(p.year);
  }
}
