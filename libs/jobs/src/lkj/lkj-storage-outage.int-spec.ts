import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { ContentAddressedStore, StorageError } from '@kinerja/platform';
import { fillingUpFs } from '@kinerja/platform/files/failing-fs.testing';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { LkjProducer } from './lkj-producer';
import { LkjService } from './lkj.service';
import { JEMBER, LkjScenario } from './testing/lkj-scenario.testing';

const INSPEKTORAT = { id: '00000000-0000-4000-8000-00000000000b' };

/**
 * The LKj files while the data folder (DATA_DIR) is unmounted, moved away or full: the producer's
 * job fails with the store's StorageError and records nothing, leaving no file behind and no
 * folder made again on the wrong disk; a download answers the storage error (503) and raises no
 * integrity alert, since every file would look missing and none was tampered with. A file missing
 * from a store that is there stays an integrity failure. Real PostgreSQL and files.
 */
describe('LKj files while the data folder is gone or full', () => {
  const s = new LkjScenario();
  let service: LkjService;
  let integrity: IntegrityService;
  const away = () => renameSync(s.dataDir, `${s.dataDir}.gone`);
  const back = () => renameSync(`${s.dataDir}.gone`, s.dataDir);
  const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

  beforeAll(async () => {
    await s.start();
    service = new LkjService(s.db.dataSource, s.parts.streams, s.parts.outbox, s.enqueuer, s.parts.processManager, s.parts.files, s.clock, s.integrity(), s.parts.chain);
    integrity = new IntegrityService(s.db.dataSource, s.store, pino({ level: 'silent' }));
    await s.approveYear();
    await s.parts.processManager.catchUpThroughNow();
  });
  afterAll(async () => {
    rmSync(`${s.dataDir}.gone`, { recursive: true, force: true });
    await s.stop();
  });

  it('given a full disk, the job fails with STORAGE.FULL, records nothing and leaves no partial file', async () => {
    const full = new LkjProducer(s.db.dataSource, s.parts.streams, s.parts.facts, new ContentAddressedStore(join(s.dataDir, 'lkj'), fillingUpFs()), s.parts.outbox, s.clock, s.parts.chain);

    await expect(full.produce(JEMBER, 2024, 1)).rejects.toMatchObject({ code: 'STORAGE.FULL', operation: 'write', errno: 'ENOSPC' });

    expect(await s.lkjEventTypes()).toEqual(['LkjRequested']);
    expect((await s.parts.outbox.pending()).map((i) => i.version)).toEqual([1]);
    expect(filesUnder(s.dataDir)).toEqual([]);
  });

  it('given DATA_DIR moved away, the job fails with STORAGE.UNAVAILABLE, records nothing and does not create DATA_DIR again', async () => {
    away();
    const refusal = await s.parts.producer.produce(JEMBER, 2024, 1).catch((e: unknown) => e);
    back();

    expect(refusal).toBeInstanceOf(StorageError);
    expect(refusal).toMatchObject({ code: 'STORAGE.UNAVAILABLE', operation: 'write', errno: 'ENOENT' });
    expect(await s.lkjEventTypes()).toEqual(['LkjRequested']);
    expect((await s.parts.outbox.pending()).map((i) => i.version)).toEqual([1]);
    expect(filesUnder(s.dataDir)).toEqual([]);
  });

  it('once DATA_DIR is back, the same version is produced; while it is away again, a download is the storage error and no integrity alert; one file missing is still an integrity failure', async () => {
    expect(await s.parts.producer.produce(JEMBER, 2024, 1)).toMatchObject({ outcome: 'produced' });
    expect((await service.download(JEMBER, 2024, 1, 'pdf', INSPEKTORAT)).bytes.length).toBeGreaterThan(0);

    away();
    const refusal = await service.download(JEMBER, 2024, 1, 'pdf', INSPEKTORAT).catch((e: unknown) => e);
    expect(existsSync(s.dataDir)).toBe(false);
    back();

    expect(refusal).toMatchObject({ code: 'STORAGE.UNAVAILABLE', kind: 'unavailable', operation: 'read', errno: 'ENOENT', path: s.dataDir });
    expect(await integrity.list(JEMBER, 'open')).toEqual([]);
    expect((await service.download(JEMBER, 2024, 1, 'pdf', INSPEKTORAT)).bytes.length).toBeGreaterThan(0);

    // One file missing from a store that is there stays an integrity failure, with its alert.
    const [pdf] = (await s.parts.streams.load(JEMBER, 2024)).state.versions[0].produced!.files.filter((f) => f.format === 'PDF');
    rmSync(s.parts.files.pathOf(JEMBER, pdf.sha256));

    await expect(service.download(JEMBER, 2024, 1, 'pdf', INSPEKTORAT)).rejects.toMatchObject({ code: 'LKJ.INTEGRITY_FAILED', details: { actual: null } });
    expect(await integrity.list(JEMBER, 'open')).toEqual([expect.objectContaining({ kind: 'lkj_file_mismatch', subject: `lkj:${pdf.sha256}` })]);
  });
});
