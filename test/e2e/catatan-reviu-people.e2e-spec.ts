import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { CatatanReviuListProjection } from '@kinerja/projections/audit-trail/catatan-reviu-list.projection';
import { createTwoOffices, FIXTURE_PASSWORD, FixtureOffice, login } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The Sekretaris who must answer a finding may not list users, so the note names its people itself:
 * `writtenByUser` and `tindakLanjut[].submittedByUser` beside the ids (kept, clients read them), with
 * role and office, so that a finding of the province's Inspektorat is told from the kabupaten's. An
 * integrity alert names who closed it the same way (`resolvedByUser`).
 */
describe('review notes and integrity alerts name their people', () => {
  let t: TestApp;
  let jember: FixtureOffice;
  let provinceInspektorat: { id: string; token: string };
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
    provinceInspektorat = { id: created.body.id, token: await login(t, 'inspektorat.jatim', FIXTURE_PASSWORD) };
  });

  afterAll(() => t?.close());

  it("given the province's finding answered by Jember's Sekretaris, when the Sekretaris reads it and the list, then both name the author (role, office) and the one who answered, ids kept", async () => {
    const notes = `/api/v1/satker/${jember.code}/catatan-reviu`;
    const written = await t.http.post(notes).set(as(provinceInspektorat.token)).send({
      category: 'TEMUAN', target: { kind: 'YEAR', year }, title: 'Bukti dukung kurang',
      description: 'Daftar hadir kegiatan tidak dilampirkan.', recommendation: 'Lampirkan daftar hadir.',
    });
    expect(written.status).toBe(201);
    const author = { id: provinceInspektorat.id, username: 'inspektorat.jatim', fullName: 'Inspektorat Jawa Timur', role: 'INSPEKTORAT', satker: PROVINCE };
    expect(written.body).toMatchObject({ writtenBy: provinceInspektorat.id, writtenByUser: author });

    const note = `${notes}/${written.body.noteId}`;
    const sekretaris = jember.users.SEKRETARIS;
    const answered = await t.http.post(`${note}/tindak-lanjut`).set(as(sekretaris.token)).send({ response: 'Sudah dilampirkan.' });
    expect(answered.status).toBe(200);

    const read = await t.http.get(note).set(as(sekretaris.token));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ writtenBy: provinceInspektorat.id, writtenByUser: author });
    expect(read.body.tindakLanjut).toEqual([expect.objectContaining({
      number: 1, submittedBy: sekretaris.id,
      submittedByUser: { id: sekretaris.id, username: sekretaris.username, fullName: expect.stringContaining('SEKRETARIS'), role: 'SEKRETARIS', satker: jember.code },
    })]);

    await new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new CatatanReviuListProjection()])).drain();
    const list = await t.http.get(notes).set(as(sekretaris.token));
    expect(list.body.items).toEqual([expect.objectContaining({ noteId: written.body.noteId, writtenBy: provinceInspektorat.id, writtenByUser: author })]);
  });

  it('given a closed integrity alert, when the Sekretaris lists the alerts, then it names who closed it; an open one has resolvedByUser null', async () => {
    const inspektorat = jember.users.INSPEKTORAT;
    await t.db.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, detail, resolved_at, resolved_by, resolution_reason)
       VALUES ($1, now() - interval '2 days', 'api', 'hash_mismatch', 'uji', now() - interval '1 day', $2, 'Dipulihkan dari cadangan.'),
              ($1, now(), 'api', 'hash_mismatch', 'uji', NULL, NULL, NULL)`,
      [jember.code, inspektorat.id],
    );
    const alerts = await t.http.get(`/api/v1/satker/${jember.code}/audit/alerts?status=all`).set(as(jember.users.SEKRETARIS.token));
    expect(alerts.status).toBe(200);
    expect(alerts.body.items.map((a: { resolvedBy: string | null; resolvedByUser: unknown }) => [a.resolvedBy, a.resolvedByUser])).toEqual([
      [null, null],
      [inspektorat.id, { id: inspektorat.id, username: inspektorat.username, fullName: expect.stringContaining('INSPEKTORAT'), role: 'INSPEKTORAT', satker: jember.code }],
    ]);
  });
});
