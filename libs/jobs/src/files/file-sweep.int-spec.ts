import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { realisasiStreamId, lkjStreamId } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { ContentAddressedStore, ControllableClock, storedFileLockKey, type AppConfig } from '@kinerja/platform';
import { loadConfig } from '@kinerja/platform/config/load-config';
import { EVIDENCE_MISMATCH } from '@kinerja/projections/audit-trail/integrity.events';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { EvidenceService } from '@kinerja/workflow/evidence/evidence.service';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { EvidenceUploadLimiter } from '@kinerja/workflow/evidence/evidence-upload.limiter';
import type { WorkflowActor } from '@kinerja/workflow/shared/workflow-actor';
import { projectRoot } from '../../../../test/support/processes';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { lkjFileStore } from '../lkj/lkj-file-integrity';
import { FileSweep, type FileSweepReport, type FileSweepRunOptions } from './file-sweep';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The file sweep against the real PostgreSQL and real files in a temporary DATA_DIR: what counts as
 * referenced (any event, any office, any past version), the retention, orphan LKj files, uploads
 * racing the sweep, two sweeps at once, a sweep that dies half-way, and the integrity check.
 */
describe('file sweep (real PostgreSQL, real files)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let config: AppConfig;
  let store: EventStore;
  let evidence: EvidenceService;
  let integrity: IntegrityService;
  let evidenceFiles: ContentAddressedStore;
  const clock = new ControllableClock(new Date());
  const logger = pino({ level: 'silent' });
  let n = 0;

  const kasubbag = (satker: string, subbagian = 'TPH', id = `kasubbag-${satker}-${subbagian}`): WorkflowActor => ({ id, role: 'KASUBBAG', satker, subbagian });
  const pdf = (label = `${++n}-${randomUUID()}`): Buffer => evidencePdf(label);

  async function upload(satker: string, bytes: Buffer = pdf(), actor = kasubbag(satker)) {
    return evidence.store(satker, actor, { originalname: 'bukti.pdf', buffer: bytes });
  }

  async function saveDraft(satker: string, files: Array<{ sha256: string; fileName: string; contentType: string; size: number }>, month = 5, subbagian = 'TPH') {
    const streamId = realisasiStreamId(satker, 2026, month, subbagian);
    await store.append(streamId, 'any', [{
      type: 'RealisasiDraftSaved',
      data: {
        key: { satker, year: 2026, month, subbagian }, revision: 0, pkVersion: 1,
        lines: [{ indicatorCode: 'IK-1', value: '1', narrative: '-', kendala: '-', solusi: '-', evidence: files }],
        budget: [], savedBy: 'kasubbag', savedAt: clock.now().toISOString(),
      },
    }], { tenantId: satker, actorId: 'kasubbag', actorRole: 'KASUBBAG', correlationId: randomUUID() });
    return streamId;
  }

  async function submit(satker: string, streamId: string) {
    await store.append(streamId, 'any', [{ type: 'RealisasiSubmitted', data: { revision: 0, resubmission: false, submittedBy: 'kasubbag', submittedAt: clock.now().toISOString() } }],
      { tenantId: satker, actorId: 'kasubbag', actorRole: 'KASUBBAG', correlationId: randomUUID() });
  }

  const sweep = (options: FileSweepRunOptions = {}) => new FileSweep(db.dataSource, { dataDir, retentionDays: 30 }, clock, logger).run(options);
  const held = async (satker: string, sha256: string) => ({
    row: (await db.dataSource.query(`SELECT 1 FROM evidence_files WHERE tenant_id = $1 AND sha256 = $2`, [satker, sha256])).length === 1,
    uploads: Number((await db.dataSource.query(`SELECT count(*) AS n FROM evidence_uploads WHERE tenant_id = $1 AND sha256 = $2`, [satker, sha256]))[0].n),
    file: existsSync(evidenceFiles.pathOf(satker, sha256)),
  });
  const kept = { row: true, uploads: 1, file: true };
  const gone = { row: false, uploads: 0, file: false };
  const deletions = async (sha256: string) =>
    (await db.dataSource.query(`SELECT area, tenant_id, what FROM file_sweep_deletions WHERE sha256 = $1 ORDER BY id`, [sha256])) as Array<{ area: string; tenant_id: string; what: string }>;
  /** `days` later: what was uploaded before is `days` older. */
  const later = (days: number) => clock.advance(days * DAY);

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    integrity = new IntegrityService(db.dataSource, store, logger);
  });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-sweep-'));
    config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' });
    evidence = new EvidenceService(db.dataSource, config, clock, integrity, new EvidenceUploadLimiter(config));
    evidenceFiles = new ContentAddressedStore(join(dataDir, 'evidence'));
    clock.set(new Date());
    // Every test starts from an empty store of files.
    await db.dataSource.query(`DELETE FROM evidence_uploads; DELETE FROM evidence_files; DELETE FROM integrity_alerts`);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterAll(() => db.drop());

  it('deletes an upload no event refers to once it is older than the retention (row, uploads and file), and records it; a younger one stays', async () => {
    const old = await upload('kpu-a');
    later(20);
    const young = await upload('kpu-a');
    later(11);
    const report = await sweep();
    expect(report.unreferencedUploads).toEqual({ files: 1, bytes: old.size });
    expect(report.bytesFreed).toBe(old.size);
    expect(await held('kpu-a', old.sha256)).toEqual(gone);
    expect(await held('kpu-a', young.sha256)).toEqual(kept);
    expect(await deletions(old.sha256)).toEqual([{ area: 'evidence', tenant_id: 'kpu-a', what: 'unreferenced-upload' }]);
    expect((await sweep()).unreferencedUploads).toEqual({ files: 0, bytes: 0 });
  });

  it('keeps a file referenced by a submitted report, by an old draft version only, or by an event of another office', async () => {
    const submitted = await upload('kpu-a');
    const oldVersion = await upload('kpu-a');
    const replacement = await upload('kpu-a');
    const otherOffice = await upload('kpu-a');
    await submit('kpu-a', await saveDraft('kpu-a', [submitted], 4));
    await saveDraft('kpu-a', [oldVersion], 5);
    await saveDraft('kpu-a', [replacement], 5); // the draft no longer names oldVersion
    await saveDraft('kpu-b', [otherOffice], 5);
    later(400);
    const report = await sweep();
    expect(report.unreferencedUploads.files).toBe(0);
    for (const f of [submitted, oldVersion, replacement, otherOffice]) expect(await held('kpu-a', f.sha256)).toEqual(kept);
  });

  it('keeps the bytes two offices uploaded when one refers to them; of one office, the uploads of every account go together', async () => {
    const bytes = pdf('surat edaran bersama');
    const a = await upload('kpu-a', bytes);
    await upload('kpu-b', bytes);
    await saveDraft('kpu-a', [a]);
    const shared = pdf('dua akun');
    const twice = await upload('kpu-c', shared, kasubbag('kpu-c', 'TPH', 'akun-1'));
    await upload('kpu-c', shared, kasubbag('kpu-c', 'KUL', 'akun-2'));
    later(31);
    expect((await sweep()).unreferencedUploads.files).toBe(1);
    expect(await held('kpu-a', a.sha256)).toEqual(kept);
    expect(await held('kpu-b', a.sha256)).toEqual(kept);
    expect(await held('kpu-c', twice.sha256)).toEqual(gone);
  });

  it('counts an upload again as new: the same bytes uploaded anew by anyone start the retention again', async () => {
    const bytes = pdf();
    const first = await upload('kpu-a', bytes, kasubbag('kpu-a', 'TPH', 'akun-1'));
    later(25);
    await upload('kpu-a', bytes, kasubbag('kpu-a', 'TPH', 'akun-1'));
    later(10);
    expect((await sweep()).unreferencedUploads.files).toBe(0);
    expect(await held('kpu-a', first.sha256)).toEqual(kept);
  });

  it('is not attachable to a report within the hour before the sweep may delete it, and again once uploaded anew', async () => {
    const file = await upload('kpu-a');
    const actor = kasubbag('kpu-a');
    const content = { lines: [{ indicatorCode: 'IK-1', evidence: [file] }] };
    const key = { satker: 'kpu-a', subbagian: 'TPH' };
    later(30);
    clock.advance(-2 * 60 * 60 * 1000);
    await expect(evidence.assertUploaded(key, actor, content)).resolves.toBeUndefined();
    clock.advance(90 * 60 * 1000);
    await expect(evidence.assertUploaded(key, actor, content)).rejects.toMatchObject({ code: 'REALISASI.EVIDENCE_EXPIRED' });
    await upload('kpu-a', pdf(), actor); // another file: changes nothing for this one
    await expect(evidence.assertUploaded(key, actor, content)).rejects.toMatchObject({ code: 'REALISASI.EVIDENCE_EXPIRED' });
    await upload('kpu-a', Buffer.from((await evidenceFiles.read('kpu-a', file.sha256))!.bytes), actor);
    await expect(evidence.assertUploaded(key, actor, content)).resolves.toBeUndefined();
  });

  it('tells the subbagian its own upload expired, before and after the sweep deleted it, and anyone else that it was never uploaded', async () => {
    const file = await upload('kpu-a', pdf(), kasubbag('kpu-a', 'PDI', 'akun-pdi-1'));
    const key = { satker: 'kpu-a', subbagian: 'PDI' };
    const content = { lines: [{ indicatorCode: 'IK-7', evidence: [file] }] };
    const successor = kasubbag('kpu-a', 'PDI', 'akun-pdi-2'); // the same subbagian, another account
    const stranger = kasubbag('kpu-a', 'KUL');
    const expired = {
      code: 'REALISASI.EVIDENCE_EXPIRED',
      message: 'Bukti dukung indikator IK-7 sudah kedaluwarsa: diunggah lebih dari 30 hari lalu dan belum pernah dilampirkan ke laporan. '
        + 'Unggah ulang berkas itu, lalu lampirkan lagi ke laporan.',
      details: { missing: [{ indicator: 'IK-7', sha256: file.sha256 }], expired: [{ indicator: 'IK-7', sha256: file.sha256 }] },
    };
    const notUploaded = {
      code: 'REALISASI.EVIDENCE_NOT_UPLOADED',
      message: 'Bukti dukung indikator IK-7 belum diunggah oleh subbagian Anda; unggah berkasnya dahulu, lalu lampirkan ke laporan.',
      details: { missing: [{ indicator: 'IK-7', sha256: file.sha256 }], expired: [] },
    };
    later(31);
    await expect(evidence.assertUploaded(key, successor, content)).rejects.toMatchObject(expired);
    await expect(evidence.assertUploaded({ satker: 'kpu-a', subbagian: 'KUL' }, stranger, content)).rejects.toMatchObject(notUploaded);
    expect((await sweep()).unreferencedUploads.files).toBeGreaterThanOrEqual(1);
    expect(await held('kpu-a', file.sha256)).toEqual(gone);
    await expect(evidence.assertUploaded(key, successor, content)).rejects.toMatchObject(expired);
    await expect(evidence.assertUploaded({ satker: 'kpu-a', subbagian: 'KUL' }, stranger, content)).rejects.toMatchObject(notUploaded);
    await expect(evidence.assertUploaded({ satker: 'kpu-b', subbagian: 'PDI' }, kasubbag('kpu-b', 'PDI', 'akun-pdi-1'), content)).rejects.toMatchObject(notUploaded);
  });

  it('deletes an LKj file no LkjProduced names (the loser of two producers) after a day; the produced ones stay', async () => {
    const lkj = lkjFileStore(dataDir);
    const docx = await lkj.write('kpu-a', Buffer.from('PK docx of the winner'));
    const pdfFile = await lkj.write('kpu-a', Buffer.from('%PDF of the winner'));
    const loser = await lkj.write('kpu-a', Buffer.from('%PDF of the loser'));
    const inFlight = await lkj.write('kpu-a', Buffer.from('%PDF of a producer still running'));
    await store.append(lkjStreamId('kpu-a', 2026), 'any', [{
      type: 'LkjProduced',
      data: { version: 1, draft: true, files: [{ format: 'DOCX', ...docx }, { format: 'PDF', ...pdfFile }], modelDigest: 'x', producedAt: clock.now().toISOString() },
    }], { tenantId: 'kpu-a', actorId: 'system:lkj', actorRole: 'SYSTEM', correlationId: randomUUID() });
    later(2);
    const recent = (clock.now().getTime() - 12 * 60 * 60 * 1000) / 1000;
    utimesSync(lkj.pathOf('kpu-a', inFlight.sha256), recent, recent);
    const report = await sweep();
    expect(report.orphanLkjFiles).toEqual({ files: 1, bytes: loser.size });
    expect(existsSync(lkj.pathOf('kpu-a', loser.sha256))).toBe(false);
    for (const f of [docx, pdfFile, inFlight]) expect((await lkj.read('kpu-a', f.sha256))?.actualSha256).toBe(f.sha256);
    expect(await deletions(loser.sha256)).toEqual([{ area: 'lkj', tenant_id: 'kpu-a', what: 'orphan-file' }]);
  });

  // QA round 7: the temporary file went without a row, though README says each deletion is one.
  it('records every file it deletes: beside the orphan LKj file, the temporary files (named, with the SHA-256 they were written as when known)', async () => {
    const lkj = lkjFileStore(dataDir);
    const orphan = await lkj.write('kpu-a', Buffer.from('%PDF of the loser, again'));
    const folder = join(lkj.pathOf('kpu-a', orphan.sha256), '..');
    writeFileSync(join(folder, '.tmp-123'), 'half');
    const writing = 'cd'.padEnd(64, '1');
    const evidenceTemporary = join(dataDir, 'evidence', 'kpu-a', 'cd', `.tmp-${writing}-dead`);
    mkdirSync(join(evidenceTemporary, '..'), { recursive: true });
    writeFileSync(evidenceTemporary, 'partial');
    later(3);
    const report = await sweep();
    expect(report.orphanLkjFiles.files + report.temporaryFiles.files).toBe(3);
    expect(await db.dataSource.query(
      `SELECT area, tenant_id, sha256, what, size::int AS size, file_name FROM file_sweep_deletions WHERE sweep_id = $1 ORDER BY area, what, file_name`,
      [report.sweepId],
    )).toEqual([
      { area: 'evidence', tenant_id: 'kpu-a', sha256: writing, what: 'temporary-file', size: 'partial'.length, file_name: `.tmp-${writing}-dead` },
      { area: 'lkj', tenant_id: 'kpu-a', sha256: orphan.sha256, what: 'orphan-file', size: orphan.size, file_name: null },
      { area: 'lkj', tenant_id: 'kpu-a', sha256: null, what: 'temporary-file', size: 'half'.length, file_name: '.tmp-123' },
    ]);
    expect(existsSync(join(folder, '.tmp-123')) || existsSync(evidenceTemporary)).toBe(false);
  });

  it('--dry-run deletes nothing and counts what a real run then deletes', async () => {
    const old = await upload('kpu-a');
    const lkj = lkjFileStore(dataDir);
    const orphan = await lkj.write('kpu-a', Buffer.from('orphan LKj'));
    later(31);
    const dry = await sweep({ dryRun: true });
    expect(await held('kpu-a', old.sha256)).toEqual(kept);
    expect(existsSync(lkj.pathOf('kpu-a', orphan.sha256))).toBe(true);
    expect(await db.dataSource.query(`SELECT * FROM file_sweep_deletions WHERE sweep_id = $1`, [dry.sweepId])).toEqual([]);
    const real = await sweep();
    const counts = (r: FileSweepReport) => ({ ...r, sweepId: null, dryRun: null });
    expect(counts(dry)).toEqual(counts(real));
    expect(real.unreferencedUploads.files + real.orphanLkjFiles.files).toBe(2);
    expect(await held('kpu-a', old.sha256)).toEqual(gone);
  });

  it('an upload of the same bytes while the sweep has chosen the file but not yet locked it keeps it (checked again under the lock)', async () => {
    const bytes = pdf();
    const file = await upload('kpu-a', bytes);
    later(31);
    const report = await sweep({ beforeDeleting: async (chosen) => {
      expect(chosen.map((c) => c.sha256)).toEqual([file.sha256]);
      await upload('kpu-a', bytes);
    } });
    expect(report.unreferencedUploads.files).toBe(0);
    expect(await held('kpu-a', file.sha256)).toEqual(kept);
  });

  it('an upload of the same bytes while the sweep holds the file (rows deleted, file not yet) waits, then writes the file again', async () => {
    const bytes = pdf();
    const file = await upload('kpu-a', bytes);
    later(31);
    let pending: Promise<unknown> | undefined;
    let settled = false;
    let settledWhileLocked: boolean | undefined;
    await sweep({ beforeUnlink: async () => {
      pending = upload('kpu-a', bytes).finally(() => { settled = true; });
      await new Promise((r) => setTimeout(r, 300));
      settledWhileLocked = settled;
    } });
    expect(settledWhileLocked).toBe(false);
    await pending;
    expect(await held('kpu-a', file.sha256)).toEqual(kept);
    const reader = kasubbag('kpu-a');
    expect((await evidence.fetch('kpu-a', file.sha256, reader)).bytes.equals(bytes)).toBe(true);
  });

  it('deletes the temporary file of a write that died, but waits for a write in flight (under its file lock) however old its file looks', async () => {
    const dead = join(dataDir, 'evidence', 'kpu-a', 'ab', `.tmp-${'ab'.padEnd(64, '0')}-dead`);
    const bytes = pdf();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const inFlight = join(dataDir, 'evidence', 'kpu-a', sha256.slice(0, 2), `.tmp-${sha256}-live`);
    for (const path of [dead, inFlight]) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'partial');
    }
    later(2);
    // The upload's write: its lock held from before the temporary file until after its rename.
    const writer = db.dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    await writer.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [storedFileLockKey('evidence', 'kpu-a', sha256)]);
    const running = sweep();
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(inFlight)).toBe(true);
    renameSync(inFlight, evidenceFiles.pathOf('kpu-a', sha256));
    await writer.commitTransaction();
    await writer.release();
    const report = await running;
    expect(report.temporaryFiles).toEqual({ files: 1, bytes: 'partial'.length });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(evidenceFiles.pathOf('kpu-a', sha256))).toBe(true);
  });

  it('two sweeps at once: each file is deleted once and neither fails', async () => {
    const files = [await upload('kpu-a'), await upload('kpu-a'), await upload('kpu-b')];
    later(31);
    let second: FileSweepReport | undefined;
    const first = await sweep({ beforeDeleting: async () => { second = await sweep(); } });
    const third = await Promise.all([sweep(), sweep()]);
    expect(second!.busy).toBe(true);
    expect(first.unreferencedUploads.files).toBe(3);
    expect(third.map((r) => r.unreferencedUploads.files)).toEqual([0, 0]);
    for (const f of files) expect(await deletions(f.sha256)).toHaveLength(1);
  });

  it('a sweep that dies half-way touches nothing referenced, and the next run finishes the job', async () => {
    const referenced = [await upload('kpu-a'), await upload('kpu-a')];
    await saveDraft('kpu-a', referenced);
    const unreferenced = [await upload('kpu-a'), await upload('kpu-a'), await upload('kpu-a'), await upload('kpu-b')];
    later(31);
    await expect(sweep({ afterDelete: (deleted) => { if (deleted === 2) throw new Error('killed'); } })).rejects.toThrow('killed');
    expect((await Promise.all(unreferenced.map((f) => held(f.sha256 === unreferenced[3].sha256 ? 'kpu-b' : 'kpu-a', f.sha256)))).filter((h) => h.file)).toHaveLength(2);
    const next = await sweep();
    expect(next.unreferencedUploads.files + next.orphanEvidenceFiles.files).toBeGreaterThan(0);
    for (const f of unreferenced) expect(await held(f === unreferenced[3] ? 'kpu-b' : 'kpu-a', f.sha256)).toEqual(gone);
    for (const f of referenced) expect(await held('kpu-a', f.sha256)).toEqual(kept);
    expect((await sweep()).bytesFreed).toBe(0);
  });

  it('a sweep process killed (SIGKILL) after deleting some files: nothing referenced is touched and the next run finishes the job', async () => {
    const referenced = [await upload('kpu-a'), await upload('kpu-a')];
    await saveDraft('kpu-a', referenced);
    const unreferenced = [await upload('kpu-a'), await upload('kpu-a'), await upload('kpu-a'), await upload('kpu-a')];
    later(31);
    // The compiled sweep (dist/, built by the global setup) in a process of its own, killed by the kernel after its second file.
    const script = `
      require('reflect-metadata');
      const { createDataSource, Clock } = require('./dist/libs/platform/src');
      const { FileSweep } = require('./dist/libs/jobs/src/files/file-sweep');
      class At extends Clock { now() { return new Date(${clock.now().getTime()}); } }
      (async () => {
        const ds = await createDataSource({ url: process.env.URL, poolSize: 2, applicationName: 'sweep-killed' }).initialize();
        await new FileSweep(ds, { dataDir: process.env.DATA_DIR, retentionDays: 30 }, new At(), require('pino')({ level: 'silent' }))
          .run({ afterDelete: (n) => { if (n === 2) process.kill(process.pid, 'SIGKILL'); } });
        process.exit(3);
      })();`;
    const child = spawn(process.execPath, ['-e', script], { cwd: projectRoot, env: { ...process.env, URL: db.url, DATA_DIR: dataDir }, stdio: 'ignore' });
    const signal = await new Promise((resolve) => child.once('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    expect((await Promise.all(unreferenced.map((f) => held('kpu-a', f.sha256)))).filter((h) => h.file)).toHaveLength(2);
    const next = await sweep();
    expect(next.unreferencedUploads.files + next.orphanEvidenceFiles.files).toBe(2);
    for (const f of unreferenced) expect(await held('kpu-a', f.sha256)).toEqual(gone);
    for (const f of referenced) expect(await held('kpu-a', f.sha256)).toEqual(kept);
  });

  it('deleting a file already gone is no error', async () => {
    const file = await upload('kpu-a');
    rmSync(evidenceFiles.pathOf('kpu-a', file.sha256));
    later(31);
    expect((await sweep()).unreferencedUploads).toEqual({ files: 1, bytes: 0 });
    expect(await held('kpu-a', file.sha256)).toEqual(gone);
  });

  it('raises no integrity alert for a file swept between reading its row and reading its bytes: the download answers 404', async () => {
    const file = await upload('kpu-a');
    later(31);
    const read = ContentAddressedStore.prototype.read;
    jest.spyOn(ContentAddressedStore.prototype, 'read').mockImplementationOnce(async function (this: ContentAddressedStore, tenant: string, sha256: string) {
      expect((await sweep()).unreferencedUploads.files).toBe(1);
      return read.call(this, tenant, sha256);
    });
    await expect(evidence.fetch('kpu-a', file.sha256, { id: 'sekretaris', role: 'SEKRETARIS', subbagian: null })).rejects.toMatchObject({ code: 'EVIDENCE.NOT_FOUND' });
    expect(await integrity.list('kpu-a', 'all')).toEqual([]);
  });

  it('keeps an unreferenced file with an open integrity alert (the damage stays for whoever investigates it)', async () => {
    const file = await upload('kpu-a');
    writeFileSync(evidenceFiles.pathOf('kpu-a', file.sha256), 'other bytes'); // swapped on disk
    await expect(evidence.fetch('kpu-a', file.sha256, { id: 'sekretaris', role: 'SEKRETARIS', subbagian: null })).rejects.toMatchObject({ code: 'EVIDENCE.INTEGRITY_FAILED' });
    expect((await integrity.list('kpu-a')).map((a) => a.kind)).toEqual([EVIDENCE_MISMATCH]);
    later(31);
    expect((await sweep()).unreferencedUploads.files).toBe(0);
    expect((await held('kpu-a', file.sha256)).row).toBe(true);
  });
});
