import type { Request, Response } from 'express';
import { DomainError } from '@kinerja/domain';
import { requestFingerprint } from '@kinerja/event-store';
import type { AuthenticatedUser } from '@kinerja/identity';
import { currentContext, sha256Of } from '@kinerja/platform';
import type { CommandOptions, CommandOutcome } from '@kinerja/workflow';

/**
 * `If-Match: "3"` (or W/"3", or 3): the version the client last saw. A view's ETag (withViewEtag,
 * `W/"3.9f86d081884c7d65"`) gives its version too: a change the version does not count (a lock
 * state) never conflicts with a command.
 */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})(?:\.[0-9a-f]{16})?"?\s*$/.exec(header);
  if (!match) {
    throw new DomainError('REQUEST.INVALID_IF_MATCH', 'Header If-Match harus berisi versi, mis. "3".', 'validation', { ifMatch: header });
  }
  return Number(match[1]);
}

/** Who asks for a job-side command (the LKj, last year's capaian): the user and the request's correlation id. */
export function jobActorOf(user: AuthenticatedUser): { id: string; role: AuthenticatedUser['role']; correlationId: string | undefined } {
  return { id: user.id, role: user.role, correlationId: currentContext()?.correlationId };
}

/**
 * The command options of a request: Idempotency-Key with the fingerprint of the request it came
 * with, and the expected version from If-Match or the body (both must agree when both are given).
 */
export function commandOptions(request: Request, bodyVersion?: number | null): CommandOptions {
  const header = parseIfMatch(request.header('if-match'));
  if (header !== null && bodyVersion !== undefined && bodyVersion !== null && header !== bodyVersion) {
    throw new DomainError('REQUEST.VERSION_MISMATCH', 'Versi pada If-Match dan expectedVersion berbeda.', 'validation', { ifMatch: header, expectedVersion: bodyVersion });
  }
  const idempotencyKey = request.header('idempotency-key') ?? null;
  return {
    idempotencyKey,
    requestFingerprint: idempotencyKey ? commandFingerprint(request) : null,
    expectedVersion: header ?? bodyVersion ?? null,
  };
}

/** Body fields never put into a fingerprint: it is stored, and a fast hash over a password could be guessed back. */
const SECRET_FIELD = /password/i;

/**
 * What an Idempotency-Key is bound to (libs/event-store/src/idempotency.ts): the command — the
 * method and the route it matched, e.g. `POST /api/v1/satker/:satker/realisasi/:year/:month/:code/submit`
 * — and its payload: the route's parameters, the query, the body as parsed JSON, and the SHA-256 of
 * each uploaded file's bytes. A retry sends the same; anything else is another request. Headers
 * (If-Match included) are not part of it. Fields named like a password are left out (SECRET_FIELD).
 */
export function commandFingerprint(request: Request): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  const command = `${request.method} ${request.baseUrl ?? ''}${typeof route === 'string' ? route : request.path}`;
  return requestFingerprint(command, {
    params: request.params ?? {},
    query: request.query ?? {},
    body: withoutSecrets(request.body ?? {}),
    files: uploadedFiles(request),
  });
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => !SECRET_FIELD.test(name)).map(([name, v]) => [name, withoutSecrets(v)]));
}

/** Multer's `file` / `files` (memory storage): each by field and content. */
function uploadedFiles(request: Request): Array<{ field: string; sha256: string }> {
  const { file, files } = request as Request & { file?: UploadedFile; files?: UploadedFile[] | Record<string, UploadedFile[]> };
  const all = [...(file ? [file] : []), ...(Array.isArray(files) ? files : Object.values(files ?? {}).flat())];
  return all.map((f) => ({ field: f.fieldname, sha256: f.buffer ? sha256Of(f.buffer) : '' }));
}

interface UploadedFile {
  fieldname: string;
  buffer?: Buffer;
}

/** Sets ETag (the new version) and marks replays, then answers the view. */
export function answer<View>(response: Response, outcome: CommandOutcome<View>): View {
  response.setHeader('ETag', `"${outcome.version}"`);
  markReplayed(response, outcome.replayed);
  return outcome.view;
}

/** `Idempotent-Replayed: true` on the answer of a command replayed for its Idempotency-Key. */
export function markReplayed(response: Response, replayed: boolean): void {
  if (replayed) response.setHeader('Idempotent-Replayed', 'true');
}

/**
 * For reads of a view that changes without its version (a user's lock state, kept outside the
 * versioned row's history): a weak ETag of the version and a hash of the whole view, so that
 * If-None-Match never answers 304 for a changed view, while If-Match still reads the version
 * (parseIfMatch) and keeps a command's optimistic concurrency.
 */
export function withViewEtag<View extends { version: number }>(response: Response, view: View): View {
  response.setHeader('ETag', `W/"${view.version}.${sha256Of(Buffer.from(JSON.stringify(view))).slice(0, 16)}"`);
  return view;
}

/** For reads: the ETag of the resource's version. */
export function withEtag<View extends { version: number }>(response: Response, view: View): View {
  response.setHeader('ETag', `"${view.version}"`);
  return view;
}
