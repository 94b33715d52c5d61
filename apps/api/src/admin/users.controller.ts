import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserPasswordService, UserService } from '@kinerja/identity';
import type { AuthenticatedUser, UserView } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { Roles } from '../http/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto } from './user.dto';

const userId = uuidParam('userId');

@ApiTags('users')
@Roles('ADMIN')
@Controller('satker/:satker/users')
export class UsersController {
  constructor(
    private readonly users: UserService,
    private readonly passwords: UserPasswordService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The users of an office' })
  @ApiOkResponse({ type: UserDto, isArray: true })
  list(@Param('satker') satker: string): Promise<UserView[]> {
    return this.users.list(satker);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentUser() user: AuthenticatedUser, @Param('satker') satker: string, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(user, satker, body);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserDto })
  get(@Param('satker') satker: string, @Param('userId', userId) id: string): Promise<UserView> {
    return this.users.get(satker, id);
  }

  @Patch(':userId')
  @ApiOperation({ summary: 'Change name, e-mail, role or subbagian; deactivate or reactivate' })
  @ApiOkResponse({ type: UserDto })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('userId', userId) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(user, satker, id, body);
  }

  @Post(':userId/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password (lifts a lockout; the user’s sessions end)' })
  @ApiNoContentResponse()
  async resetPassword(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('userId', userId) id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    await this.passwords.reset(user, satker, id, body.newPassword);
  }
}
