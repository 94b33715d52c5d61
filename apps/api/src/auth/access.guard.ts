import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@kinerja/domain';
import { authErrors, SatkerScopeService } from '@kinerja/identity';
import type { AuthenticatedRequest } from '../http/current-user.decorator';
import { IS_PUBLIC_KEY } from '../http/public.decorator';
import { ROLES_KEY } from '../http/roles.decorator';
import { BearerAuthenticator } from './bearer-authenticator';
import { ALLOWED_BEFORE_PASSWORD_CHANGE_KEY } from './password-change-allowed.decorator';

/** The route parameter that names an office; every route carrying it is checked against the scope. */
export const SATKER_PARAM = 'satker';

/**
 * The one gate of every request, in this order:
 * 1. `@Public()` routes pass.
 * 2. A valid, unexpired bearer token whose user still exists, is active, in an active office, and
 *    has not changed password or access since (token version) — else 401 (BearerAuthenticator).
 * 2b. A user whose password an administrator set (a new account, a reset) and who has not changed
 *    it since reaches only `@AllowedBeforePasswordChange()` routes — else 403
 *    AUTH.PASSWORD_CHANGE_REQUIRED. The mark travels with the session, so it costs no query.
 * 3. A `:satker` route parameter outside the user's office scope — 404 SATKER.NOT_FOUND, before the
 *    role check, so that another office's users learn nothing about what exists there.
 * 4. The role among `@Roles(...)` — else 403 AUTH.FORBIDDEN.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
    private readonly scope: SatkerScopeService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { user, passwordChangeRequired } = await this.bearer.authenticate(request.header('authorization'));
    request.user = user;
    if (passwordChangeRequired && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE_KEY, targets)) {
      throw authErrors.passwordChangeRequired();
    }
    const satker = request.params?.[SATKER_PARAM];
    if (typeof satker === 'string') await this.scope.assertInScope(user, satker);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(user.role)) throw authErrors.forbiddenRole(roles ?? []);
    return true;
  }
}
