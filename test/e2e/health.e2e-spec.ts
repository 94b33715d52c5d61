import type Redis from 'ioredis';
import { forgetWorker, recordWorkerBeat } from '@kinerja/jobs';
import { REDIS } from '@kinerja/platform';
import { createTwoOffices } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is public and reports the database, Redis, the data folder, integrity and the lag of every projection', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', embedded: false },
      redis: { status: 'up' },
      dataDir: { status: 'up', latencyMs: expect.any(Number) },
      integrity: { status: 'OK', damagedOffices: 0 },
    });
    const names = (res.body.projections as Array<{ name: string; eventsBehind: number }>).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['current-performance', 'submission-status', 'approval-inbox', 'audit-trail']));
    // The first administrator was recorded as events and no runner runs in the API: the read models trail.
    expect(res.body.projections.every((p: { eventsBehind: number }) => p.eventsBehind > 0)).toBe(true);
    expect(res.headers['x-correlation-id']).toEqual(expect.any(String));
  });

  it('counts the worker processes that beat in the last 30 s, and says what stops when there is none', async () => {
    const redis = t.app.get<Redis>(REDIS);
    const none = await t.http.get('/health').expect(200);
    expect(none.body.workers).toMatchObject({ status: 'NONE', alive: 0, lastBeatSecondsAgo: null, message: expect.stringContaining('pembuatan LKj berhenti') });

    await recordWorkerBeat(redis, t.config.REDIS_PREFIX, new Date(Date.now() - 5_000), 'worker-a:1');
    await recordWorkerBeat(redis, t.config.REDIS_PREFIX, new Date(Date.now() - 60_000), 'worker-b:2');
    const one = await t.http.get('/health').expect(200);
    expect(one.body.workers).toEqual({ status: 'OK', alive: 1, lastBeatSecondsAgo: 5 });

    await forgetWorker(redis, t.config.REDIS_PREFIX, 'worker-a:1');
    expect((await t.http.get('/health').expect(200)).body.workers).toMatchObject({ status: 'NONE', alive: 0, lastBeatSecondsAgo: 60 });
  });

  it('echoes a well-formed correlation id the caller sent', async () => {
    const res = await t.http.get('/health').set('X-Correlation-Id', 'reviu-2025-abc123').expect(200);
    expect(res.headers['x-correlation-id']).toBe('reviu-2025-abc123');
  });
});

/**
 * HEALTH_DETAILS=signed-in (the default in production): everyone learns ok or degraded, with the
 * status code a load balancer needs; the probes, integrity alerts, lag and workers only an ADMIN
 * or an INSPEKTORAT sending its token — an intruder must not watch whether their tampering was
 * noticed.
 */
describe('GET /health with HEALTH_DETAILS=signed-in', () => {
  let t: TestApp;
  let tokens: Record<string, string>;
  let rootAdmin: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { HEALTH_DETAILS: 'signed-in' } });
    const offices = await createTwoOffices(t);
    rootAdmin = offices.rootAdminToken;
    tokens = Object.fromEntries(Object.entries(offices.own.users).map(([role, user]) => [role, user.token]));
  });
  afterAll(() => t.close());

  const health = (token?: string) => {
    const request = t.http.get('/health');
    return token ? request.set('Authorization', `Bearer ${token}`) : request;
  };

  it('tells anyone else only ok, with the status code: no token, a bad one, or another role', async () => {
    for (const token of [undefined, 'bukan-token', tokens.KASUBBAG, tokens.SEKRETARIS, tokens.KETUA]) {
      const res = await health(token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', details: expect.stringContaining('Administrator atau Inspektorat') });
    }
    // Says why, to a caller who sent a token: an operator whose token lapsed is told so.
    expect((await health('bukan-token')).body.details).toContain('Token yang dikirim tidak berlaku');
    expect((await health(tokens.SEKRETARIS)).body.details).toContain('Peran Anda (Sekretaris) tidak termasuk');
  });

  it('gives an ADMIN or an INSPEKTORAT of any office the details', async () => {
    for (const role of ['ADMIN', 'INSPEKTORAT']) {
      const res = await health(tokens[role]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, redis: { status: 'up' }, integrity: { status: 'OK' }, eventLog: { status: 'OK' } });
      expect(res.body.workers).toMatchObject({ status: 'NONE' });
    }
  });

  it("counts only the caller's own offices' integrity alerts: another kabupaten's damage is not theirs to watch", async () => {
    await t.db.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, detail) VALUES ('kpu-kab-banyuwangi', now(), 'test', 'CHAIN_BROKEN', 'rusak')`,
    );
    expect((await health(tokens.ADMIN)).body.integrity).toEqual({ status: 'OK', damagedOffices: 0 });
    expect((await health(rootAdmin)).body.integrity).toMatchObject({ status: 'DAMAGED', damagedOffices: 1 });
  });

  it('given an open integrity alert, then the ADMIN reads a warning at the top of the answer while the status stays ok (200): a load balancer keeps the replica', async () => {
    const own = await health(tokens.ADMIN);
    const root = await health(rootAdmin);

    expect({ status: own.status, top: own.body.status, warnings: own.body.warnings }).toEqual({ status: 200, top: 'ok', warnings: [] });
    expect({ status: root.status, top: root.body.status }).toEqual({ status: 200, top: 'ok' });
    expect(root.body.warnings).toEqual([{ code: 'INTEGRITY.DAMAGED', message: root.body.integrity.message }]);
    expect(root.body.warnings[0].message).toMatch(/^PERINGATAN: integritas data 1 satker terdeteksi rusak/);
  });

  it('tells an ADMIN who has still to change the password an administrator gave only ok, as every other route refuses them', async () => {
    const created = await t.http.post('/api/v1/satker/kpu-kab-jember/users').set('Authorization', `Bearer ${rootAdmin}`)
      .send({ username: 'admin.kedua', fullName: 'Admin Kedua', role: 'ADMIN', password: 'meja-kursi-lemari' });
    expect(created.status).toBe(201);
    const signedIn = await t.http.post('/api/v1/auth/login').send({ username: 'admin.kedua', password: 'meja-kursi-lemari' });
    expect(signedIn.body.passwordChangeRequired).toBe(true);
    expect((await health(signedIn.body.accessToken)).body).toEqual({ status: 'ok', details: expect.stringContaining('Ganti dahulu kata sandi') });
  });
});
