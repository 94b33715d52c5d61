import { Injectable } from '@nestjs/common';
import { NotifiedCache } from '@kinerja/platform';
import { IdentityUnitOfWork } from '../events/identity-unit-of-work';
import { CredentialsService, type SessionUser } from './credentials.service';

// A bound for a change that no notification told of (a row edited with triggers disabled).
const TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

/**
 * The channel on which PostgreSQL announces, at commit, every change of what a session depends on
 * (migration SessionChanges1795840856361): the user's id, or `*` for a whole office.
 */
export const SESSION_CHANGES_CHANNEL = 'kinerja_session_changed';

/**
 * The token guard's view of sessions: CredentialsService.sessionUser, cached while the API's
 * listener of `kinerja_session_changed` is connected (see NotifiedCache). This process's own
 * identity changes drop the cache as soon as they commit, before their request is answered.
 */
@Injectable()
export class CachedSessions {
  readonly cache: NotifiedCache<(SessionUser & { active: boolean }) | null>;

  constructor(credentials: CredentialsService, unitOfWork: IdentityUnitOfWork) {
    this.cache = new NotifiedCache((id) => credentials.sessionUser(id), { ttlMs: TTL_MS, maxEntries: MAX_ENTRIES });
    unitOfWork.onCommitted(() => this.cache.invalidate('*'));
  }

  sessionUser(id: string): Promise<(SessionUser & { active: boolean }) | null> {
    return this.cache.get(id);
  }
}
