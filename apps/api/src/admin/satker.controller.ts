import { Body, Controller, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SatkerService } from '@kinerja/identity';
import type { AuthenticatedUser, Satker } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { AnyRole, Roles } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions, withEtag } from '../workflow-http/command-options';
import { CreateSatkerDto, SatkerDto, UpdateSatkerDto } from './satker.dto';

@ApiTags('satker')
@Controller('satker')
export class SatkerController {
  constructor(private readonly satker: SatkerService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Satker dalam cakupan Anda (satker sendiri; INSPEKTORAT dan ADMIN: juga yang di bawahnya)' })
  @ApiOkResponse({ type: SatkerDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser): Promise<Satker[]> {
    return this.satker.listInScope(user);
  }

  @Roles('ADMIN')
  @Post()
  @CommandHeaders()
  @ApiOperation({ summary: 'Membuat satker di bawah induk dalam cakupan Anda (zona waktu, hari batas waktu dan kewajiban tanda tangan Ketua pada LKj final, ketuaSignsLkj, dapat diberikan sejak awal)' })
  @ApiCreatedResponse({ type: SatkerDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SATKER.NOT_FOUND: the parent is missing or outside your scope' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateSatkerDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Satker> {
    return answer(response, await this.satker.create(user, body, commandOptions(request)));
  }

  @AnyRole()
  @Get(':satker')
  @ApiOperation({ summary: 'Satu satker' })
  @ApiOkResponse({ type: SatkerDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SATKER.NOT_FOUND (also for an office outside your scope)' })
  async get(@Param('satker') code: string, @Res({ passthrough: true }) response: Response): Promise<Satker> {
    return withEtag(response, await this.satker.get(code));
  }

  @Roles('ADMIN')
  @Patch(':satker')
  @CommandHeaders()
  @ApiOperation({ summary: 'Mengganti nama, zona waktu, hari batas waktu atau kewajiban tanda tangan Ketua pada LKj final (ketuaSignsLkj), memindahkan ke induk lain, menonaktifkan atau mengaktifkan kembali satker' })
  @ApiOkResponse({ type: SatkerDto })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') code: string,
    @Body() body: UpdateSatkerDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Satker> {
    const options = commandOptions(request, body.expectedVersion);
    const input = { ...body, expectedVersion: options.expectedVersion ?? undefined };
    return answer(response, await this.satker.update(user, code, input, options));
  }
}
