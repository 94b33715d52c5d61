import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import type Redis from 'ioredis';
import { ControllableClock, REDIS, sha256Of } from '@kinerja/platform';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy, uploadEvidence } from './workflow/jember-office.fixture';

/**
 * The data folder (DATA_DIR) taken from under a running API, moved away or left as an empty mount
 * point as an unmounted volume leaves it (QA M2, M3, L1): an upload is refused with 503 STORAGE.UNAVAILABLE in Indonesian, stores no row, is not
 * counted, and does not build DATA_DIR again on the disk beneath (where the file would vanish when
 * the volume returns, and a report could cite it); a download is the same storage error, never an
 * integrity alert; /health is degraded. Once the folder is back, everything works as before. Moved
 * away rather than made read-only: the tests may run as root, whom a mode bit does not stop.
 * The clock stands on 15 June 2024 (Asia/Jakarta), so May can be reported.
 */
describe('evidence while the data folder is gone', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const logLines: Array<Record<string, any>> = [];
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const dataDir = () => t.config.DATA_DIR;
  const away = () => renameSync(dataDir(), `${dataDir()}.gone`);
  const back = () => renameSync(`${dataDir()}.gone`, dataDir());
  const upload = (bytes: Buffer, name: string) => t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.KUL)).attach('file', bytes, name);
  const count = async (sql: string, params: unknown[]) => Number((await t.db.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ clock, logLines });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
  });

  afterAll(async () => {
    if (t && existsSync(`${dataDir()}.gone`)) rmSync(`${dataDir()}.gone`, { recursive: true, force: true });
    await t?.close();
  });

  it('refuses an upload with 503 STORAGE.UNAVAILABLE, storing, counting and creating nothing; a report cannot cite the file', async () => {
    await uploadEvidence(t, tokens.kasubbag.KUL, evidencePdf('SPJ April'), 'spj-april.pdf');
    const [{ id: kasubbag }] = await t.db.dataSource.query(`SELECT id FROM users WHERE username = 'kasubbag.kul'`);
    const countedKey = `${t.config.REDIS_PREFIX}:evidence-uploads:${kasubbag}`;
    expect(await t.app.get<Redis>(REDIS).get(countedKey)).toBe('1');
    const bytes = evidencePdf('SPJ Mei');
    const sha256 = sha256Of(bytes);

    away();
    const refused = await upload(bytes, 'spj-mei.pdf');

    expect({ status: refused.status, retryAfter: refused.headers['retry-after'], body: refused.body }).toEqual({
      status: 503,
      retryAfter: '30',
      body: {
        code: 'STORAGE.UNAVAILABLE',
        message: 'Penyimpanan berkas sedang tidak dapat ditulis, sehingga berkas tidak disimpan; coba lagi nanti atau hubungi Admin.',
        details: { operation: 'write', errno: 'ENOENT', retryAfterSeconds: 30 },
      },
    });
    expect(existsSync(dataDir())).toBe(false);
    expect(await count(`SELECT count(*) AS n FROM evidence_files WHERE tenant_id = $1 AND sha256 = $2`, [JEMBER, sha256])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM evidence_uploads WHERE tenant_id = $1 AND sha256 = $2`, [JEMBER, sha256])).toBe(0);
    expect(await t.app.get<Redis>(REDIS).get(countedKey)).toBe('1');
    expect(logLines).toContainEqual(expect.objectContaining({
      level: 50, msg: 'File storage refused: the data folder could not be written or read', code: 'STORAGE.UNAVAILABLE',
      operation: 'write', errno: 'ENOENT', storagePath: expect.stringContaining(dataDir()),
    }));

    const { indicators, kegiatan } = ownedBy('KUL');
    const cited = await t.http.put(`/api/v1/satker/${JEMBER}/realisasi/2024/5/KUL`).set(as(tokens.kasubbag.KUL)).send({
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Realisasi Mei.', kendala: '-', solusi: '-',
        evidence: [{ sha256, fileName: 'spj-mei.pdf', contentType: 'application/pdf', size: bytes.length }] })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '250000' })),
    });
    back();
    expect({ status: cited.status, code: cited.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_NOT_UPLOADED' });

    expect((await upload(bytes, 'spj-mei.pdf')).status).toBe(201);
  });

  it('answers a download with 503 STORAGE.UNAVAILABLE and no integrity alert, and /health is degraded, until the folder is back', async () => {
    const stored = await uploadEvidence(t, tokens.kasubbag.KUL, evidencePdf('SPJ Juni'), 'spj-juni.pdf');
    const url = `/api/v1/satker/${JEMBER}/evidence/${stored.sha256}`;

    away();
    const refused = await t.http.get(url).set(as(tokens.inspektorat));
    const health = await t.http.get('/health');
    back();

    expect({ status: refused.status, code: refused.body.code, details: refused.body.details }).toEqual({
      status: 503, code: 'STORAGE.UNAVAILABLE', details: { operation: 'read', errno: 'ENOENT', retryAfterSeconds: 30 },
    });
    expect(refused.body.message).toContain('tidak dapat dibaca');
    expect(await count(`SELECT count(*) AS n FROM integrity_alerts WHERE satker_code = $1`, [JEMBER])).toBe(0);
    expect({ status: health.status, top: health.body.status, dataDir: health.body.dataDir }).toMatchObject({
      status: 503, top: 'degraded', dataDir: { status: 'down', error: 'ENOENT' },
    });

    const served = await t.http.get(url).set(as(tokens.inspektorat)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(served.status).toBe(200);
    expect(sha256Of(served.body as Buffer)).toBe(stored.sha256);
  });

  it('refuses an upload and a download alike while DATA_DIR is an empty mount point (the volume unmounted, the folder left), creating nothing in it', async () => {
    const stored = await uploadEvidence(t, tokens.kasubbag.KUL, evidencePdf('SPJ Juli'), 'spj-juli.pdf');

    away();
    mkdirSync(dataDir());
    const refusedUpload = await upload(evidencePdf('SPJ Agustus'), 'spj-agustus.pdf');
    const download = await t.http.get(`/api/v1/satker/${JEMBER}/evidence/${stored.sha256}`).set(as(tokens.sekretaris));
    const left = readdirSync(dataDir());
    rmdirSync(dataDir());
    back();

    expect({ status: refusedUpload.status, code: refusedUpload.body.code }).toEqual({ status: 503, code: 'STORAGE.UNAVAILABLE' });
    expect({ status: download.status, code: download.body.code }).toEqual({ status: 503, code: 'STORAGE.UNAVAILABLE' });
    expect(left).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM integrity_alerts WHERE satker_code = $1`, [JEMBER])).toBe(0);
  });
});
