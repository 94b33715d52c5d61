import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@kinerja/platform';

/**
 * JWT_SECRET when set (always in production, enforced by AppConfig). Otherwise a random secret kept
 * in the data folder, so that tokens survive a restart of a development instance and every process
 * started on the same folder agrees.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return readFileSync(file, 'utf8').trim(); // another process wrote it first
    }
  }
}

/** ADMIN_PASSWORD, or in development the demo password that the README announces. */
export function firstAdminPassword(config: AppConfig): string {
  return config.ADMIN_PASSWORD ?? config.DEMO_PASSWORD;
}
