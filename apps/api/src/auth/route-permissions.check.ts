import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC_KEY } from '../http/public.decorator';
import { ROLES_KEY } from '../http/roles.decorator';

/** Every route handler that says neither `@Public()` nor `@Roles(...)`, as "Controller.method". */
export function routesWithoutPermission(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): string[] {
  const missing: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue; // not a route
      const targets = [handler, wrapper.metatype as object];
      const declared =
        reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) ||
        reflector.getAllAndOverride<unknown[]>(ROLES_KEY, targets) !== undefined;
      if (!declared) missing.push(`${wrapper.name}.${name}`);
    }
  }
  return missing;
}

/**
 * Refuses to start an API where a route forgot to say who may call it: the guard would refuse
 * everyone at run time, and this says which route at start-up instead.
 */
@Injectable()
export class RoutePermissionsCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const missing = routesWithoutPermission(this.discovery, this.scanner, this.reflector);
    if (missing.length > 0) {
      throw new Error(`Routes without @Public() or @Roles(...): ${missing.join(', ')}`);
    }
  }
}
