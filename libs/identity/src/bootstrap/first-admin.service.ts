import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@kinerja/domain';
import { assertAcceptablePassword } from '../users/password.rule';
import { SYSTEM_ACTOR } from '../identity.types';
import { SatkerService } from '../satker/satker.service';
import { UserService } from '../users/user.service';

export interface FirstAdminSettings {
  rootSatkerCode: string;
  rootSatkerName: string;
  username: string;
  password: string;
  /**
   * Hold the password to the password rule, naming ADMIN_PASSWORD when it fails (production).
   * Elsewhere the first administrator may have the README's demo password.
   */
  checkPassword?: boolean;
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
    if (settings.checkPassword) assertConfiguredPassword(settings);
    await ignoring('SATKER.ALREADY_EXISTS', () =>
      this.satker.createRoot(SYSTEM_ACTOR, { code: settings.rootSatkerCode, name: settings.rootSatkerName }),
    );
    const created = await ignoring('USER.USERNAME_TAKEN', () =>
      this.users.create(SYSTEM_ACTOR, settings.rootSatkerCode, {
        username: settings.username,
        fullName: 'Administrator',
        role: 'ADMIN',
        password: settings.password,
        // The operator chose it (and knows it): it need not be changed at first sign-in.
        passwordOrigin: 'configured',
      }),
    );
    if (!created) return 'users-exist';
    this.logger.log(`First administrator "${settings.username}" created for satker "${settings.rootSatkerCode}"`);
    return 'created';
  }
}

/** Start-up stops with the variable named and the rule's own reason. */
function assertConfiguredPassword(settings: FirstAdminSettings): void {
  try {
    assertAcceptablePassword(settings.password, {
      username: settings.username,
      satker: settings.rootSatkerCode,
      officeNames: [settings.rootSatkerName],
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new Error(`ADMIN_PASSWORD is refused for the first administrator (${error.code}): ${error.message}`);
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
