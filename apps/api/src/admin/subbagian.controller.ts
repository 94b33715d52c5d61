import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubbagianService } from '@kinerja/identity';
import type { AuthenticatedUser, Subbagian } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { AnyRole, Roles } from '../http/roles.decorator';
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
  @ApiOperation({ summary: 'Create a subbagian' })
  @ApiCreatedResponse({ type: SubbagianDto })
  create(@CurrentUser() user: AuthenticatedUser, @Param('satker') satker: string, @Body() body: CreateSubbagianDto): Promise<Subbagian> {
    return this.subbagian.create(user, satker, body);
  }

  @Roles('ADMIN')
  @Patch(':subbagian')
  @ApiOperation({ summary: 'Rename, deactivate or reactivate a subbagian' })
  @ApiOkResponse({ type: SubbagianDto })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('subbagian') code: string,
    @Body() body: UpdateSubbagianDto,
  ): Promise<Subbagian> {
    return this.subbagian.update(user, satker, code, body);
  }
}
