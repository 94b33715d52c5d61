import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDataFolder } from '@kinerja/platform';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { askHealth } from './health.testing';

/**
 * /health of an API whose data folder (DATA_DIR, the evidence and LKj files) was unmounted or
 * replaced under it while it ran: degraded (503), the errno and what to do in `dataDir`, as the
 * database and Redis are reported. The tests run as root too, where a mode bit stops no write:
 * the folder is taken away or replaced by a file instead.
 */
describe('GET /health and the data folder (real PostgreSQL)', () => {
  let db: TestDatabase;
  let parent: string;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'kinerja-health-data-'));
    dataDir = join(parent, 'data');
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  const health = (env: Record<string, string> = {}) => askHealth(db.dataSource, dataDir, env);

  it('is ok while DATA_DIR is there and takes a file', async () => {
    prepareDataFolder(dataDir); // as at start-up
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', dataDir: { status: 'up', latencyMs: expect.any(Number) } } });
  });

  it('is degraded (503) while DATA_DIR is missing, names ENOENT, and does not create it', async () => {
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'degraded', database: { status: 'up' }, redis: { status: 'up' }, dataDir: { status: 'down', error: 'ENOENT' } });
    expect((body.dataDir as { message: string }).message).toMatch(/^Folder data \(DATA_DIR\) atau folder berkasnya \(evidence, lkj\) tidak ada/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('is degraded while DATA_DIR is a file (ENOTDIR), also to a caller who may not read the details', async () => {
    writeFileSync(dataDir, 'not a folder');
    expect(await health()).toMatchObject({ status: 503, body: { status: 'degraded', dataDir: { status: 'down', error: 'ENOTDIR' } } });
    expect(await health({ HEALTH_DETAILS: 'signed-in' })).toEqual({ status: 503, body: { status: 'degraded', details: expect.any(String) } });
  });
});
