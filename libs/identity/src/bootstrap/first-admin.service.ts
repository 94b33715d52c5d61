import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import { SYSTEM_ACTOR } from '../identity.types';
import { SatkerService } from '../satker/satker.service';
import { UserService } from '../users/user.service';

export interface FirstAdminSettings {
  rootSatkerCode: string;
  rootSatkerName: string;
  username: string;
  password: string;
}

export type FirstAdminOutcome = 'created' | 'users-exist';

/**
 * On a database without users: the root office (when missing) and its administrator. Idempotent,
 * and safe when several replicas start at once: the losers of the race find the winner's rows.
 */
@Injectable()
export class FirstAdminService {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly satker: SatkerService,
    private readonly users: UserService,
  ) {}

  async ensure(settings: FirstAdminSettings): Promise<FirstAdminOutcome> {
    if ((await this.users.count()) > 0) return 'users-exist';
    await ignoring('SATKER.ALREADY_EXISTS', () =>
      this.satker.createRoot(SYSTEM_ACTOR, { code: settings.rootSatkerCode, name: settings.rootSatkerName }),
    );
    const created = await ignoring('USER.USERNAME_TAKEN', () =>
      this.users.create(SYSTEM_ACTOR, settings.rootSatkerCode, {
        username: settings.username,
        fullName: 'Administrator',
        role: 'ADMIN',
        password: settings.password,
      }),
    );
    if (!created) return 'users-exist';
    this.logger.log(`First administrator "${settings.username}" created for satker "${settings.rootSatkerCode}"`);
    return 'created';
  }
}

async function ignoring<T>(code: string, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === code) return null;
    throw error;
  }
}
