import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@kinerja/domain';

/**
 * How deeply a request body may nest arrays and objects; the body itself is level 1. The deepest
 * body Kinerja reads (a PK: programs → kegiatan → indicators → target) needs 8. Without a limit, a
 * small body of brackets (`[[[[…]]]]`, 10 KB is 5000 levels) overflows the stack of the recursive
 * code that reads it next (class-transformer, class-validator) and answers 500.
 */
export const MAX_BODY_DEPTH = 32;

export const BODY_TOO_DEEP = {
  code: 'REQUEST.MALFORMED',
  message: `Isi permintaan bersarang terlalu dalam: paling banyak ${MAX_BODY_DEPTH} tingkat.`,
} as const;

export function bodyTooDeep(): DomainError {
  return new DomainError(BODY_TOO_DEEP.code, BODY_TOO_DEEP.message, 'validation', { maxDepth: MAX_BODY_DEPTH });
}

/**
 * True when `value` nests arrays or objects more than `max` levels deep. Walks with a stack of its
 * own, never by recursion, so that the check itself cannot overflow whatever the depth.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  if (!isContainer(value)) return false;
  if (max < 1) return true;
  // Two parallel stacks and plain loops: this runs on every request body, so nothing is allocated
  // per container beyond its place on the stacks.
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const container = containers.pop()!;
    const depth = depths.pop()!;
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const child: unknown = container[i];
        if (!isContainer(child)) continue;
        if (depth >= max) return true;
        containers.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in container) {
      if (!Object.hasOwn(container, key)) continue;
      const child: unknown = (container as Record<string, unknown>)[key];
      if (!isContainer(child)) continue;
      if (depth >= max) return true;
      containers.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

/**
 * Express middleware installed right after the body parsers: a body nested deeper than
 * {@link MAX_BODY_DEPTH} is refused (400 REQUEST.MALFORMED) before any DTO reads it.
 */
export function limitBodyDepth(request: Request, _response: Response, next: NextFunction): void {
  next(nestsDeeperThan(request.body, MAX_BODY_DEPTH) ? bodyTooDeep() : undefined);
}
