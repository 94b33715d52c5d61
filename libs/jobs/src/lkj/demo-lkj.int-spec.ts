import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lkjStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock, loadConfig } from '@kinerja/platform';
import { JEMBER_OFFICE } from '@kinerja/reporting';
import { seedDemo } from '@kinerja/workflow';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { createLkjParts, seedDemoLkj } from './demo-lkj';

describe('seed:demo gives KPU Kabupaten Jember its 2024 LKj', () => {
  let db: TestDatabase;
  let dataDir: string;
  const clock = new ControllableClock(new Date('2026-11-27T05:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-demo-lkj-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports the 2023 capaian and produces the 2024 LKj once; a second run adds nothing', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DEMO_PASSWORD: 'demo-password-123', REDIS_AUTOSTART: 'false', DATA_DIR: dataDir });
    await seedDemo({ dataSource: db.dataSource, config, clock });
    expect(await seedDemoLkj({ dataSource: db.dataSource, config, clock }))
      .toMatchObject({ produced: 1, capaianImported: 2023, versions: [{ year: 2024, version: 1, outcome: 'produced' }] });
    expect(await seedDemoLkj({ dataSource: db.dataSource, config, clock })).toEqual({ produced: 0, capaianImported: null, versions: [] });

    const store = new EventStore(db.dataSource);
    const types = (await store.readStream(lkjStreamId('kpu-kab-jember', 2024), { tenantId: 'kpu-kab-jember' })).map((e) => e.type);
    expect(types).toEqual(['LkjRequested', 'LkjProduced']);
    const parts = createLkjParts(db.dataSource, config, clock, store);
    const imported = await parts.capaian.view('kpu-kab-jember', 2024);
    expect(imported.entries).toHaveLength(18);
    expect(new Set(imported.entries.map((e) => e.capaian))).toEqual(new Set(['100.00']));
    // Recorded by the seed as it records everything else, so the trail names it "Seed demo".
    const importedBy = (await db.dataSource.query(`SELECT metadata->>'actorId' AS actor, metadata->>'actorRole' AS role FROM events WHERE type = 'CapaianTahunLaluImported'`));
    expect(importedBy).toEqual([{ actor: 'seed-demo', role: 'ADMIN' }]);
    const [version] = (await parts.streams.load('kpu-kab-jember', 2024)).state.versions;
    for (const f of version.produced!.files) expect((await parts.files.read('kpu-kab-jember', f.sha256))?.actualSha256).toBe(f.sha256);
  });

  it('records Jember\'s published profile as the office\'s own data, so that its LKj prints it as the reference does', async () => {
    const [profile] = await db.dataSource.query(
      `SELECT data, metadata->>'actorId' AS actor FROM events WHERE tenant_id = 'kpu-kab-jember' AND type = 'SatkerProfileChanged'`,
    );
    expect(profile).toMatchObject({ actor: 'seed-demo', data: { version: 1, changes: { signingPlace: 'Jember', tasks: JEMBER_OFFICE.tasks } } });
    const parts = createLkjParts(db.dataSource, { DATA_DIR: dataDir }, clock);
    const input = await parts.facts.read('kpu-kab-jember', 2024, { version: 1, draft: false, suggestions: [], producedAt: clock.now() });
    // The office as the reference publishes it, its Ketua being the demo's Ketua account.
    const { level, ...office } = input.office;
    expect(level).toBe('KABUPATEN_KOTA');
    expect(office).toEqual(JEMBER_OFFICE);
    expect(input.signing.place).toBe('Jember');
  });
});
