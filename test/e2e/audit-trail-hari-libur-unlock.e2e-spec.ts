import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { createTwoOffices, FIXTURE_PASSWORD, FixtureOffice, login } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

type TrailRow = { satker: string; eventType: string; summary: string; reason: string | null; changes: Array<{ field: string; before: string | null; after: string | null }> };

const KEMERDEKAAN = { date: '2026-08-17', name: 'Hari Kemerdekaan RI', kind: 'LIBUR_NASIONAL' };
const CUTI_NATAL = { date: '2026-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'CUTI_BERSAMA' };
const NATAL = { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'LIBUR_NASIONAL' };

/**
 * The Inspektorat's trail tells who changed the holiday calendar (which moves report reminders), when
 * and why, on the root office whose ADMIN keeps it; and why an administrator opened a locked account
 * early. Both take the optional `reason` of every administrator's change, shown as `alasan`.
 */
describe('the audit trail: the holiday calendar changed and an account unlocked, with their reasons', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let rootAdmin: string;
  let rootInspektorat: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const url = '/api/v1/hari-libur/2026';

  async function drain(): Promise<void> {
    await new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection()])).drain();
  }

  async function trail(satker: string, token: string, type: string): Promise<TrailRow[]> {
    await drain();
    const response = await t.http.get(`/api/v1/satker/${satker}/audit/trail?type=${type}&order=asc`).set(as(token));
    expect(response.status).toBe(200);
    return response.body.items.map((item: TrailRow) => ({ ...item, satker }));
  }

  async function eventsOf(type: string): Promise<Array<{ tenant_id: string; stream_id: string; data: Record<string, unknown> }>> {
    return t.app.get(DataSource).query(`SELECT tenant_id, stream_id, data FROM events WHERE type = $1 ORDER BY global_position`, [type]);
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '4' } });
    const offices = await createTwoOffices(t);
    own = offices.own;
    rootAdmin = offices.rootAdminToken;
    const root = t.config.ROOT_SATKER_CODE;
    const inspektorat = await t.http.post(`/api/v1/satker/${root}/users`).set(as(rootAdmin))
      .send({ username: 'inspektorat.pusat', fullName: 'Inspektur Pusat', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD });
    expect(inspektorat.status).toBe(201);
    rootInspektorat = await login(t, 'inspektorat.pusat', FIXTURE_PASSWORD);
  });

  afterAll(() => t?.close());

  it('given the first list of a year with a reason, then the root office trail says it was set, each date in words, with the reason as alasan', async () => {
    const set = await t.http.put(url).set(as(rootAdmin)).send({ holidays: [NATAL, KEMERDEKAAN], reason: '  SKB 3 Menteri tahun 2026 ' });
    expect({ status: set.status, version: set.body.version }).toEqual({ status: 200, version: 1 });
    expect(await eventsOf('HariLiburChanged')).toEqual([{
      tenant_id: t.config.ROOT_SATKER_CODE,
      stream_id: `identity:${t.config.ROOT_SATKER_CODE}`,
      data: { year: 2026, version: 1, added: [KEMERDEKAAN, NATAL], removed: [], changed: [], reason: 'SKB 3 Menteri tahun 2026' },
    }]);
    const [row] = await trail(t.config.ROOT_SATKER_CODE, rootInspektorat, 'HariLiburChanged');
    expect(row).toMatchObject({
      summary: 'Hari libur tahun 2026 ditetapkan (versi 1): ditambah 17 Agustus 2026 (Hari Kemerdekaan RI, libur nasional), 25 Desember 2026 (Hari Raya Natal, libur nasional).',
      reason: 'SKB 3 Menteri tahun 2026',
      changes: [
        expect.objectContaining({ field: 'hari libur 17 Agustus 2026', before: null, after: 'Hari Kemerdekaan RI, libur nasional' }),
        expect.objectContaining({ field: 'hari libur 25 Desember 2026', before: null, after: 'Hari Raya Natal, libur nasional' }),
      ],
    });
  });

  it('given a revised list, then the trail tells what was added, removed and renamed; the same list again records nothing; GET and history read as before', async () => {
    const revised = [CUTI_NATAL, { ...NATAL, name: 'Hari Raya Natal 2026' }];
    const changed = await t.http.put(url).set(as(rootAdmin)).set('If-Match', '"1"').send({ holidays: revised });
    expect({ status: changed.status, version: changed.body.version }).toEqual({ status: 200, version: 2 });
    const again = await t.http.put(url).set(as(rootAdmin)).send({ holidays: revised, reason: 'Dikirim ulang' });
    expect({ status: again.status, version: again.body.version }).toEqual({ status: 200, version: 2 });
    expect(await eventsOf('HariLiburChanged')).toHaveLength(2);
    const rows = await trail(t.config.ROOT_SATKER_CODE, rootInspektorat, 'HariLiburChanged');
    expect(rows.map((r) => [r.summary, r.reason])).toEqual([
      [expect.stringContaining('ditetapkan (versi 1)'), 'SKB 3 Menteri tahun 2026'],
      [
        'Hari libur tahun 2026 diubah (versi 2): ditambah 24 Desember 2026 (Cuti Bersama Hari Raya Natal, cuti bersama); '
          + 'dihapus 17 Agustus 2026 (Hari Kemerdekaan RI, libur nasional); diubah 25 Desember 2026 (nama Hari Raya Natal → Hari Raya Natal 2026).',
        null,
      ],
    ]);
    // Across offices too, for the Inspektorat whose scope holds the root office.
    await drain();
    const across = await t.http.get('/api/v1/audit/trail?type=HariLiburChanged').set(as(rootInspektorat));
    expect(across.status).toBe(200);
    expect(across.body.items.map((r: { satker: string }) => r.satker)).toEqual([t.config.ROOT_SATKER_CODE, t.config.ROOT_SATKER_CODE]);
    const read = await t.http.get(url).set(as(own.users.KASUBBAG.token)).expect(200);
    expect(read.body).toMatchObject({ year: 2026, version: 2, holidays: [CUTI_NATAL, { ...NATAL, name: 'Hari Raya Natal 2026' }].map((h) => expect.objectContaining(h)) });
    const history = await t.http.get(`${url}/history`).set(as(own.users.KASUBBAG.token)).expect(200);
    expect(history.body.versions.map((v: { version: number; holidays: unknown[] }) => [v.version, v.holidays.length])).toEqual([[1, 2], [2, 2]]);
  });

  it.each([
    ['blank', '   ', 422, 'IDENTITY.REASON_INVALID'],
    ['invisible', '\u200d\u200c\u200d\u200c', 422, 'IDENTITY.REASON_INVALID'],
    ['of zero-width spaces (refused as every free text is)', '\u200b\u200b\u200b\u200b', 400, 'VALIDATION.FAILED'],
    ['over 2000 characters', 'a'.repeat(2001), 400, 'VALIDATION.FAILED'],
  ])('given a reason that is %s, when the calendar is changed or an account unlocked, then it is refused and nothing is written', async (_what, reason, status, code) => {
    const changes = (await eventsOf('HariLiburChanged')).length;
    const calendar = await t.http.put(url).set(as(rootAdmin)).send({ holidays: [KEMERDEKAAN], reason });
    expect({ status: calendar.status, code: calendar.body.code }).toEqual({ status, code });
    expect((await t.http.get(url).set(as(rootAdmin))).body.version).toBe(2);
    expect(await eventsOf('HariLiburChanged')).toHaveLength(changes);
    const unlock = await t.http.post(`/api/v1/satker/${own.code}/users/${own.users.SEKRETARIS.id}/unlock`).set(as(own.users.ADMIN.token)).send({ reason });
    expect({ status: unlock.status, code: unlock.body.code }).toEqual({ status, code });
    if (status === 422) expect(unlock.body.message).toContain('3–2000 karakter yang terlihat');
  });

  it('given a locked account unlocked with a reason, then the trail shows it as alasan; a locked account still unlocks with an empty or absent body', async () => {
    const lockOut = async (username: string) => {
      for (let i = 1; i <= 4; i++) {
        await t.http.post('/api/v1/auth/login').set('X-Forwarded-For', `10.7.0.${i}`).send({ username, password: 'salah-ketik' });
      }
    };
    const users = `/api/v1/satker/${own.code}/users`;
    const admin = as(own.users.ADMIN.token);
    await lockOut(own.users.KASUBBAG.username);
    // A reason refused leaves the lock where it was.
    const refused = await t.http.post(`${users}/${own.users.KASUBBAG.id}/unlock`).set(admin).send({ reason: 'ok' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'IDENTITY.REASON_INVALID' });
    expect((await t.http.get(`${users}/${own.users.KASUBBAG.id}`).set(admin)).body.lockedUntil).toEqual(expect.any(String));

    const unlocked = await t.http.post(`${users}/${own.users.KASUBBAG.id}/unlock`).set(admin)
      .send({ reason: 'Pemilik akun menelepon; salah ketik menjelang batas waktu laporan' });
    expect(unlocked.body).toMatchObject({ failedAttempts: 4, lockedUntil: expect.any(String) });
    await lockOut(own.users.SEKRETARIS.username);
    const absent = await t.http.post(`${users}/${own.users.SEKRETARIS.id}/unlock`).set(admin);
    expect({ status: absent.status, failedAttempts: absent.body.failedAttempts }).toEqual({ status: 200, failedAttempts: 4 });
    await lockOut(own.users.KETUA.username);
    const empty = await t.http.post(`${users}/${own.users.KETUA.id}/unlock`).set(admin).send({});
    expect({ status: empty.status, failedAttempts: empty.body.failedAttempts }).toEqual({ status: 200, failedAttempts: 4 });

    const rows = await trail(own.code, own.users.INSPEKTORAT.token, 'UserUnlocked');
    expect(rows.map((r) => [r.summary, r.reason])).toEqual([
      [expect.stringContaining(`Membuka kunci akun KASUBBAG KPU Kabupaten Jember (${own.users.KASUBBAG.username})`), 'Pemilik akun menelepon; salah ketik menjelang batas waktu laporan'],
      [expect.stringContaining(`(${own.users.SEKRETARIS.username})`), null],
      [expect.stringContaining(`(${own.users.KETUA.username})`), null],
    ]);
    expect((await eventsOf('UserUnlocked')).map((e) => e.data.reason ?? null)).toEqual(['Pemilik akun menelepon; salah ketik menjelang batas waktu laporan', null, null]);
  });
});
