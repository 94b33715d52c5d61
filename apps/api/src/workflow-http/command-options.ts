import type { Request, Response } from 'express';
import { DomainError } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome } from '@kinerja/workflow';

/** `If-Match: "3"` (or W/"3", or 3): the version the client last saw. */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new DomainError('REQUEST.INVALID_IF_MATCH', 'Header If-Match harus berisi versi, mis. "3".', 'validation', { ifMatch: header });
  }
  return Number(match[1]);
}

/**
 * The command options of a request: Idempotency-Key, and the expected version from If-Match or the
 * body (both must agree when both are given).
 */
export function commandOptions(request: Request, bodyVersion?: number | null): CommandOptions {
  const header = parseIfMatch(request.header('if-match'));
  if (header !== null && bodyVersion !== undefined && bodyVersion !== null && header !== bodyVersion) {
    throw new DomainError('REQUEST.VERSION_MISMATCH', 'Versi pada If-Match dan expectedVersion berbeda.', 'validation', { ifMatch: header, expectedVersion: bodyVersion });
  }
  return { idempotencyKey: request.header('idempotency-key') ?? null, expectedVersion: header ?? bodyVersion ?? null };
}

/** Sets ETag (the new version) and marks replays, then answers the view. */
export function answer<View>(response: Response, outcome: CommandOutcome<View>): View {
  response.setHeader('ETag', `"${outcome.version}"`);
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return outcome.view;
}

/** For reads: the ETag of the resource's version. */
export function withEtag<View extends { version: number }>(response: Response, view: View): View {
  response.setHeader('ETag', `"${view.version}"`);
  return view;
}
