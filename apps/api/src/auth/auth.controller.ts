import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '@kinerja/identity';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { Public } from '../http/public.decorator';
import { AnyRole } from '../http/roles.decorator';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { commandOptions, markReplayed } from '../workflow-http/command-options';
import { ChangePasswordDto, LoginDto, LoginResponseDto, SessionUserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { AllowedBeforePasswordChange } from './password-change-allowed.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Masuk dengan nama pengguna dan kata sandi; menghasilkan token bearer' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiResponse({ status: 401, type: ErrorBody, description: 'AUTH.INVALID_CREDENTIALS' })
  @ApiResponse({ status: 409, type: ErrorBody, description: 'AUTH.ATTEMPT_IN_PROGRESS: another attempt at this username is being checked (Retry-After)' })
  @ApiResponse({ status: 403, type: ErrorBody, description: 'AUTH.ACCOUNT_INACTIVE: the password is right but the account or its office is deactivated' })
  @ApiResponse({ status: 423, type: ErrorBody, description: 'AUTH.LOCKED: too many failures for this username, whether an account or not (Retry-After)' })
  @ApiResponse({ status: 429, type: ErrorBody, description: 'AUTH.RATE_LIMITED: too many failures from this address (Retry-After)' })
  @ApiResponse({ status: 503, type: ErrorBody, description: 'AUTH.LOGIN_UNAVAILABLE: failures cannot be counted (Redis down), AUTH.LOGIN_BUSY: too many passwords being checked, or DATABASE.UNAVAILABLE (Retry-After)' })
  login(@Body() body: LoginDto, @Ip() address: string): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, address);
  }

  @AnyRole()
  @AllowedBeforePasswordChange()
  @Get('me')
  @ApiOperation({ summary: 'Pengguna yang sedang masuk' })
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() user: AuthenticatedUser): SessionUserDto {
    return user;
  }

  @AnyRole()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Keluar dari semua sesi: setiap token yang diterbitkan untuk pengguna ini tidak berlaku lagi',
    description:
      'Ends every session of the caller, on every device: each token issued so far answers 401 AUTH.TOKEN_REVOKED afterwards. ' +
      'A retry whose first answer was lost is therefore 401 too: the sessions are ended.',
  })
  @ApiResponse({ status: 204, description: 'Signed out everywhere' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Ip() address: string): Promise<void> {
    await this.auth.logout(user, address);
  }

  @AnyRole()
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(204)
  @CommandHeaders()
  @ApiOperation({
    summary: 'Mengganti kata sandi sendiri; setiap token yang diterbitkan sebelumnya tidak berlaku lagi',
    description: 'Kata sandi sekarang yang salah dihitung sebagai kegagalan masuk, untuk akun (penguncian) dan untuk alamat (batas percobaan).',
  })
  @ApiResponse({ status: 204, description: 'Changed: sign in again' })
  @ApiResponse({
    status: 422,
    type: ErrorBody,
    description:
      'AUTH.CURRENT_PASSWORD_WRONG, USER.PASSWORD_UNCHANGED, USER.PASSWORD_TOO_SIMILAR (the current one trimmed, in other case or ' +
      'with little changed), or the new password breaks the password rule: USER.PASSWORD_TOO_WEAK (too short), ' +
      'USER.PASSWORD_TOO_COMMON, USER.PASSWORD_TOO_PREDICTABLE, USER.PASSWORD_CONTAINS_USERNAME, USER.PASSWORD_CONTAINS_NAME ' +
      '(a part of the full name or of the e-mail address), USER.PASSWORD_CONTAINS_SERVICE_NAME',
  })
  @ApiResponse({ status: 409, type: ErrorBody, description: 'AUTH.ATTEMPT_IN_PROGRESS: another check of this password is still running after 5 s (Retry-After)' })
  @ApiResponse({ status: 423, type: ErrorBody, description: 'AUTH.LOCKED: too many failures for this account (Retry-After)' })
  @ApiResponse({ status: 429, type: ErrorBody, description: 'AUTH.RATE_LIMITED: too many failures from this address (Retry-After)' })
  @ApiResponse({ status: 503, type: ErrorBody, description: 'AUTH.LOGIN_UNAVAILABLE: failures cannot be counted (Redis down), or AUTH.LOGIN_BUSY: too many passwords being checked (Retry-After)' })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @Ip() address: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const options = commandOptions(request);
    const { replayed } = await this.auth.changeOwnPassword(user, body.currentPassword, body.newPassword, address, options);
    markReplayed(response, replayed);
  }
}
