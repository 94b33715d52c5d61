import { Injectable } from '@nestjs/common';
import { Clock } from '@kinerja/platform';
import { IdentityUnitOfWork } from '../events/identity-unit-of-work';
import type { AuthenticatedUser } from '../identity.types';
import { toActor } from '../satker/satker.service';

/**
 * Signing out: every token the user holds stops working at once (the token version goes up, as on
 * a password change), on every device and every API replica — this process's session cache is
 * dropped on commit, the others' by the users table's notification. Not an event of the log: like
 * signing in, it is a line of the security log.
 */
@Injectable()
export class UserSessionsService {
  constructor(
    private readonly unitOfWork: IdentityUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async endAll(user: AuthenticatedUser): Promise<void> {
    await this.unitOfWork.run(toActor(user), async (manager) => {
      await manager.query(
        `UPDATE users SET token_version = token_version + 1, updated_at = $3 WHERE satker_code = $1 AND id = $2`,
        [user.satker, user.id, this.clock.now()],
      );
    });
  }
}
