import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { SatkerScopeService } from '@kinerja/identity';
import { loadConfig, SystemClock } from '@kinerja/platform';
import type { BearerAuthenticator } from '../auth/bearer-authenticator';
import { HealthController } from './health.controller';

/**
 * GET /health of a controller on the real database `dataSource`, with `dataDir` as DATA_DIR and `env`
 * over the configuration, asked without a token; Redis answers PONG. The status it set and its body.
 */
export async function askHealth(dataSource: DataSource, dataDir: string, env: Record<string, string> = {}) {
  let status = 0;
  const res = { status: (code: number) => ((status = code), res) } as unknown as Response;
  const req = { header: () => undefined } as unknown as Request;
  const redis = { ping: async () => 'PONG' } as unknown as Redis;
  const nobody = { callerOf: async () => null } as unknown as BearerAuthenticator;
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const body = await new HealthController(dataSource, redis, { embeddedDatabase: false }, config, new SystemClock(), nobody, {} as SatkerScopeService).health(req, res);
  return { status, body: body as Record<string, unknown> };
}
