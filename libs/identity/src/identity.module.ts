import { Module } from '@nestjs/common';
import { EventStoreModule } from '@kinerja/event-store';
import { AppConfig } from '@kinerja/platform';
import { CachedSessions } from './auth/cached-sessions';
import { AccountLockout, LockoutSettings } from './auth/account-lockout';
import { CredentialsService } from './auth/credentials.service';
import { PasswordHasher } from './auth/password-hasher';
import { FirstAdminService } from './bootstrap/first-admin.service';
import { HariLiburService } from './hari-libur/hari-libur.service';
import { EventStoreIdentityLog } from './events/event-store-identity-log';
import { IdentityEventLog } from './events/identity-event-log';
import { IdentityUnitOfWork } from './events/identity-unit-of-work';
import { SatkerProfileService } from './satker/satker-profile.service';
import { SatkerService } from './satker/satker.service';
import { SatkerScopeService } from './scope/satker-scope.service';
import { SubbagianService } from './subbagian/subbagian.service';
import { UserAdministrationService } from './users/user-administration.service';
import { UserPasswordService } from './users/user-password.service';
import { UserSessionsService } from './users/user-sessions.service';
import { UserService } from './users/user.service';

const services = [
  SatkerScopeService,
  SatkerService,
  SatkerProfileService,
  SubbagianService,
  UserService,
  UserAdministrationService,
  UserPasswordService,
  UserSessionsService,
  CredentialsService,
  CachedSessions,
  FirstAdminService,
  HariLiburService,
];

/**
 * Offices, subbagian, users and their credentials, and the national holiday calendar. Stands on the platform (DataSource, Clock,
 * AppConfig) and on an EventStore provider, both global.
 */
@Module({
  imports: [EventStoreModule],
  providers: [
    ...services,
    PasswordHasher,
    AccountLockout,
    IdentityUnitOfWork,
    { provide: IdentityEventLog, useClass: EventStoreIdentityLog },
    {
      provide: LockoutSettings,
      useFactory: (config: AppConfig): LockoutSettings => ({
        maxFailures: config.LOGIN_MAX_FAILURES,
        accountMaxFailures: config.LOGIN_ACCOUNT_MAX_FAILURES,
        lockMinutes: config.LOGIN_LOCK_MINUTES,
        accountHardLimit: config.LOGIN_ACCOUNT_HARD_LIMIT,
        failureMemoryMinutes: config.LOGIN_FAILURE_MEMORY_HOURS * 60,
      }),
      inject: [AppConfig],
    },
  ],
  // The unit of work too: what others keep about offices (the workflow's office clocks) is dropped on its commits.
  exports: [...services, IdentityUnitOfWork],
})
export class IdentityModule {}
