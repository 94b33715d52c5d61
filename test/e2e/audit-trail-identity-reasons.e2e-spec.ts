import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, JemberTokens } from './workflow/jember-office.fixture';

/**
 * The Inspektorat's trail tells who changed an office, a subbagian or a user, when, and why: an
 * administrator's optional `reason` travels with the events and fills the trail's `alasan`, in JSON
 * and CSV; a new account is recorded with its e-mail address; fields read in Indonesian.
 */
describe('the audit trail: why an administrator changed offices, subbagian and users', () => {
  let t: TestApp;
  let jember: JemberTokens;
  let root: string;
  let ketuaId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const RETIRED = 'Pensiun per 1 Desember 2026';

  async function eventCount(): Promise<number> {
    const [row] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1`, [JEMBER]);
    return row.n;
  }

  async function trail(types: string): Promise<Array<{ eventType: string; summary: string; reason: string | null; changes: Array<{ field: string; before: string | null; after: string | null }> }>> {
    await new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection()])).drain();
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail?type=${types}`).set(as(jember.inspektorat));
    expect(response.status).toBe(200);
    return response.body.items;
  }

  /** RFC 4180 records of the export (BOM removed), as objects by header. */
  function csvRows(text: string): Array<Record<string, string>> {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    const body = text.replace(/^\uFEFF/, '');
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (quoted) {
        if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ';') { row.push(cell); cell = ''; } else if (c === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
    }
    const [header, ...records] = rows;
    return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }

  beforeAll(async () => {
    t = await createTestApp();
    jember = await createJemberOffice(t);
    root = await loginFirstAdmin(t);
    ketuaId = (await t.http.get('/api/v1/auth/me').set(as(jember.ketua))).body.id;
  });

  afterAll(() => t?.close());

  it('given a reason when creating a subbagian or an office, then the trail shows it as alasan; a blank one is refused and creates nothing', async () => {
    const sub = await t.http.post(`/api/v1/satker/${JEMBER}/subbagian`).set(as(root)).send({ code: 'HUKUM', name: 'Sub. Bagian Hukum', reason: 'Struktur organisasi baru menurut Perpres' });
    expect(sub.status).toBe(201);
    const [created] = (await trail('SubbagianCreated')).filter((r) => r.summary.includes('HUKUM'));
    expect(created.reason).toBe('Struktur organisasi baru menurut Perpres');
    const events = await eventCount();
    const blank = await t.http.post(`/api/v1/satker/${JEMBER}/subbagian`).set(as(root)).send({ code: 'KOSONG', name: 'Sub. Bagian Kosong', reason: '  \u200d ' });
    expect({ status: blank.status, code: blank.body.code }).toEqual({ status: 422, code: 'IDENTITY.REASON_INVALID' });
    expect(await eventCount()).toBe(events);
    const office = await t.http.post('/api/v1/satker').set(as(root)).send({ code: 'kpu-kab-alasan', name: 'KPU Kabupaten Alasan', parentCode: 'kpu-prov-jawa-timur', reason: '   ' });
    expect({ status: office.status, code: office.body.code }).toEqual({ status: 422, code: 'IDENTITY.REASON_INVALID' });
    expect((await t.http.get('/api/v1/satker/kpu-kab-alasan').set(as(root))).status).toBe(404);
    const made = await t.http.post('/api/v1/satker').set(as(root)).send({ code: 'kpu-kab-alasan', name: 'KPU Kabupaten Alasan', parentCode: 'kpu-prov-jawa-timur', reason: 'Pembentukan satker baru' });
    expect(made.status).toBe(201);
    // The office's own trail is its Inspektorat's to read; the event carries the reason the trail shows as for the subbagian above.
    const recorded = await t.app.get(DataSource).query(`SELECT data FROM events WHERE tenant_id = 'kpu-kab-alasan' AND type = 'SatkerCreated'`);
    expect(recorded).toEqual([{ data: expect.objectContaining({ code: 'kpu-kab-alasan', reason: 'Pembentukan satker baru' }) }]);
  });

  it('given a user deactivated with a reason, when the Inspektorat reads the trail and its CSV, then the reason is its alasan', async () => {
    const patched = await t.http.patch(`/api/v1/satker/${JEMBER}/users/${ketuaId}`).set(as(jember.admin)).send({ active: false, reason: `  ${RETIRED} ` });
    expect({ status: patched.status, active: patched.body.active }).toEqual({ status: 200, active: false });
    const [row] = await trail('UserDeactivated');
    expect(row).toMatchObject({ summary: expect.stringContaining('Menonaktifkan pengguna KETUA Jember'), reason: RETIRED });
    const csv = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail/export?format=csv`).set(as(jember.inspektorat));
    const deactivated = csvRows(csv.text).filter((r) => r.jenis_peristiwa === 'UserDeactivated');
    expect(deactivated.map((r) => r.alasan)).toEqual([RETIRED]);
  });

  it('given an office, a subbagian and a password changed with reasons, when read, then each row carries its reason and Indonesian field names', async () => {
    const office = await t.http.patch(`/api/v1/satker/${JEMBER}`).set(as(root)).send({ reportDeadlineDay: 10, timeZone: 'Asia/Makassar', reason: 'Surat edaran' });
    expect(office.status).toBe(200);
    const sub = await t.http.patch(`/api/v1/satker/${JEMBER}/subbagian/TPH`).set(as(jember.admin)).send({ name: 'Subbagian Teknis dan Hupmas', reason: 'Penataan organisasi' });
    expect(sub.status).toBe(200);
    const reset = await t.http.post(`/api/v1/satker/${JEMBER}/users/${ketuaId}/password`).set(as(jember.admin)).send({ newPassword: 'jendela-kayu-baru-3', reason: 'Lupa kata sandi' });
    expect(reset.status).toBe(204);
    const rows = await trail('SatkerUpdated,SubbagianUpdated,UserPasswordChanged');
    const byType = Object.fromEntries(rows.map((r) => [r.eventType, r]));
    expect(byType.SatkerUpdated).toMatchObject({
      reason: 'Surat edaran',
      changes: [
        expect.objectContaining({ field: 'zona waktu', before: 'WIB (Asia/Jakarta)', after: 'WITA (Asia/Makassar)' }),
        expect.objectContaining({ field: 'tanggal batas waktu laporan', before: '5', after: '10' }),
      ],
    });
    expect(byType.SubbagianUpdated).toMatchObject({ reason: 'Penataan organisasi', changes: [expect.objectContaining({ field: 'nama', after: 'Subbagian Teknis dan Hupmas' })] });
    expect(byType.UserPasswordChanged).toMatchObject({ reason: 'Lupa kata sandi' });
  });

  it('given a new account with an e-mail address and a reason, when read, then the trail says which address it was created with', async () => {
    const created = await t.http.post(`/api/v1/satker/${JEMBER}/users`).set(as(jember.admin)).send({
      username: 'sek.baru', fullName: 'Dewi Lestari', email: 'dewi@kpu-jember.go.id', role: 'SEKRETARIS', password: 'sawah-hijau-luas-7', reason: 'Plt Sekretaris',
    });
    expect(created.status).toBe(201);
    const row = (await trail('UserCreated')).find((r) => r.summary.includes('Dewi Lestari'));
    expect(row).toMatchObject({
      summary: 'Membuat pengguna Dewi Lestari (sek.baru) sebagai Sekretaris, e-mail dewi@kpu-jember.go.id.',
      reason: 'Plt Sekretaris',
      changes: expect.arrayContaining([expect.objectContaining({ field: 'e-mail', before: null, after: 'dewi@kpu-jember.go.id' })]),
    });
  });

  it.each([
    ['blank', '   ', 422, 'IDENTITY.REASON_INVALID'],
    ['invisible', '\u200d\u200c\u200d\u200c', 422, 'IDENTITY.REASON_INVALID'],
    ['of zero-width spaces (refused as every free text is)', '\u200b\u200b\u200b\u200b', 400, 'VALIDATION.FAILED'],
    ['only two letters', 'ok', 422, 'IDENTITY.REASON_INVALID'],
    ['null', null, 400, 'VALIDATION.FAILED'],
    ['over 2000 characters', 'a'.repeat(2001), 400, 'VALIDATION.FAILED'],
  ])('given a reason that is %s, when a user, an office or a subbagian is changed, then it is refused and nothing is written', async (_what, reason, status, code) => {
    const sekretarisId = (await t.http.get('/api/v1/auth/me').set(as(jember.sekretaris))).body.id;
    const events = await eventCount();
    const deadlineDay = (await t.http.get(`/api/v1/satker/${JEMBER}`).set(as(root))).body.reportDeadlineDay;
    const refusals = [
      await t.http.patch(`/api/v1/satker/${JEMBER}/users/${sekretarisId}`).set(as(jember.admin)).send({ active: false, reason }),
      await t.http.patch(`/api/v1/satker/${JEMBER}`).set(as(root)).send({ reportDeadlineDay: 12, reason }),
      await t.http.patch(`/api/v1/satker/${JEMBER}/subbagian/PDI`).set(as(jember.admin)).send({ name: 'Subbagian PDI Baru', reason }),
    ];
    for (const refused of refusals) {
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status, code });
      if (status === 422) expect(refused.body.message).toContain('3–2000 karakter yang terlihat');
      if (status === 400) expect(refused.body.details.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
    expect(await eventCount()).toBe(events);
    expect((await t.http.get(`/api/v1/satker/${JEMBER}/users/${sekretarisId}`).set(as(jember.admin))).body.active).toBe(true);
    expect((await t.http.get(`/api/v1/satker/${JEMBER}`).set(as(root))).body.reportDeadlineDay).toBe(deadlineDay);
  });
});
