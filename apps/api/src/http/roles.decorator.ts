import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, Role } from '@kinerja/domain';
import { ErrorBody } from './error-body';

export const ROLES_KEY = 'kinerja:roles';

/**
 * The roles allowed on a route (on a method, or on the controller for all its methods). Every route
 * that is not `@Public()` must say who may call it: the app refuses to start otherwise.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth('bearer'),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'Tanpa token, token kedaluwarsa atau dicabut' }),
    ApiForbiddenResponse({ type: ErrorBody, description: `Peran yang diizinkan: ${roles.join(', ')}` }),
  );

/** Every signed-in user, whatever the role (the office scope still applies). */
export const AnyRole = () => Roles(...ROLES);
