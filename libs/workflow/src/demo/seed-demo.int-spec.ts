import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { pkStreamId, realisasiStreamId } from '@kinerja/domain';
import { ControllableClock, loadConfig } from '@kinerja/platform';
import { EventStore } from '@kinerja/event-store';
import { AuditTrailQuery } from '@kinerja/projections/audit-trail/audit-trail.query';
import { projectAll } from '@kinerja/projections/audit-trail/audit-trail.fixture';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { GetKinerjaQuery } from '../kinerja/get-kinerja/get-kinerja.query';
import { OpenPkRevisionCommand } from '../perjanjian-kinerja/open-pk-revision/open-pk-revision.handler';
import { ListRealisasiQuery } from '../realisasi/list-realisasi/list-realisasi.query';
import { ReviseRealisasiCommand } from '../realisasi/revise-realisasi/revise-realisasi.handler';
import type { WorkflowActor } from '../shared/workflow-actor';
import { createDemoContext } from './demo-context';
import { seedDemo, seedDemoIfEmpty } from './seed-demo';

describe('seed:demo loads KPU Kabupaten Jember through the command handlers', () => {
  let db: TestDatabase;
  const today = new ControllableClock(new Date('2026-11-27T05:00:00Z'));
  const config = loadConfig({ NODE_ENV: 'test', DEMO_PASSWORD: 'demo-password-123', REDIS_AUTOSTART: 'false', DATA_DIR: mkdtempSync(join(tmpdir(), 'kinerja-seed-')) });

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    rmSync(config.DATA_DIR, { recursive: true, force: true });
    await db?.drop();
  });

  it('seeds an empty database, and a second run appends nothing', async () => {
    expect(await seedDemoIfEmpty({ dataSource: db.dataSource, config, clock: today })).toBe('seeded');
    const again = await seedDemo({ dataSource: db.dataSource, config, clock: today });
    expect(again.eventsAppended).toBe(0);
    expect(await seedDemoIfEmpty({ dataSource: db.dataSource, config, clock: today })).toBe('skipped');
  });

  it('has the demo users, with their roles and subbagian', async () => {
    const rows: Array<{ username: string; role: string; subbagian_code: string | null }> = await db.dataSource.query(
      `SELECT username, role, subbagian_code FROM users ORDER BY username`,
    );
    expect(rows.map((r) => `${r.username}:${r.role}:${r.subbagian_code ?? ''}`)).toEqual([
      'admin:ADMIN:', 'inspektorat:INSPEKTORAT:', 'kasubbag.hsdm:KASUBBAG:HSDM', 'kasubbag.kul:KASUBBAG:KUL',
      'kasubbag.pdi:KASUBBAG:PDI', 'kasubbag.tph:KASUBBAG:TPH', 'ketua:KETUA:', 'sekretaris:SEKRETARIS:',
    ]);
  });

  it('gives 2024 the Tabel 3.2 of the reference and 2026 a year in progress', async () => {
    const context = await createDemoContext(db.dataSource, config, today);
    try {
      const queries = context.get(QueryBus);
      const table = await queries.execute(new GetKinerjaQuery('kpu-kab-jember', 2024));
      const indicators = table.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));
      expect(indicators).toHaveLength(18);
      expect(new Set(indicators.map((i) => `${i.capaian} ${i.category}`))).toEqual(new Set(['100.00 Berhasil']));
      expect(indicators.map((i) => i.realisasi)).toEqual(indicators.map((i) => i.targetText));

      const list = await queries.execute(new ListRealisasiQuery('kpu-kab-jember', 2026));
      const cell = (month: number, s: string) => list.months[month - 1].reports.find((r) => r.subbagian === s)!;
      expect(cell(8, 'KUL').status).toBe('APPROVED');
      expect(cell(9, 'TPH').status).toBe('RETURNED');
      expect(cell(10, 'PDI').status).toBe('SUBMITTED');
      expect(cell(10, 'HSDM')).toMatchObject({ status: 'NOT_STARTED', overdue: true });
      expect(cell(11, 'KUL')).toMatchObject({ status: 'NOT_STARTED', overdue: false });

      // The year in progress has a rencana aksi for every indicator: to date, an output planned
      // for a later month has no target yet instead of failing against the whole year's target.
      const toJune = await queries.execute(new GetKinerjaQuery('kpu-kab-jember', 2026, 6));
      const rows = toJune.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));
      expect(rows.filter((r) => r.category === 'Tidak Berhasil')).toEqual([]);
      expect(rows.some((r) => r.note === 'NO_TARGET_YET')).toBe(true);
      // 2024 keeps the PK as it was signed: the three indicators planned one a month, no others.
      const june2024 = await queries.execute(new GetKinerjaQuery('kpu-kab-jember', 2024, 6));
      const planned2024 = june2024.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators)).filter((r) => r.targetApplied.kind === 'SINGLE' && r.targetApplied.value !== r.targetText);
      expect(planned2024.map((r) => r.code)).toEqual(['K4.1', 'K5.1', 'K6.1']);
    } finally {
      await context.close();
    }
  });

  // QA7 finding 2: the trail showed the Ketua approving the 2024 PK at the moment the seed ran.
  it("marks the workflow events it records as the demo's people as loaded by seed:demo, and the trail shows both times", async () => {
    const loaded: Array<{ type: string; loaded_by: string | null; actor_id: string }> = await db.dataSource.query(
      `SELECT type, metadata->>'loadedBy' AS loaded_by, metadata->>'actorId' AS actor_id FROM events WHERE tenant_id = 'kpu-kab-jember' ORDER BY tenant_sequence`,
    );
    const workflow = loaded.filter((e) => /^(Pk|Realisasi)/.test(e.type));
    expect(workflow.length).toBeGreaterThan(100);
    expect(new Set(workflow.map((e) => e.loaded_by))).toEqual(new Set(['seed:demo']));
    // What the seed records as itself (offices, users) names the seed as actor and needs no mark.
    expect(loaded.filter((e) => e.actor_id === 'seed-demo').every((e) => e.loaded_by === null)).toBe(true);
    // The mark is part of what the chain hashes, and the chain verifies.
    const store = new EventStore(db.dataSource);
    expect((await store.verify('kpu-kab-jember')).intact).toBe(true);

    await projectAll(db.dataSource, store, 500);
    const trail = new AuditTrailQuery(db.dataSource);
    const [approval] = (await trail.page({ satker: 'kpu-kab-jember', year: 2024, eventTypes: ['PkApproved'] })).items;
    expect(approval.actor).toMatchObject({ username: 'ketua', role: 'KETUA', loadedBy: 'seed:demo' });
    // 16 January 2024 09.00 WIB, as the LKj's Lampiran 1 says; recorded when the seed ran.
    expect(approval.occurredAt).toBe('2024-01-16T02:00:00.000Z');
    expect(approval.recordedAt.startsWith('2024')).toBe(false);
  });

  // QA H2: re-running the "idempotent" seed after the office was used forged workflow actions in
  // real users' names, dated in the past (the revision approved, PK Perubahan 2026 submitted and approved).
  it('once its users have acted, a rerun appends nothing and leaves their work as they left it', async () => {
    const streams = (tenant: string) =>
      db.dataSource.query(`SELECT stream_id, stream_version, type, data, metadata FROM events WHERE tenant_id = $1 ORDER BY tenant_sequence`, [tenant]);
    const actor = async (username: string): Promise<WorkflowActor> => {
      const [u] = await db.dataSource.query(`SELECT id::text AS id, role, satker_code, subbagian_code FROM users WHERE username = $1`, [username]);
      return { id: u.id, role: u.role, satker: u.satker_code, subbagian: u.subbagian_code };
    };
    // Given the demo loaded on 27 November and, the next day, its users at work:
    const nextDay = new ControllableClock(new Date('2026-11-28T03:00:00Z'));
    const context = await createDemoContext(db.dataSource, config, nextDay);
    try {
      const commands = context.get(CommandBus);
      const may2024 = { satker: 'kpu-kab-jember', year: 2024, month: 5, subbagian: 'PDI' };
      await commands.execute(new ReviseRealisasiCommand(may2024, 'Angka realisasi Mei perlu dikoreksi setelah verifikasi dokumen.', await actor('kasubbag.pdi')));
      await commands.execute(new OpenPkRevisionCommand('kpu-kab-jember', 2026, 'Perubahan bersamaan', await actor('sekretaris')));
    } finally {
      await context.close();
    }
    const before = await streams('kpu-kab-jember');

    // When seed:demo runs again, a week later:
    const lines: string[] = [];
    const later = new ControllableClock(new Date('2026-12-07T04:00:00Z'));
    const again = await seedDemo({ dataSource: db.dataSource, config, clock: later, log: (l) => lines.push(l) });

    // Then it appends nothing, says why, and their streams end with what they did.
    expect(again.eventsAppended).toBe(0);
    expect(again.officeLeftAlone).toMatch(/penggunanya telah bertindak di dalamnya sejak seed:demo memuatnya/);
    // The last act named as the audit trail names it (who and what), never by its event type.
    expect(lines.join('\n')).toMatch(/^Kantor kpu-kab-jember dibiarkan apa adanya: penggunanya telah bertindak di dalamnya sejak seed:demo memuatnya \(terakhir, \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WIB: Sekretaris KPU Kabupaten Jember: Membuka PK Perubahan 2026 versi 2 berdasarkan versi 1\); /m);
    expect(lines.join('\n')).not.toMatch(/PkRevisionOpened|RealisasiRevisionOpened/);
    expect(await streams('kpu-kab-jember')).toEqual(before);
    const last = (streamId: string) => before.filter((e: { stream_id: string }) => e.stream_id === streamId).at(-1).type;
    expect(last(realisasiStreamId('kpu-kab-jember', 2024, 5, 'PDI'))).toBe('RealisasiRevisionOpened');
    expect(last(pkStreamId('kpu-kab-jember', 2026))).toBe('PkRevisionOpened');
  });
});
