import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { createOffice, createTwoOffices, FIXTURE_PASSWORD, FixtureOffice, login } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The audit trail across the offices in a reader's scope: an Inspektorat of a province reads the
 * trails of the province and of every kabupaten under it as one list, in order of time recorded,
 * and nothing of an office outside its scope.
 */
describe('the audit trail across offices', () => {
  let t: TestApp;
  let jember: FixtureOffice;
  let banyuwangi: FixtureOffice;
  let bali: FixtureOffice;
  let provinceInspektorat: string;
  const PROVINCE = 'kpu-prov-jawa-timur';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  type Item = { satker: string; sequence: number; recordedAt: string; eventType: string; actor: { username: string | null } };
  const key = (i: Item) => `${i.satker}#${i.sequence}`;

  beforeAll(async () => {
    t = await createTestApp();
    const offices = await createTwoOffices(t);
    ({ own: jember, other: banyuwangi } = offices);
    bali = await createOffice(t, offices.rootAdminToken, { code: 'kpu-prov-bali', name: 'KPU Provinsi Bali', parentCode: t.config.ROOT_SATKER_CODE });
    const created = await t.http
      .post(`/api/v1/satker/${PROVINCE}/users`)
      .set(as(offices.rootAdminToken))
      .send({ username: 'inspektorat.jatim', fullName: 'Inspektorat Jawa Timur', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
    provinceInspektorat = await login(t, 'inspektorat.jatim', FIXTURE_PASSWORD);
    const runner = new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection()]));
    await runner.drain();
  });

  afterAll(() => t?.close());

  async function perOffice(code: string, token: string): Promise<Item[]> {
    const response = await t.http.get(`/api/v1/satker/${code}/audit/trail?limit=500`).set(as(token));
    expect(response.status).toBe(200);
    return response.body.items;
  }

  function inTimeOrder(items: Item[]): Item[] {
    return [...items].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.satker.localeCompare(b.satker) || a.sequence - b.sequence);
  }

  it("gives a province's Inspektorat every office in its scope as one list in time order, and no other office", async () => {
    const response = await t.http.get('/api/v1/audit/trail?limit=500').set(as(provinceInspektorat));
    expect(response.status).toBe(200);
    expect(response.body.satkers).toEqual([PROVINCE, 'kpu-kab-banyuwangi', 'kpu-kab-jember']);
    expect(response.body.integrity).toMatchObject({ status: 'OK', alerts: [] });
    const items: Item[] = response.body.items;
    const expected = [
      ...(await perOffice(PROVINCE, provinceInspektorat)),
      ...(await perOffice(jember.code, provinceInspektorat)),
      ...(await perOffice(banyuwangi.code, provinceInspektorat)),
    ];
    expect(new Set(items.map((i) => i.satker))).toEqual(new Set([PROVINCE, jember.code, banyuwangi.code]));
    expect(items.map(key)).toEqual(inTimeOrder(expected).map(key));
    expect(items).toEqual(inTimeOrder(expected));
    expect(items.some((i) => i.satker === bali.code)).toBe(false);
  });

  it('pages with a cursor, forwards and backwards, without losing or repeating a row', async () => {
    const whole: Item[] = (await t.http.get('/api/v1/audit/trail?limit=500').set(as(provinceInspektorat))).body.items;
    for (const order of ['asc', 'desc'] as const) {
      const collected: Item[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `cursor=${encodeURIComponent(cursor)}&limit=4` : `order=${order}&limit=4`;
        const page = await t.http.get(`/api/v1/audit/trail?${query}`).set(as(provinceInspektorat));
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(4);
        collected.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(collected.map(key)).toEqual((order === 'asc' ? whole : [...whole].reverse()).map(key));
    }
  });

  it('narrows to the offices named and applies the same filters as the per-office trail', async () => {
    const jemberOnly = await t.http.get(`/api/v1/audit/trail?satker=${jember.code}&limit=500`).set(as(provinceInspektorat));
    expect(jemberOnly.body.satkers).toEqual([jember.code]);
    expect(jemberOnly.body.items.map(key)).toEqual((await perOffice(jember.code, provinceInspektorat)).map(key));

    const filter = 'role=ADMIN&type=UserCreated';
    const across = await t.http.get(`/api/v1/audit/trail?${filter}&limit=500`).set(as(provinceInspektorat));
    const expected: Item[] = [];
    for (const code of [PROVINCE, jember.code, banyuwangi.code]) {
      expected.push(...(await t.http.get(`/api/v1/satker/${code}/audit/trail?${filter}&limit=500`).set(as(provinceInspektorat))).body.items);
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(across.body.items.map(key)).toEqual(inTimeOrder(expected).map(key));
  });

  it('answers 404 for an office outside the scope, as the per-office routes do', async () => {
    for (const [token, code] of [
      [provinceInspektorat, bali.code],
      [jember.users.SEKRETARIS.token, banyuwangi.code],
      [bali.users.INSPEKTORAT.token, jember.code],
    ]) {
      const response = await t.http.get(`/api/v1/audit/trail?satker=${jember.code},${code}`).set(as(token));
      expect({ status: response.status, code: response.body.code, satker: response.body.details?.satker }).toEqual({ status: 404, code: 'SATKER.NOT_FOUND', satker: code });
    }
  });

  it("shows a Sekretaris only the own office's trail", async () => {
    const response = await t.http.get('/api/v1/audit/trail?limit=500').set(as(jember.users.SEKRETARIS.token));
    expect(response.body.satkers).toEqual([jember.code]);
    expect(response.body.items.map(key)).toEqual((await perOffice(jember.code, jember.users.SEKRETARIS.token)).map(key));
  });

  it('refuses a malformed office list (400) or a cursor it did not issue (400, as per office), with stable codes', async () => {
    const list = await t.http.get('/api/v1/audit/trail?satker=BUKAN%20KODE').set(as(provinceInspektorat));
    expect({ status: list.status, code: list.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    const perOfficeCursor = (await t.http.get(`/api/v1/satker/${jember.code}/audit/trail?limit=1`).set(as(provinceInspektorat))).body.nextCursor;
    for (const cursor of ['bukan-kursor', perOfficeCursor]) {
      const response = await t.http.get(`/api/v1/audit/trail?cursor=${encodeURIComponent(cursor)}`).set(as(provinceInspektorat));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'AUDIT.INVALID_CURSOR' });
    }
  });

  /** The instant as a clock `hours` ahead of UTC shows it, with Indonesia's name of that zone. */
  const officeTime = (instant: string, hours: 7 | 8 | 9) =>
    `${new Date(Date.parse(instant) + hours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} ${{ 7: 'WIB', 8: 'WITA', 9: 'WIT' }[hours]}`;

  it("exports the same rows as CSV led by the office, each row's time in its office's zone, and as JSON Lines (UTC)", async () => {
    // Banyuwangi keeps Papua's clock here: rows of one export, two zones.
    await t.app.get(DataSource).query(`UPDATE satker SET time_zone = 'Asia/Jayapura' WHERE code = $1`, [banyuwangi.code]);
    const zones: Array<{ code: string; time_zone: string }> = await t.app.get(DataSource).query(`SELECT code, time_zone FROM satker WHERE code = ANY($1)`, [[PROVINCE, jember.code]]);
    expect(zones.map((z) => z.time_zone)).toEqual(['Asia/Jakarta', 'Asia/Jakarta']);
    const whole: Item[] = (await t.http.get('/api/v1/audit/trail?limit=500').set(as(provinceInspektorat))).body.items;
    const csv = await t.http.get('/api/v1/audit/trail/export?format=csv').set(as(provinceInspektorat));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['x-integrity-status']).toBe('OK');
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0].startsWith('satker;status_integritas;urutan;waktu_kantor;waktu_utc;')).toBe(true);
    const cellsOf = (line: string) => line.split(';');
    expect(lines.slice(1).map((line) => `${cellsOf(line)[0]}#${cellsOf(line)[2]}`)).toEqual(whole.map(key));
    expect(new Set(lines.slice(1).map((line) => cellsOf(line)[1]))).toEqual(new Set(['OK']));
    // Each row's office time in its own office's zone, the UTC instant beside it.
    expect(lines.slice(1).map((line) => cellsOf(line).slice(3, 5))).toEqual(whole.map((i) => [officeTime(i.recordedAt, i.satker === banyuwangi.code ? 9 : 7), i.recordedAt]));
    const jsonl = await t.http.get('/api/v1/audit/trail/export?format=jsonl').set(as(provinceInspektorat)).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    expect((jsonl.body as string).trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(whole.map((i) => ({ integrity: { status: 'OK', alertIds: [] }, ...i })));
  });

  it('is loud when any office in the list has a damaged chain, naming it', async () => {
    await t.app.get(DataSource).query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, detail) VALUES ($1, now(), 'test', 'modified', 'peristiwa diubah')`,
      [banyuwangi.code],
    );
    const response = await t.http.get('/api/v1/audit/trail?limit=1').set(as(provinceInspektorat));
    expect(response.body.integrity).toMatchObject({ status: 'DAMAGED', damagedOffices: [banyuwangi.code], alerts: [expect.objectContaining({ satker: banyuwangi.code, kind: 'modified' })] });
    expect(response.body.integrity.message).toContain(banyuwangi.code);
    const [{ id }] = await t.app.get(DataSource).query(`SELECT id FROM integrity_alerts WHERE satker_code = $1`, [banyuwangi.code]);
    const export_ = await t.http.get('/api/v1/audit/trail/export?format=csv').set(as(provinceInspektorat));
    expect(export_.headers['x-integrity-status']).toBe('DAMAGED');
    // The file says so itself, row by row, for the office damaged only (QA7 finding 1): a saved file has no header.
    const rows = export_.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
    const damaged = `${banyuwangi.code};"RUSAK: peringatan integritas #${id} masih terbuka; data satker ini tidak dapat dipercaya sampai diperiksa";`;
    expect(rows.filter((row) => row.startsWith(`${banyuwangi.code};`)).every((row) => row.startsWith(damaged))).toBe(true);
    expect(rows.filter((row) => row.startsWith(`${jember.code};`)).every((row) => row.startsWith(`${jember.code};OK;`))).toBe(true);
    expect(rows.some((row) => row.startsWith(damaged)) && rows.some((row) => row.startsWith(`${jember.code};OK;`))).toBe(true);
    const jsonl = await t.http.get('/api/v1/audit/trail/export?format=jsonl').set(as(provinceInspektorat)).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    const records = (jsonl.body as string).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(records.find((r) => r.satker === banyuwangi.code).integrity).toEqual({ status: 'DAMAGED', alertIds: [Number(id)] });
    expect(records.find((r) => r.satker === jember.code).integrity).toEqual({ status: 'OK', alertIds: [] });
    const jemberOnly = await t.http.get(`/api/v1/audit/trail?satker=${jember.code}&limit=1`).set(as(provinceInspektorat));
    expect(jemberOnly.body.integrity.status).toBe('OK');
  });
});
