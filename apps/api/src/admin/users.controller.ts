import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UserAdministrationService, UserPasswordService, UserService } from '@kinerja/identity';
import type { AdministeredUserView, AuthenticatedUser, UserView } from '@kinerja/identity';
import { PairLockout } from '../auth/pair-lockout';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { Roles } from '../http/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { answer, commandOptions, markReplayed, withViewEtag } from '../workflow-http/command-options';
import { AdministeredUserDto, CreateUserDto, ResetPasswordDto, UnlockAccountDto, UnlockedAccountDto, UpdateUserDto, UserDto } from './user.dto';

const userId = uuidParam('userId');

/** The refusal of every command on an INSPEKTORAT account by its own office's ADMIN (auditor-accounts.ts). */
const AUDITOR_MANAGED_ABOVE = {
  status: 403,
  type: ErrorBody,
  description: 'USER.AUDITOR_MANAGED_ABOVE: an INSPEKTORAT account of an office below the root is managed by an ADMIN of an office above it, not by its own office\'s ADMIN',
};

@ApiTags('users')
@Roles('ADMIN')
@Controller('satker/:satker/users')
export class UsersController {
  constructor(
    private readonly users: UserService,
    private readonly administered: UserAdministrationService,
    private readonly passwords: UserPasswordService,
    private readonly pairLocks: PairLockout,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Pengguna satker, dengan keadaan masuknya (terkunci sampai kapan, gagal masuk, wajib ganti kata sandi)' })
  @ApiOkResponse({ type: AdministeredUserDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser, @Param('satker') satker: string): Promise<AdministeredUserView[]> {
    return this.administered.list(user, satker, this.pairLocks);
  }

  @Post()
  @CommandHeaders()
  @ApiOperation({ summary: 'Membuat pengguna' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiResponse(AUDITOR_MANAGED_ABOVE)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Body() body: CreateUserDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserView> {
    return answer(response, await this.users.create(user, satker, body, commandOptions(request)));
  }

  @Get(':userId')
  @ApiOperation({ summary: 'Satu pengguna, dengan keadaan masuknya (terkunci sampai kapan, gagal masuk, wajib ganti kata sandi)' })
  @ApiOkResponse({
    type: AdministeredUserDto,
    headers: { ETag: { description: 'W/"<versi>.<hash tampilan>": berubah juga saat keadaan masuk berubah; untuk If-None-Match, dan If-Match membaca versinya', schema: { type: 'string' } } },
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('userId', userId) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AdministeredUserView> {
    return withViewEtag(response, await this.administered.get(user, satker, id, this.pairLocks));
  }

  @Patch(':userId')
  @CommandHeaders()
  @ApiOperation({ summary: 'Mengubah nama, e-mail, peran atau subbagian; menonaktifkan atau mengaktifkan kembali' })
  @ApiOkResponse({ type: UserDto })
  @ApiResponse(AUDITOR_MANAGED_ABOVE)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('userId', userId) id: string,
    @Body() body: UpdateUserDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserView> {
    const options = commandOptions(request, body.expectedVersion);
    const input = { ...body, expectedVersion: options.expectedVersion ?? undefined };
    return answer(response, await this.users.update(user, satker, id, input, options));
  }

  @Post(':userId/password')
  @HttpCode(204)
  @CommandHeaders()
  @ApiOperation({ summary: 'Menetapkan kata sandi baru (membuka penguncian; sesi pengguna itu berakhir)' })
  @ApiNoContentResponse()
  @ApiResponse(AUDITOR_MANAGED_ABOVE)
  async resetPassword(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('userId', userId) id: string,
    @Body() body: ResetPasswordDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const { replayed } = await this.passwords.reset(user, satker, id, body, commandOptions(request));
    markReplayed(response, replayed);
  }

  @Post(':userId/unlock')
  @HttpCode(200)
  @CommandHeaders({ versionEtag: false })
  @ApiOperation({
    summary: 'Membuka kunci akun (kegagalan masuk dihapus) tanpa mengganti kata sandi',
    description:
      'Lifts the account lock and forgets the failed logins, for an owner who remembers their password; answers what was there ' +
      '(`failedAttempts`, `lockedUntil`, null when it was not locked). The locks of single client addresses (`lock: "pair"`, ' +
      '`addressLockedUntil` in the user\'s view) are lifted too; `addressLocksLifted` says how many were in force. ' +
      'The body is optional: `{ "reason": "…" }` is recorded with the unlock (`UserUnlocked`) and shown as `alasan` in the audit trail; ' +
      'an account with nothing to unlock records nothing, its reason included.',
  })
  @ApiOkResponse({ type: UnlockedAccountDto })
  @ApiResponse({ status: 403, type: ErrorBody, description: 'USER.CANNOT_RESET_OWN_PASSWORD (one\'s own account), USER.AUDITOR_MANAGED_ABOVE' })
  @ApiResponse({ status: 422, type: ErrorBody, description: 'IDENTITY.REASON_INVALID: `reason` given blank, invisible or shorter than 3 visible characters; nothing unlocked' })
  async unlock(
    @CurrentUser() user: AuthenticatedUser,
    @Param('satker') satker: string,
    @Param('userId', userId) id: string,
    @Body() body: UnlockAccountDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UnlockedAccountDto> {
    const { replayed, ...answer } = await this.passwords.unlock(user, satker, id, { reason: body?.reason }, commandOptions(request), this.pairLocks);
    markReplayed(response, replayed);
    return answer;
  }
}
