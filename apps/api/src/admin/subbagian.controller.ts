import { Body, Controller, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubbagianService } from '@kinerja/identity';
import type { AuthenticatedUser, Subbagian } from '@kinerja/identity';
import { SubbagianObligations } from '@kinerja/workflow';
import { CurrentUser } from '../http/current-user.decorator';
import { AnyRole, Roles } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions } from '../workflow-http/command-options';
import { CreateSubbagianDto, SubbagianDto, UpdateSubbagianDto } from './subbagian.dto';

@ApiTags('satker')
@Controller('satker/:satker/subbagian')
export class SubbagianController {
  constructor(
    private readonly subbagian: SubbagianService,
    private readonly obligations: SubbagianObligations,
  ) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Subbagian satker, yang aktif dan yang tidak' })
  @ApiOkResponse({ type: SubbagianDto, isArray: true })
  list(@Param('satker') satker: string): Promise<Subbagian[]> {
    return this.subbagian.list(satker);
  }

  @Roles('ADMIN')
  @Post()
  @CommandHeaders()
  @ApiOperation({ summary: 'Membuat subbagian' })
  @ApiCreatedResponse({ type: SubbagianDto })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Body() body: CreateSubbagianDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Subbagian> {
    return answer(response, await this.subbagian.create(user, satker, body, commandOptions(request)));
  }

  @Roles('ADMIN')
  @Patch(':subbagian')
  @CommandHeaders()
  @ApiOperation({
    summary: 'Mengganti nama subbagian, menonaktifkan atau mengaktifkan kembali',
    description: 'Menonaktifkan ditolak (409 SUBBAGIAN.HAS_OBLIGATIONS, `details.obligations` per tahun) selama subbagian masih wajib mengirim laporan bulanan yang belum disetujui, menurut versi PK yang berlaku untuk bulan itu, atau menjadi PIC pada versi PK yang sedang disusun; nama yang dipakai subbagian lain satker ini ditolak (409 SUBBAGIAN.NAME_TAKEN).',
  })
  @ApiOkResponse({ type: SubbagianDto })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('subbagian') code: string,
    @Body() body: UpdateSubbagianDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Subbagian> {
    const options = commandOptions(request, body.expectedVersion);
    const input = { ...body, expectedVersion: options.expectedVersion ?? undefined };
    // Deactivation is refused while the subbagian still owes reports or is PIC in a PK being prepared.
    // Asked before the identity transaction (the embedded database has one session, which that
    // transaction holds); a PK that names it meanwhile is refused at submission and approval.
    if (body.active === false && (await this.subbagian.get(satker, code)).active) await this.obligations.assertNone(satker, code);
    return answer(response, await this.subbagian.update(user, satker, code, input, options));
  }
}
