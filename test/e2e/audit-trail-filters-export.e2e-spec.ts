import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { AUDIT_EVENT_TYPES } from '@kinerja/projections/audit-trail/audit-trail.query';
import { createTwoOffices, FIXTURE_PASSWORD, FixtureOffice } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The audit trail's filters that could never match a row are refused (400, naming the field and
 * what to change) on every route of the trail, the exports as the pages; and the CSV export opens
 * in the Inspektorat's Excel: UTF-8 with a byte order mark, semicolons unless commas are asked for.
 */
describe('the audit trail: unmatchable filters refused, CSV for Excel', () => {
  let t: TestApp;
  let jember: FixtureOffice;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  /**
   * A name as odd for a CSV as the name rule lets it be (no '=', ';' or '"' in a person's name): a
   * formula sign at its start, the comma separator, apostrophes straight and curly, accents.
   */
  const ODD_NAME = "-Siti O'Neil, Désirée Ma’ruf, S.E.";
  const routes = () => [
    `/api/v1/satker/${jember.code}/audit/trail?`,
    `/api/v1/satker/${jember.code}/audit/trail/export?format=csv&`,
    '/api/v1/audit/trail?',
    '/api/v1/audit/trail/export?format=jsonl&',
  ];

  /** The body as bytes, exactly as sent. */
  async function raw(path: string, token: string): Promise<{ status: number; headers: Record<string, string>; bytes: Buffer }> {
    const response = await t.http.get(path).set(as(token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    return { status: response.status, headers: response.headers, bytes: response.body as Buffer };
  }

  /** RFC 4180: the records of a CSV text (BOM removed) as lists of cells. */
  function records(text: string, separator: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === separator) { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
    }
    if (cell !== '' || row.length > 0) rows.push([...row, cell]);
    return rows;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const offices = await createTwoOffices(t);
    jember = offices.own;
    const created = await t.http
      .post(`/api/v1/satker/${jember.code}/users`)
      .set(as(jember.users.ADMIN.token))
      .send({ username: 'siti.aneh', fullName: ODD_NAME, role: 'KETUA', password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
    await new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection()])).drain();
  });

  afterAll(() => t?.close());

  it('refuses `from` later than `to` (or equal: `to` is exclusive) on every route with 400, saying which is later', async () => {
    for (const route of routes()) {
      const later = await t.http.get(`${route}from=2025-02-01T00:00:00%2B07:00&to=2025-01-01T00:00:00%2B07:00`).set(as(jember.users.INSPEKTORAT.token));
      expect({ route, status: later.status, code: later.body.code, fields: later.body.details?.fields }).toEqual({
        route, status: 400, code: 'VALIDATION.FAILED', fields: [expect.objectContaining({ field: 'to', constraint: 'isAfterFrom' })],
      });
      expect(later.body.details.fields[0].message).toContain('from (2025-02-01T00:00:00+07:00) lebih lambat daripada to (2025-01-01T00:00:00+07:00)');
      expect(later.body.message).toContain('tidak akan pernah cocok');
      expect(later.headers['content-type']).toMatch(/^application\/json/);
      expect(later.headers['x-integrity-status']).toBeUndefined();
      const same = await t.http.get(`${route}from=2025-01-01T07:00:00%2B07:00&to=2025-01-01T00:00:00Z`).set(as(jember.users.INSPEKTORAT.token));
      expect({ route, status: same.status, constraint: same.body.details?.fields?.[0]?.constraint }).toEqual({ route, status: 400, constraint: 'isAfterFrom' });
    }
  });

  it('refuses an event type Kinerja never records on every route with 400, naming it and the types it knows', async () => {
    for (const route of routes()) {
      const response = await t.http.get(`${route}type=UserCreated,RealisasiDihapus`).set(as(jember.users.INSPEKTORAT.token));
      expect({ route, status: response.status, code: response.body.code, fields: response.body.details?.fields }).toEqual({
        route, status: 400, code: 'VALIDATION.FAILED', fields: [expect.objectContaining({ field: 'type', constraint: 'isKnownEventType' })],
      });
      const message: string = response.body.details.fields[0].message;
      expect(message).toContain('tidak dikenal: RealisasiDihapus.');
      for (const type of AUDIT_EVENT_TYPES) expect(message).toContain(type);
      const onlyCommas = await t.http.get(`${route}type=,`).set(as(jember.users.INSPEKTORAT.token));
      expect({ route, status: onlyCommas.status, field: onlyCommas.body.details?.fields?.[0]?.field }).toEqual({ route, status: 400, field: 'type' });
    }
    const known = await t.http.get(`/api/v1/satker/${jember.code}/audit/trail?type=UserCreated&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`)
      .set(as(jember.users.INSPEKTORAT.token));
    expect(known.status).toBe(200);
    expect(known.body.items.length).toBeGreaterThan(0);
    expect(known.body.items.every((i: { eventType: string }) => i.eventType === 'UserCreated')).toBe(true);
  });

  it('refuses a subbagian in lower case with 400 and the code it meant ("maksud Anda PDI?"), one not a code at all by its form, and takes the code', async () => {
    const lower = await t.http.get(`/api/v1/satker/${jember.code}/audit/trail?subbagian=pdi`).set(as(jember.users.INSPEKTORAT.token));
    expect({ status: lower.status, code: lower.body.code, fields: lower.body.details?.fields }).toEqual({
      status: 400, code: 'VALIDATION.FAILED',
      fields: [expect.objectContaining({ field: 'subbagian', constraint: 'isKnownSubbagian', message: expect.stringContaining('pdi (maksud Anda PDI? huruf besar dan kecil dibedakan)') })],
    });
    const malformed = await t.http.get(`/api/v1/satker/${jember.code}/audit/trail?subbagian=p%20di`).set(as(jember.users.INSPEKTORAT.token));
    expect({ status: malformed.status, fields: malformed.body.details?.fields }).toEqual({
      status: 400, fields: [expect.objectContaining({ field: 'subbagian', constraint: 'matches', message: expect.stringContaining('kode subbagian') })],
    });
    expect((await t.http.get(`/api/v1/satker/${jember.code}/audit/trail?subbagian=PDI`).set(as(jember.users.INSPEKTORAT.token))).status).toBe(200);
  });

  it('exports CSV that starts with the UTF-8 byte order mark and is separated by semicolons, every cell intact', async () => {
    const page = await t.http.get(`/api/v1/satker/${jember.code}/audit/trail?limit=500`).set(as(jember.users.INSPEKTORAT.token));
    const csv = await raw(`/api/v1/satker/${jember.code}/audit/trail/export?format=csv`, jember.users.INSPEKTORAT.token);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    expect(text.startsWith('status_integritas;urutan;waktu_kantor;waktu_utc;waktu_kejadian_kantor;jenis_peristiwa;nama_pelaku;')).toBe(true);
    const [header, ...rows] = records(text, ';');
    expect(rows.map((r) => r[0])).toEqual(page.body.items.map(() => 'OK'));
    expect(rows.map((r) => Number(r[1]))).toEqual(page.body.items.map((i: { sequence: number }) => i.sequence));
    for (const row of rows) expect(row).toHaveLength(header.length);
    const summaries = rows.map((r) => r[header.indexOf('ringkasan')]);
    const odd = page.body.items.find((i: { summary: string }) => i.summary.includes(ODD_NAME));
    expect(odd).toBeDefined();
    expect(summaries).toContain(odd.summary);
  });

  it('exports commas on request (delimiter=comma), across offices too, and refuses a separator it does not offer', async () => {
    const comma = await raw(`/api/v1/satker/${jember.code}/audit/trail/export?format=csv&delimiter=comma`, jember.users.INSPEKTORAT.token);
    expect([...comma.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = records(comma.bytes.subarray(3).toString('utf8'), ',');
    expect(header.slice(0, 6)).toEqual(['status_integritas', 'urutan', 'waktu_kantor', 'waktu_utc', 'waktu_kejadian_kantor', 'jenis_peristiwa']);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const across = await raw('/api/v1/audit/trail/export?format=csv', jember.users.INSPEKTORAT.token);
    expect(across.bytes.subarray(3).toString('utf8').startsWith('satker;status_integritas;urutan;waktu_kantor;waktu_utc;')).toBe(true);
    const acrossComma = await raw('/api/v1/audit/trail/export?format=csv&delimiter=comma', jember.users.INSPEKTORAT.token);
    expect(acrossComma.bytes.subarray(3).toString('utf8').startsWith('satker,status_integritas,urutan,waktu_kantor,waktu_utc,')).toBe(true);
    const tab = await t.http.get(`/api/v1/satker/${jember.code}/audit/trail/export?format=csv&delimiter=tab`).set(as(jember.users.INSPEKTORAT.token));
    expect({ status: tab.status, fields: tab.body.details?.fields }).toEqual({
      status: 400, fields: [expect.objectContaining({ field: 'delimiter', message: 'harus salah satu dari: semicolon, comma' })],
    });
    const jsonl = await raw(`/api/v1/satker/${jember.code}/audit/trail/export?format=jsonl&delimiter=comma`, jember.users.INSPEKTORAT.token);
    expect(jsonl.bytes[0]).toBe('{'.charCodeAt(0));
  });

  it('documents the known event types, the 400 (a foreign cursor on the paged routes too) and the separators in the OpenAPI document', async () => {
    const document = (await t.http.get('/api/docs-json')).body;
    const paths = ['/api/v1/satker/{satker}/audit/trail', '/api/v1/satker/{satker}/audit/trail/export', '/api/v1/audit/trail', '/api/v1/audit/trail/export'];
    for (const path of paths) {
      const operation = document.paths[path].get;
      const parameter = (name: string) => operation.parameters.find((p: { name: string; in: string }) => p.name === name && p.in === 'query');
      for (const type of AUDIT_EVENT_TYPES) expect(parameter('type').description).toContain(type);
      expect(parameter('to').description).toContain('isAfterFrom');
      expect(operation.responses['400'].description).toContain('isKnownEventType');
      if (!path.endsWith('/export')) expect(operation.responses['400'].description).toContain('AUDIT.INVALID_CURSOR');
      if (path.endsWith('/export')) expect(parameter('delimiter').schema).toMatchObject({ enum: ['semicolon', 'comma'], default: 'semicolon' });
    }
  });
});
