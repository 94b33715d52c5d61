import { Injectable } from '@nestjs/common';
import { IdentityUnitOfWork } from '../events/identity-unit-of-work';
import { CredentialsService, type SessionUser } from './credentials.service';
import { SessionCache } from './session-cache';

// A bound for a change that no notification told of (a row edited with triggers disabled).
const TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

/**
 * The token guard's view of sessions: CredentialsService.sessionUser, cached while the API's
 * listener of `kinerja_session_changed` is connected (see SessionCache). This process's own
 * identity changes drop the cache as soon as they commit, before their request is answered.
 */
@Injectable()
export class CachedSessions {
  readonly cache: SessionCache<SessionUser & { active: boolean }>;

  constructor(credentials: CredentialsService, unitOfWork: IdentityUnitOfWork) {
    this.cache = new SessionCache((id) => credentials.sessionUser(id), { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
    unitOfWork.onCommitted(() => this.cache.invalidate('*'));
  }

  sessionUser(id: string): Promise<(SessionUser & { active: boolean }) | null> {
    return this.cache.get(id);
  }
}
