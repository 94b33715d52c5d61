import { Injectable } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import { CredentialsService, UserPasswordService } from '@kinerja/identity';
import type { AuthenticatedUser, IdentityCommandOptions } from '@kinerja/identity';
import { AccessTokenService } from './access-token.service';
import { LoginResponseDto } from './auth.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { UnknownUsernameLockout } from './unknown-username-lockout';

/**
 * Whatever proves a password: the address's rate limit, then the credentials (and their lockout).
 * Login, then a token; changing one's own password, whose wrong current passwords count as failed
 * logins for the address as for the account.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly passwords: UserPasswordService,
    private readonly tokens: AccessTokenService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly unknownNames: UnknownUsernameLockout,
  ) {}

  async login(username: string, password: string, address: string): Promise<LoginResponseDto> {
    return this.counted(address, 'AUTH.INVALID_CREDENTIALS', async () => {
      const { user, tokenVersion } = await this.credentials.verify(username, password, this.unknownNames);
      return { ...(await this.tokens.issue(user, tokenVersion)), user };
    });
  }

  changeOwnPassword(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    address: string,
    options: IdentityCommandOptions,
  ): Promise<{ replayed: boolean }> {
    return this.counted(address, 'AUTH.CURRENT_PASSWORD_WRONG', () =>
      this.passwords.changeOwn(user, currentPassword, newPassword, options),
    );
  }

  /** `attempt` behind the address's rate limit; its refusal with `failure` counts against the address. */
  private async counted<T>(address: string, failure: string, attempt: () => Promise<T>): Promise<T> {
    await this.rateLimiter.assertAllowed(address);
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof DomainError && error.code === failure) await this.rateLimiter.recordFailure(address);
      throw error;
    }
  }
}
