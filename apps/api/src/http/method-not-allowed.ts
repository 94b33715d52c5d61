import { METHODS } from 'node:http';
import { NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@kinerja/domain';

export const METHOD_NOT_ALLOWED = 'REQUEST.METHOD_NOT_ALLOWED';

/** The part of an Express 5 router layer read here: its own matcher and, for a route, its methods. */
interface RouterLayer {
  route?: { methods: Record<string, boolean | undefined> };
  match(path: string): unknown;
}

interface RouteEntry {
  layer: RouterLayer;
  methods: string[];
}

// The order the methods are named in `Allow` and in the message; any other after them, alphabetically.
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

const tables = new WeakMap<object, { size: number; routes: RouteEntry[] }>();

/**
 * The routes of the application's router, read from the router itself (every route Nest, Swagger
 * or anyone registered), never from a list kept by hand. Read once per size of its stack: routes
 * are all registered by `app.init()`; only middleware (the answer to unmatched paths) comes later.
 * A route for every method (`all`, which Express 5's `app.all` registers as every method of
 * `http.METHODS`) is left out: in Kinerja it is only Nest's not-found answer on a path excluded from
 * the prefix (`/health`), and no controller declares one.
 */
function routesOf(stack: RouterLayer[]): RouteEntry[] {
  const known = tables.get(stack);
  if (known && known.size === stack.length) return known.routes;
  const routes: RouteEntry[] = [];
  for (const layer of stack) {
    if (!layer.route || layer.route.methods._all) continue;
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]).map((m) => m.toUpperCase());
    if (METHODS.every((m) => methods.includes(m))) continue;
    // Express answers HEAD with a GET route's handler (router's Route#_handlesMethod).
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
    routes.push({ layer, methods });
  }
  tables.set(stack, { size: stack.length, routes });
  return routes;
}

/**
 * The methods the routes of `stack` take at `path` (the path as the request sent it), matched by
 * each route's own matcher (its parameters, case and trailing slash as Express matches them), in
 * {@link METHOD_ORDER}. Empty when no route has the path.
 */
export function allowedMethods(stack: RouterLayer[], path: string): string[] {
  const allowed = new Set<string>();
  for (const { layer, methods } of routesOf(stack)) {
    let matched: unknown;
    try {
      matched = layer.match(path);
    } catch {
      // A parameter that cannot be decoded ("%ZZ"): Express answers it 400 before any not-found.
      matched = false;
    }
    if (matched) methods.forEach((m) => allowed.add(m));
  }
  return [...allowed].sort(byMethodOrder);
}

function byMethodOrder(a: string, b: string): number {
  const rank = (m: string) => (METHOD_ORDER.includes(m) ? METHOD_ORDER.indexOf(m) : METHOD_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * A "no route" answer turned into `405 REQUEST.METHOD_NOT_ALLOWED` (RFC 9110 §15.5.6, with `Allow`)
 * when the path is one a route takes with another method; anything else is returned unchanged.
 * Only Nest's own NotFoundException (its answer to a request no route took, or the one to a path
 * outside the prefix) is looked at, and a route that takes the request's method means the
 * not-found came from its handler: it stays 404. Domain "not found" errors are never touched.
 *
 * Answered before authentication, as the 404 it replaces is: Nest's not-found answer runs no guard.
 * It only tells which methods a path takes, which the OpenAPI document at /api/docs publishes to
 * anyone; asking for a token first would tell a client with a wrong method to sign in for nothing.
 *
 * OPTIONS is answered 405 like any other method the path does not take: the API enables no CORS
 * (no browser client on another origin), so no preflight has to pass.
 */
export function refuseUnallowedMethod(exception: unknown, request: Request): unknown {
  if (!(exception instanceof NotFoundException)) return exception;
  const stack = (request.app?.router as unknown as { stack?: RouterLayer[] } | undefined)?.stack;
  if (!stack) return exception;
  const allowed = allowedMethods(stack, pathOf(request));
  if (allowed.length === 0 || allowed.includes(request.method)) return exception;
  return new DomainError(
    METHOD_NOT_ALLOWED,
    `Metode ${request.method} tidak didukung untuk alamat ini; alamat ini hanya menerima ${allowed.join(', ')}.`,
    'validation',
    { method: request.method, allowedMethods: allowed },
  );
}

/** The path as the application's router matched it (`originalUrl`: a mounted router strips its prefix from `url`). */
function pathOf(request: Request): string {
  const url = request.originalUrl ?? request.url;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
