import { Body, Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SatkerProfileService, type AuthenticatedUser, type SatkerProfileView } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { VersionEtag } from '../http/openapi-document';
import { AnyRole, Roles } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions, withEtag } from '../workflow-http/command-options';
import { SatkerProfileBody, SatkerProfileDto } from './satker-profile.dto';

/** The office's profile for its LKj: read by the office's people, set by an ADMIN in scope. */
@ApiTags('satker')
@Controller('satker/:satker/profile')
export class SatkerProfileController {
  constructor(private readonly profiles: SatkerProfileService) {}

  @AnyRole()
  @Get()
  @VersionEtag()
  @ApiOperation({ summary: 'Profil satker untuk Laporan Kinerja (jenis instansi, nama instansi, jabatan pimpinan, tempat penandatanganan, alamat, tugas, fungsi, tugas subbagian, tabel SDM)' })
  @ApiOkResponse({ type: SatkerProfileDto, description: 'Header ETag = versi profil' })
  async get(@Param('satker') satker: string, @Res({ passthrough: true }) response: Response): Promise<SatkerProfileView> {
    return withEtag(response, await this.profiles.get(satker));
  }

  @Roles('ADMIN')
  @Put()
  @CommandHeaders()
  @ApiOperation({
    summary: 'Menetapkan profil satker untuk Laporan Kinerja (menggantikan seluruh profil; kolom yang tidak diisi tidak dicatat)',
    description: 'Kolom yang tidak dicatat: LKj satker KPU menurunkannya dari nama satker seperti sebelumnya; LKj instansi lain (institutionKind LAINNYA) ' +
      'memakai nama satker dan menyatakan bahwa uraiannya belum dicatat. Setiap perubahan dicatat sebagai peristiwa SatkerProfileChanged pada jejak audit satker.',
  })
  @ApiOkResponse({ type: SatkerProfileDto, description: 'Profil setelah perintah; header ETag = versi' })
  @ApiConflictResponse({ type: ErrorBody, description: 'IDENTITY.VERSION_CONFLICT (If-Match usang)' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'SATKER_PROFILE.SUBBAGIAN_NOT_FOUND, SATKER_PROFILE.SUBBAGIAN_TWICE, SATKER_PROFILE.STAFF_COUNTS_MISMATCH, SATKER_PROFILE.STAFF_DUPLICATE; IDENTITY.REASON_INVALID; IDEMPOTENCY.KEY_REUSED',
  })
  async set(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Body() body: SatkerProfileBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SatkerProfileView> {
    return answer(response, await this.profiles.set(user, satker, body, commandOptions(request, body.expectedVersion)));
  }
}
