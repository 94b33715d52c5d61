import { Injectable } from '@nestjs/common';
import { authErrors, AuthenticatedUser, CachedSessions } from '@kinerja/identity';
import { AccessTokenService } from './access-token.service';

export interface BearerSession {
  user: AuthenticatedUser;
  /** An administrator set the password and its owner has not changed it yet. */
  passwordChangeRequired: boolean;
}

/**
 * Who an `Authorization: Bearer` header names: a valid, unexpired token whose user still exists, is
 * active, in an active office, and has not changed password or access since (token version) — else
 * 401. The session is read through CachedSessions: from this process's cache while
 * DatabaseChangeListener is told of every change, else from the database.
 */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly sessions: CachedSessions,
  ) {}

  async authenticate(header: string | undefined): Promise<BearerSession> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) throw authErrors.unauthenticated();
    const claims = await this.tokens.read(match[1]);
    const session = await this.sessions.sessionUser(claims.sub);
    if (!session || !session.active || session.tokenVersion !== claims.tv) throw authErrors.tokenRevoked();
    const { id, username, fullName, role, satker, subbagian, passwordChangeRequired } = session;
    return { user: { id, username, fullName, role, satker, subbagian }, passwordChangeRequired };
  }

  /** The session of a route open to everyone that says more to some callers; null when the header names nobody validly. */
  async callerOf(header: string | undefined): Promise<BearerSession | null> {
    if (!header) return null;
    return this.authenticate(header).catch(() => null);
  }
}
