import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { CachedSessions, IdentityModule, SESSION_CHANGES_CHANNEL } from '@kinerja/identity';
import { AppConfig } from '@kinerja/platform';
import { CommandRateGuard } from '../command-rate/command-rate.guard';
import { DatabaseChangeListener } from '../database-changes/database-change-listener';
import { DatabaseChangesModule } from '../database-changes/database-changes.module';
import { AccessGuard } from './access.guard';
import { AccessTokenService } from './access-token.service';
import { AuthController } from './auth.controller';
import { AttemptsInFlight } from './attempts-in-flight';
import { AuthService } from './auth.service';
import { BearerAuthenticator } from './bearer-authenticator';
import { FirstAdminBootstrap } from './first-admin.bootstrap';
import { KnownAddressStore } from './known-addresses';
import { resolveJwtSecret } from './jwt-secret';
import { LoginRateLimiter } from './login-rate-limiter';
import { PairLockout } from './pair-lockout';
import { RoutePermissionsCheck } from './route-permissions.check';
import { UnknownUsernameLockout } from './unknown-username-lockout';
import { VerificationSlots } from './verification-slots';

/**
 * Authentication for the whole API: login, the global AccessGuard (token, office scope, roles) and
 * CommandRateGuard (commands per account), the start-up check that every route declares its roles, and the first administrator.
 */
@Module({
  imports: [
    IdentityModule,
    DatabaseChangesModule,
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the secret
        // as a public key on every verification, about 8 % of the API's CPU under load.
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config), 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    BearerAuthenticator,
    AuthService,
    LoginRateLimiter,
    PairLockout,
    KnownAddressStore,
    UnknownUsernameLockout,
    AttemptsInFlight,
    VerificationSlots,
    RoutePermissionsCheck,
    FirstAdminBootstrap,
    { provide: APP_GUARD, useClass: AccessGuard },
    // After AccessGuard (global guards run in the order they are provided): it counts the user AccessGuard found.
    { provide: APP_GUARD, useClass: CommandRateGuard },
  ],
  exports: [AccessTokenService, BearerAuthenticator, PairLockout],
})
export class AuthModule {
  /** The guard's sessions are served from this process only while the database tells it of every change (CachedSessions). */
  constructor(changes: DatabaseChangeListener, sessions: CachedSessions) {
    changes.follow(SESSION_CHANGES_CHANNEL, sessions.cache);
  }
}
