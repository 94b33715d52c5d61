import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SatkerService } from '@kinerja/identity';
import type { AuthenticatedUser, Satker } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { AnyRole, Roles } from '../http/roles.decorator';
import { CreateSatkerDto, SatkerDto, UpdateSatkerDto } from './satker.dto';

@ApiTags('satker')
@Controller('satker')
export class SatkerController {
  constructor(private readonly satker: SatkerService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'The offices in your scope (your own; INSPEKTORAT and ADMIN: also those below it)' })
  @ApiOkResponse({ type: SatkerDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser): Promise<Satker[]> {
    return this.satker.listInScope(user);
  }

  @Roles('ADMIN')
  @Post()
  @ApiOperation({ summary: 'Create an office under a parent in your scope' })
  @ApiCreatedResponse({ type: SatkerDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SATKER.NOT_FOUND: the parent is missing or outside your scope' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSatkerDto): Promise<Satker> {
    return this.satker.create(user, body);
  }

  @AnyRole()
  @Get(':satker')
  @ApiOperation({ summary: 'One office' })
  @ApiOkResponse({ type: SatkerDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'SATKER.NOT_FOUND (also for an office outside your scope)' })
  get(@Param('satker') code: string): Promise<Satker> {
    return this.satker.get(code);
  }

  @Roles('ADMIN')
  @Patch(':satker')
  @ApiOperation({ summary: 'Rename, change time zone or deadline day, deactivate or reactivate an office' })
  @ApiOkResponse({ type: SatkerDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param('satker') code: string, @Body() body: UpdateSatkerDto): Promise<Satker> {
    return this.satker.update(user, code, body);
  }
}
