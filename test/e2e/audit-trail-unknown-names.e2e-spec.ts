import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { createOffice, FIXTURE_PASSWORD, login, loginFirstAdmin } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, jemberPkBody, JemberTokens, PASSWORD } from './workflow/jember-office.fixture';

/**
 * A filter of the audit trail naming a subbagian, an indicator or an actor that the offices read
 * never had can never match a row: it is refused (400, the field named, the message saying what
 * exists) rather than answered with an empty page that would read as "nothing happened".
 */
describe('the audit trail: filters naming what does not exist', () => {
  let t: TestApp;
  let jember: JemberTokens;
  let provinceInspektorat: string;
  let kasubbagKulId: string;
  const BONDOWOSO = 'kpu-kab-bondowoso';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const perOffice = (office = JEMBER) => [`/api/v1/satker/${office}/audit/trail?`, `/api/v1/satker/${office}/audit/trail/export?format=csv&`];
  const across = ['/api/v1/audit/trail?', '/api/v1/audit/trail/export?format=jsonl&'];

  async function get(path: string, token: string) {
    const response = await t.http.get(path).set(as(token));
    return { path, status: response.status, code: response.body?.code, fields: response.body?.details?.fields, message: response.body?.message as string };
  }

  beforeAll(async () => {
    t = await createTestApp();
    jember = await createJemberOffice(t);
    await createJemberOffice(t, BONDOWOSO);
    const root = await loginFirstAdmin(t);
    await createOffice(t, root, { code: 'kpu-prov-bali', name: 'KPU Provinsi Bali', parentCode: t.config.ROOT_SATKER_CODE });
    const admin = (path: string, body: object, method: 'post' | 'patch' = 'post') => t.http[method](path).set(as(root)).send(body);
    expect((await admin(`/api/v1/satker/${BONDOWOSO}/subbagian`, { code: 'KHUSUS', name: 'Subbagian Khusus' })).status).toBe(201);
    expect((await admin(`/api/v1/satker/${JEMBER}/subbagian`, { code: 'ARSIP', name: 'Subbagian Arsip' })).status).toBe(201);
    expect((await admin(`/api/v1/satker/${JEMBER}/subbagian/ARSIP`, { active: false }, 'patch')).status).toBe(200);
    expect((await admin('/api/v1/satker/kpu-prov-jawa-timur/users', {
      username: 'inspektorat.jatim', fullName: 'Inspektorat Jawa Timur', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD,
    })).status).toBe(201);
    provinceInspektorat = await login(t, 'inspektorat.jatim', FIXTURE_PASSWORD);
    kasubbagKulId = (await t.http.post('/api/v1/auth/login').send({ username: 'kasubbag.kul', password: PASSWORD })).body.user.id;
    // Jember's PK 2024 is only drafted: an indicator of a draft is an indicator the office had.
    expect((await t.http.post(`/api/v1/satker/${JEMBER}/pk/2024`).set(as(jember.sekretaris)).send(jemberPkBody())).status).toBeLessThan(300);
    // The province's Inspektorat acts on Jember: its name is in Jember's trail.
    const note = await t.http.post(`/api/v1/satker/${JEMBER}/catatan-reviu`).set(as(provinceInspektorat)).send({
      category: 'CATATAN', target: { kind: 'YEAR', year: 2024 }, title: 'Reviu PK', description: 'PK masih draf.', recommendation: 'Ajukan PK.',
    });
    expect(note.status).toBe(201);
    await new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection()])).drain();
  });

  afterAll(() => t?.close());

  it('refuses a subbagian the office does not have on every route (400 isKnownSubbagian), listing the codes it has', async () => {
    for (const route of [...perOffice(), ...across]) {
      const answer = await get(`${route}subbagian=KEU`, jember.inspektorat);
      expect(answer).toMatchObject({
        status: 400, code: 'VALIDATION.FAILED', fields: [{ field: 'subbagian', constraint: 'isKnownSubbagian', message: expect.any(String) }],
      });
      expect(answer.fields[0].message).toBe(
        'KEU tidak ada pada satker kpu-kab-jember, juga di antara subbagian yang sudah dinonaktifkan. Kode subbagian yang ada: ARSIP, HSDM, KUL, PDI, TPH',
      );
      expect(answer.message).toContain('tidak akan pernah cocok');
    }
    // Another office's subbagian is not this one's.
    expect((await get(`${perOffice()[0]}subbagian=KHUSUS`, provinceInspektorat)).status).toBe(400);
  });

  it('takes a deactivated subbagian (its history stays), and across offices one that any office read has', async () => {
    for (const route of perOffice()) expect((await get(`${route}subbagian=ARSIP`, jember.inspektorat)).status).toBe(200);
    for (const route of across) {
      expect((await get(`${route}subbagian=KHUSUS`, provinceInspektorat)).status).toBe(200);
      const narrowed = await get(`${route}satker=${JEMBER}&subbagian=KHUSUS`, provinceInspektorat);
      expect({ status: narrowed.status, field: narrowed.fields?.[0]?.field, message: narrowed.fields?.[0]?.message }).toEqual({
        status: 400, field: 'subbagian', message: expect.stringContaining('KHUSUS tidak ada pada satker kpu-kab-jember'),
      });
      const wide = await get(`${route}subbagian=KEU`, provinceInspektorat);
      expect(wide.fields).toEqual([expect.objectContaining({ field: 'subbagian', message: expect.stringContaining('KEU tidak ada pada satker mana pun yang dibaca (3 satker)') })]);
    }
  });

  it('refuses an indicator no PK version of the office ever had (400 isKnownIndicator), pointing out a near miss in case', async () => {
    for (const route of [...perOffice(), ...across]) {
      const unknown = await get(`${route}indicator=K9.9`, jember.inspektorat);
      expect(unknown).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', fields: [{ field: 'indicator', constraint: 'isKnownIndicator' }] });
      expect(unknown.fields[0].message).toBe(
        'K9.9 tidak pernah ada dalam Perjanjian Kinerja satker kpu-kab-jember, baik versi draf maupun yang disetujui, tahun berapa pun. Periksa kode indikator pada PK satker',
      );
      const lower = await get(`${route}indicator=k4.1`, jember.inspektorat);
      expect(lower.fields?.[0]?.message).toContain('k4.1 (maksud Anda K4.1? huruf besar dan kecil dibedakan) tidak pernah ada');
    }
  });

  it('takes an indicator of a draft PK, and across offices one that any office read had', async () => {
    const page = await get(`${perOffice()[0]}indicator=K4.1`, jember.inspektorat);
    expect(page.status).toBe(200);
    expect((await t.http.get(`${perOffice()[0]}indicator=K4.1`).set(as(jember.inspektorat))).body.items.length).toBeGreaterThan(0);
    for (const route of across) {
      expect((await get(`${route}indicator=K4.1`, provinceInspektorat)).status).toBe(200);
      const bondowoso = await get(`${route}satker=${BONDOWOSO}&indicator=K4.1`, provinceInspektorat);
      expect({ status: bondowoso.status, field: bondowoso.fields?.[0]?.field }).toEqual({ status: 400, field: 'indicator' });
    }
    expect((await get(`${perOffice(BONDOWOSO)[0]}indicator=K4.1`, provinceInspektorat)).status).toBe(400);
  });

  it('refuses an actor that does not exist, and alike a user the reader may not see (400 isKnownActor)', async () => {
    const unknown = await get(`${perOffice()[0]}actor=tidak.ada`, jember.sekretaris);
    expect(unknown).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', fields: [{ field: 'actor', constraint: 'isKnownActor' }] });
    expect(unknown.fields[0].message).toBe(
      'tidak.ada tidak dikenal: bukan id atau username pengguna dalam cakupan Anda, dan tidak ada peristiwa pada satker kpu-kab-jember yang dicatat atas namanya',
    );
    for (const route of [...perOffice(), ...across]) {
      for (const hidden of [`sekretaris.${BONDOWOSO}`, 'sekretaris.kpu-prov-bali']) {
        const answer = await get(`${route}actor=${hidden}`, jember.sekretaris);
        expect({ status: answer.status, fields: answer.fields }).toEqual({
          status: 400, fields: [{ ...unknown.fields[0], message: unknown.fields[0].message.replace('tidak.ada', hidden) }],
        });
      }
    }
    const upper = await get(`${perOffice()[0]}actor=Kasubbag.KUL`, jember.sekretaris);
    expect(upper.fields?.[0]?.message).toContain('Kasubbag.KUL (username dan id ditulis dengan huruf kecil: kasubbag.kul?) tidak dikenal');
  });

  it('takes a user in scope by username or id, one of an office below for its Inspektorat, and anyone who acted on the office', async () => {
    for (const route of [...perOffice(), ...across]) {
      expect((await get(`${route}actor=kasubbag.kul`, jember.sekretaris)).status).toBe(200);
      expect((await get(`${route}actor=${kasubbagKulId}`, jember.sekretaris)).status).toBe(200);
      // Shown in Jember's own trail: the Sekretaris already reads that name there.
      expect((await get(`${route}actor=inspektorat.jatim`, jember.sekretaris)).status).toBe(200);
    }
    // A user of Bondowoso has never acted on Jember, but is in the province's scope: nothing found, not refused.
    const empty = await t.http.get(`${perOffice()[0]}actor=sekretaris.${BONDOWOSO}`).set(as(provinceInspektorat));
    expect({ status: empty.status, items: empty.body.items }).toEqual({ status: 200, items: [] });
    const byNote = await t.http.get(`${perOffice()[0]}actor=inspektorat.jatim`).set(as(jember.sekretaris));
    expect(byNote.body.items.map((i: { eventType: string }) => i.eventType)).toEqual(['CatatanReviuWritten']);
  });

  it('names every unknown filter at once, and documents the refusals in the OpenAPI document', async () => {
    const all = await get(`${perOffice()[0]}subbagian=KEU&indicator=K9.9&actor=tidak.ada`, jember.inspektorat);
    expect(all.fields.map((f: { field: string }) => f.field)).toEqual(['subbagian', 'indicator', 'actor']);
    const document = (await t.http.get('/api/docs-json')).body;
    for (const path of ['/api/v1/satker/{satker}/audit/trail', '/api/v1/satker/{satker}/audit/trail/export', '/api/v1/audit/trail', '/api/v1/audit/trail/export']) {
      const description: string = document.paths[path].get.responses['400'].description;
      for (const constraint of ['isKnownSubbagian', 'isKnownIndicator', 'isKnownActor']) expect(description).toContain(constraint);
    }
  });
});
