import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RunningProcess, startCompiled, waitFor } from '../support/processes';
import { testRedisPrefix, testRedisUrl } from '../support/test-database';

/**
 * A person trying Kinerja has no database server: the built API, started without DATABASE_URL,
 * must migrate an embedded PGlite under its data folder, answer /health, and keep a verifiable
 * hash chain there.
 */
describe('the embedded default (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-embedded-'));
  const env = {
    DATA_DIR: dataDir,
    REDIS_URL: testRedisUrl,
    REDIS_PREFIX: testRedisPrefix(),
    LOG_FORMAT: 'json',
    ADMIN_PASSWORD: 'embedded-admin-password',
    SEED_DEMO_ON_EMPTY: 'false',
  };
  let api: RunningProcess | undefined;

  afterAll(async () => {
    await api?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates PGlite under DATA_DIR, answers /health, appends and verifies events', async () => {
    const port = await freePort();
    api = startCompiled('apps/api/src/main.js', { ...env, PORT: String(port) });
    const health = await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        return res.ok ? ((await res.json()) as { status: string; database: { status: string; embedded: boolean }; redis: { status: string } }) : undefined;
      },
      90_000,
      () => api!.output(),
    );
    expect(health).toMatchObject({ status: 'ok', database: { status: 'up', embedded: true }, redis: { status: 'up' } });

    // The first administrator is created on first start, and that is recorded as events.
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: env.ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { accessToken: string }).accessToken).toEqual(expect.any(String));

    // PGlite keeps one process per data folder: stop the API, then verify the chain from the CLI.
    expect(await api.stop('SIGTERM')).toBe(0);
    const verify = startCompiled('apps/cli/src/main.js', env, ['audit:verify', '--satker', 'kpu-ri']);
    const code = await verify.exited;
    expect({ code, output: verify.output() }).toMatchObject({ code: 0 });
    expect(verify.output()).toMatch(/utuh|intact/i);
    expect(verify.output()).toMatch(/[0-9a-f]{64}/);
  });
});
