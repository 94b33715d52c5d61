import { createTwoOffices, FIXTURE_PASSWORD, FixtureOffice, login } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A review note is settled (closed, reopened) only by an Inspektorat of its author's office or of
 * an office above it: a kabupaten's Inspektorat sees the kabupaten, but must not close what the
 * province's Inspektorat found there.
 */
describe('who may settle a review note', () => {
  let t: TestApp;
  let jember: FixtureOffice;
  let provinceInspektorat: string;
  const PROVINCE = 'kpu-prov-jawa-timur';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const year = new Date().getUTCFullYear() - 1;

  beforeAll(async () => {
    t = await createTestApp();
    const offices = await createTwoOffices(t);
    jember = offices.own;
    const created = await t.http
      .post(`/api/v1/satker/${PROVINCE}/users`)
      .set(as(offices.rootAdminToken))
      .send({ username: 'inspektorat.jatim', fullName: 'Inspektorat Jawa Timur', role: 'INSPEKTORAT', password: FIXTURE_PASSWORD });
    expect(created.status).toBe(201);
    provinceInspektorat = await login(t, 'inspektorat.jatim', FIXTURE_PASSWORD);
  });

  afterAll(() => t?.close());

  /** A finding on Jember written by `author`, answered by Jember's Sekretaris: ready to be closed. */
  async function answeredFinding(author: string): Promise<string> {
    const notes = `/api/v1/satker/${jember.code}/catatan-reviu`;
    const written = await t.http.post(notes).set(as(author)).send({
      category: 'TEMUAN', target: { kind: 'YEAR', year }, title: 'Bukti dukung kurang',
      description: 'Daftar hadir kegiatan tidak dilampirkan.', recommendation: 'Lampirkan daftar hadir.',
    });
    expect(written.status).toBe(201);
    const note = `${notes}/${written.body.noteId}`;
    expect((await t.http.post(`${note}/tindak-lanjut`).set(as(jember.users.SEKRETARIS.token)).send({ response: 'Sudah dilampirkan.' })).status).toBe(200);
    return note;
  }

  it("refuses the kabupaten's Inspektorat closing or reopening the province's finding (403 CATATAN_REVIU.AUTHOR_OFFICE_ABOVE), and lets the province", async () => {
    const note = await answeredFinding(provinceInspektorat);
    const refused = await t.http.post(`${note}/close`).set(as(jember.users.INSPEKTORAT.token)).send({ conclusion: 'Memadai.' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'CATATAN_REVIU.AUTHOR_OFFICE_ABOVE' });
    // The office by its name, as the notices name it; its code for programs in details.
    expect(refused.body.message).toBe('Catatan reviu ini ditulis oleh Inspektorat KPU Provinsi Jawa Timur; hanya Inspektorat satker tersebut atau satker di atasnya yang dapat menutupnya.');
    expect(refused.body.details).toMatchObject({ authorSatker: PROVINCE });
    expect((await t.http.get(note).set(as(provinceInspektorat))).body.status).toBe('ANSWERED');

    const closed = await t.http.post(`${note}/close`).set(as(provinceInspektorat)).send({ conclusion: 'Memadai.' });
    expect({ status: closed.status, state: closed.body.status }).toEqual({ status: 200, state: 'CLOSED' });
    const reopen = await t.http.post(`${note}/reopen`).set(as(jember.users.INSPEKTORAT.token)).send({ reason: 'Daftar hadir belum ditandatangani.' });
    expect({ status: reopen.status, code: reopen.body.code }).toEqual({ status: 403, code: 'CATATAN_REVIU.AUTHOR_OFFICE_ABOVE' });
    expect((await t.http.get(note).set(as(provinceInspektorat))).body.status).toBe('CLOSED');
  });

  it("lets the kabupaten's own Inspektorat and the province's settle a finding the kabupaten wrote", async () => {
    const own = await answeredFinding(jember.users.INSPEKTORAT.token);
    expect((await t.http.post(`${own}/close`).set(as(jember.users.INSPEKTORAT.token)).send({ conclusion: 'Memadai.' })).status).toBe(200);
    expect((await t.http.post(`${own}/reopen`).set(as(provinceInspektorat)).send({ reason: 'Perlu diperiksa ulang.' })).status).toBe(200);
  });
});
