import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { describeConstraint } from './constraint-messages';
import { validationFailed } from './validation-errors';

/** The whole query goes to a DTO, which refuses what it does not declare (`forbidNonWhitelisted`). */
const JUDGED_BY_DTO = 'dto';

type DeclaredQuery = typeof JUDGED_BY_DTO | ReadonlySet<string>;

/**
 * A query parameter a route does not declare is refused, 400 VALIDATION.FAILED naming it, as a
 * query DTO refuses one: a route with `@Query() q: SomeQueryDto` is left to its DTO; a route with
 * no `@Query()` (status matrix, approval inbox, history …) takes none, and one with
 * `@Query('name')` only those it names. Otherwise `?month=6` on a route without months would be
 * ignored without a word, and the caller would believe it had been applied.
 */
@Injectable()
export class UndeclaredQueryGuard implements CanActivate {
  private readonly declared = new WeakMap<object, DeclaredQuery>();

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const names = Object.keys(context.switchToHttp().getRequest<Request>().query ?? {});
    if (names.length === 0) return true;
    const declared = this.declaredQuery(context);
    if (declared === JUDGED_BY_DTO) return true;
    const unknown = names.filter((name) => !declared.has(name));
    if (unknown.length > 0) {
      throw validationFailed(unknown.map((field) => ({ field, constraint: 'whitelistValidation', message: describeConstraint('whitelistValidation') })));
    }
    return true;
  }

  private declaredQuery(context: ExecutionContext): DeclaredQuery {
    const handler = context.getHandler();
    let declared = this.declared.get(handler);
    if (declared === undefined) {
      declared = queryOf(Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {});
      this.declared.set(handler, declared);
    }
    return declared;
  }
}

/** Nest keeps a handler's parameters as `{ "<RouteParamtypes>:<index>": { index, data, pipes } }`. */
function queryOf(args: Record<string, { data?: unknown }>): DeclaredQuery {
  const names = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    if (key.split(':')[0] !== String(RouteParamtypes.QUERY)) continue;
    if (typeof arg.data !== 'string') return JUDGED_BY_DTO;
    names.add(arg.data);
  }
  return names;
}
