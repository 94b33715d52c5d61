import { Injectable } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import { CredentialsService } from '@kinerja/identity';
import { AccessTokenService } from './access-token.service';
import { LoginResponseDto } from './auth.dto';
import { LoginRateLimiter } from './login-rate-limiter';

/** Login: the address's rate limit, then the credentials (and their lockout), then a token. */
@Injectable()
export class AuthService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly tokens: AccessTokenService,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  async login(username: string, password: string, address: string): Promise<LoginResponseDto> {
    await this.rateLimiter.assertAllowed(address);
    try {
      const { user, tokenVersion } = await this.credentials.verify(username, password);
      return { ...(await this.tokens.issue(user, tokenVersion)), user };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'AUTH.INVALID_CREDENTIALS') {
        await this.rateLimiter.recordFailure(address);
      }
      throw error;
    }
  }
}
