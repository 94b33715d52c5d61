import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@kinerja/domain';
import { authErrors, AuthenticatedUser } from '@kinerja/identity';
import { AppConfig } from '@kinerja/platform';

/** The claims of a Kinerja access token. `tv` is the user's token version when it was issued. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  satker: string;
  subbagian: string | null;
  tv: number;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Signs and reads HS256 access tokens. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issue(user: AuthenticatedUser, tokenVersion: number): Promise<IssuedToken> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      satker: user.satker,
      subbagian: user.subbagian,
      tv: tokenVersion,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.JWT_TTL_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }

  /** The claims of a valid token; AUTH.TOKEN_EXPIRED or AUTH.TOKEN_INVALID otherwise. */
  async read(token: string): Promise<AccessTokenClaims> {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw authErrors.tokenExpired();
      throw authErrors.tokenInvalid();
    }
    if (typeof claims.sub !== 'string' || typeof claims.tv !== 'number') throw authErrors.tokenInvalid();
    return claims as AccessTokenClaims;
  }
}
