import { Body, Controller, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SubbagianService } from '@kinerja/identity';
import type { AuthenticatedUser, Subbagian } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { AnyRole, Roles } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions } from '../workflow-http/command-options';
import { CreateSubbagianDto, SubbagianDto, UpdateSubbagianDto } from './subbagian.dto';

@ApiTags('satker')
@Controller('satker/:satker/subbagian')
export class SubbagianController {
  constructor(private readonly subbagian: SubbagianService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'The subbagian of an office' })
  @ApiOkResponse({ type: SubbagianDto, isArray: true })
  list(@Param('satker') satker: string): Promise<Subbagian[]> {
    return this.subbagian.list(satker);
  }

  @Roles('ADMIN')
  @Post()
  @CommandHeaders()
  @ApiOperation({ summary: 'Create a subbagian' })
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
  @ApiOperation({ summary: 'Rename, deactivate or reactivate a subbagian' })
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
    return answer(response, await this.subbagian.update(user, satker, code, input, options));
  }
}
