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

/** User ids are UUIDs (the `users.id` column). */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far ahead of this clock a token's issue time may be (replicas' clocks differ a little). */
const CLOCK_SKEW_SECONDS = 60;

/** How many verified tokens each process remembers (a few MB at most). */
export const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Signs and reads HS256 access tokens. A token verified once is remembered (by its whole text,
 * signature included) until it expires, so that a client's next requests skip the HMAC and the
 * decoding: a token is only ever accepted here after its signature was checked, and its expiry is
 * checked on every read as jsonwebtoken checks it. Revocation is not the token's business: the
 * guard compares the token version with the session on every request.
 */
@Injectable()
export class AccessTokenService {
  private readonly verified = new Map<string, { claims: AccessTokenClaims; expiresAtSeconds: number }>();

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
    const known = this.verified.get(token);
    if (known) {
      if (Math.floor(Date.now() / 1000) < known.expiresAtSeconds) return known.claims;
      this.verified.delete(token);
      throw authErrors.tokenExpired();
    }
    let claims: Partial<AccessTokenClaims> & { exp?: unknown; iat?: unknown };
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw authErrors.tokenExpired();
      throw authErrors.tokenInvalid();
    }
    // Every token this service issues names a user id and carries its issue and expiry times; one
    // that does not (made with a leaked secret, or by another tool) would never expire: refused.
    if (typeof claims.sub !== 'string' || !USER_ID.test(claims.sub) || typeof claims.tv !== 'number') throw authErrors.tokenInvalid();
    // …and lives no longer than JWT_TTL_SECONDS: a longer one was not made here.
    if (
      typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS
      || claims.exp - claims.iat > this.config.JWT_TTL_SECONDS + CLOCK_SKEW_SECONDS
    ) {
      throw authErrors.tokenInvalid();
    }
    this.remember(token, claims as AccessTokenClaims, claims.exp);
    return claims as AccessTokenClaims;
  }

  private remember(token: string, claims: AccessTokenClaims, expiresAtSeconds: number): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims: Object.freeze(claims), expiresAtSeconds });
  }
}
