import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, KinerjaReadModel, ProjectionRunner } from '@kinerja/projections';
import { ControllableClock } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/**
 * A correction opened by mistake is withdrawn over HTTP: a monthly report revision (back to approved,
 * as every read model read it before) and a PK Perubahan draft (kept as WITHDRAWN, version 1 in force).
 */
describe('withdrawing a correction opened by mistake', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let runner: ProjectionRunner;
  const clock = new ControllableClock(new Date('2024-01-16T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = `/api/v1/satker/${JEMBER}/realisasi/2024/1/KUL`;
  const pk = `/api/v1/satker/${JEMBER}/pk/2024`;

  function content(value: string) {
    const { indicators, kegiatan } = ownedBy('KUL');
    return {
      lines: indicators.map((i) => ({ indicatorCode: i.code, value, narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '1000000' })),
    };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function get(path: string, token = tokens.sekretaris): Promise<any> {
    const response = await t.http.get(path).set(as(token));
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function post(path: string, token: string, body: object = {}, expected = 200) {
    const response = await t.http.post(path).set(as(token)).send(body);
    expect({ path, status: response.status, body: response.status === expected ? null : response.body }).toEqual({ path, status: expected, body: null });
    return response;
  }

  const cell = async () => (await get(`/api/v1/satker/${JEMBER}/status-matrix/2024`)).rows.find((r: any) => r.subbagian === 'KUL').months[0];
  const kinerja = () => get(`/api/v1/satker/${JEMBER}/kinerja/2024`, tokens.inspektorat);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    clock.set(new Date('2024-02-02T03:00:00Z'));
    runner = new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry());
    await post(`${report}/submit`, tokens.kasubbag.KUL, content('1'));
    await post(`${report}/approve`, tokens.sekretaris);
    await runner.drain();
  });

  afterAll(() => t?.close());

  it('given a returned report revision, when its Kasubbag withdraws it, then the report, matrix, inbox, kinerja and trail read it approved again', async () => {
    const approvedView = await get(report);
    const approvedCell = await cell();
    const approvedKinerja = await kinerja();

    clock.set(new Date('2024-02-06T03:00:00Z'));
    await post(`${report}/revise`, tokens.kasubbag.KUL, { reason: 'Salah buka bulan.' });
    await post(`${report}/submit`, tokens.kasubbag.KUL, content('2'));
    // Submitted, it is the Sekretaris's: refused until it is returned.
    const whileSubmitted = await post(`${report}/revise/withdraw`, tokens.kasubbag.KUL, {}, 409);
    expect(whileSubmitted.body.code).toBe('REALISASI.REVISION_SUBMITTED');
    expect(whileSubmitted.body.message).toContain('Minta Sekretaris mengembalikannya');
    await post(`${report}/return`, tokens.sekretaris, { reason: 'Angka lama sudah benar.' });
    await runner.drain();
    expect((await cell()).status).toBe('RETURNED');

    // Another subbagian's Kasubbag, a stale version and a blank reason are refused, nothing written.
    expect((await post(`${report}/revise/withdraw`, tokens.kasubbag.PDI, {}, 403)).body.code).toBe('REALISASI.OTHER_SUBBAGIAN');
    const current = await get(report);
    expect((await t.http.post(`${report}/revise/withdraw`).set(as(tokens.kasubbag.KUL)).set('If-Match', `"${current.version - 1}"`).send({})).status).toBe(409);
    expect((await post(`${report}/revise/withdraw`, tokens.kasubbag.KUL, { reason: '   ' }, 422)).body.code).toBe('REALISASI.REASON_INVALID');

    const send = () => t.http.post(`${report}/revise/withdraw`).set(as(tokens.kasubbag.KUL)).set('If-Match', `"${current.version}"`)
      .set('Idempotency-Key', 'batal-revisi-kul-1').send({ reason: 'Tidak ada yang perlu dikoreksi.' });
    const withdrawn = await send();
    expect(withdrawn.status).toBe(200);
    expect((await send()).body).toEqual(withdrawn.body); // a retried request answers the same, records nothing more
    expect(withdrawn.body).toMatchObject({ status: 'APPROVED', revision: 0, version: current.version + 1 });
    // The report reads as it did when approved, but for its stream version and its history.
    const { version: _v, history: _h, ...is } = await get(report);
    const { version: _av, history: _ah, ...was } = approvedView;
    expect(is).toEqual(was);

    expect((await post(`${report}/revise/withdraw`, tokens.kasubbag.KUL, {}, 409)).body.code).toBe('REALISASI.NO_REVISION_OPEN');
    // A report never started is not there at all: 404, not "no revision open" (README says both).
    const neverStarted = await post(`/api/v1/satker/${JEMBER}/realisasi/2024/11/KUL/revise/withdraw`, tokens.kasubbag.KUL, {}, 404);
    expect(neverStarted.body.code).toBe('REALISASI.NOT_FOUND');

    await runner.drain();
    expect(await cell()).toEqual(approvedCell);
    expect((await get(`/api/v1/satker/${JEMBER}/approval-inbox`)).items).toEqual([]);
    expect(await new KinerjaReadModel(t.db.dataSource).caughtUp(JEMBER)).toBe(true);
    expect(await kinerja()).toEqual(approvedKinerja);
    const history = await get(`${report}/history`, tokens.kasubbag.KUL);
    expect(JSON.stringify(history)).toContain('Revisi ke-1 dibatalkan; laporan kembali ke isi yang disetujui (revisi 0)');
    const trail = await get(`/api/v1/satker/${JEMBER}/audit/trail?type=RealisasiRevisionWithdrawn`, tokens.inspektorat);
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]).toMatchObject({ reason: 'Tidak ada yang perlu dikoreksi.' });
    expect(trail.items[0].summary).toMatch(/^Membatalkan revisi laporan realisasi Januari 2024 subbagian KUL \(revisi 1\); laporan kembali ke isi yang sudah disetujui \(revisi 0\)/);

    // A new correction takes the next number: revision 2.
    expect((await post(`${report}/revise`, tokens.kasubbag.KUL, { reason: 'Koreksi sungguhan.' })).body.revision).toBe(2);
  });

  it('given a PK Perubahan draft, when the Sekretaris withdraws it, then version 1 stays in force and history keeps version 2 as WITHDRAWN', async () => {
    await post(`${pk}/revisions`, tokens.sekretaris, { reason: 'Dibuka untuk dicoba.' }, 201);
    expect((await get(pk)).working).toMatchObject({ version: 2, status: 'DRAFT' });
    expect((await post(`${pk}/revisions/withdraw`, tokens.ketua, {}, 403)).body.code).toBeDefined();
    // Submitted as opened, equal to version 1: refused, telling to change it or withdraw it; nothing recorded.
    const unchanged = await post(`${pk}/submit`, tokens.sekretaris, {}, 422);
    expect(unchanged.body.code).toBe('PK.REVISION_UNCHANGED');
    expect(unchanged.body.message).toContain('batalkan PK Perubahan tersebut (POST …/pk/2024/revisions/withdraw): versi 1 tetap berlaku.');
    expect((await get(pk)).working).toMatchObject({ version: 2, status: 'DRAFT', submittedAt: null });
    const changed = jemberPkBody();
    changed.programs[0].kegiatan[0].indicators[0].target = { kind: 'SINGLE', value: '97' };
    expect((await t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(changed)).status).toBe(200);
    await post(`${pk}/submit`, tokens.sekretaris);
    expect((await post(`${pk}/revisions/withdraw`, tokens.sekretaris, {}, 409)).body.code).toBe('PK.REVISION_SUBMITTED');
    await post(`${pk}/return`, tokens.ketua, { reason: 'Tidak perlu diubah tahun ini.' });

    const withdrawn = await post(`${pk}/revisions/withdraw`, tokens.sekretaris, { reason: 'Dibuka keliru.' });
    expect(withdrawn.body).toMatchObject({ inForce: { version: 1, status: 'APPROVED' }, working: null });
    const versions = (await get(`${pk}/versions`, tokens.kasubbag.KUL)).versions;
    expect(versions.map((v: any) => [v.version, v.status])).toEqual([[1, 'APPROVED'], [2, 'WITHDRAWN']]);
    expect(versions[1].withdrawal).toMatchObject({ reason: 'Dibuka keliru.' });
    // It was submitted and returned: the version keeps its last submission beside the return.
    expect(versions[1]).toMatchObject({ submittedBy: expect.any(String), submittedAt: expect.any(String), lastReturn: { reason: 'Tidak perlu diubah tahun ini.' } });
    expect((await post(`${pk}/revisions/withdraw`, tokens.sekretaris, {}, 409)).body.code).toBe('PK.NO_REVISION_OPEN');

    await runner.drain();
    const trail = await get(`/api/v1/satker/${JEMBER}/audit/trail?type=PkRevisionWithdrawn`, tokens.inspektorat);
    expect(trail.items.map((i: any) => [i.summary, i.reason])).toEqual([
      ['Membatalkan PK Perubahan 2024 versi 2 setelah dikembalikan; versi 1 tetap berlaku.', 'Dibuka keliru.'],
    ]);
    // Nothing waits on a revision in progress any more: another one opens, as version 3.
    expect((await post(`${pk}/revisions`, tokens.sekretaris, { reason: 'Refocusing anggaran.' }, 201)).body.working).toMatchObject({ version: 3 });
  });

  it('given a PK Perubahan open, when another is opened, then 409 PK.REVISION_IN_PROGRESS says it may be withdrawn if it was opened by mistake', async () => {
    const refused = await post(`${pk}/revisions`, tokens.sekretaris, { reason: 'Dibuka lagi.' }, 409);
    expect(refused.body).toMatchObject({ code: 'PK.REVISION_IN_PROGRESS', details: { version: 3, status: 'DRAFT', withdrawable: true } });
    expect(refused.body.message).toContain('Bila PK Perubahan itu dibuka karena keliru, batalkan PK Perubahan tersebut; versi 1 tetap berlaku');
  });

  it('given the PK Perubahan draft, when a sasaran holds a bidi override, then 422 PK.INVALID_FIELD naming it and nothing is stored; names pasted with line breaks are stored on one line', async () => {
    const before = (await get(pk)).working;
    const body = jemberPkBody();
    const first = body.programs[0].kegiatan[0].indicators[0];
    first.sasaran = 'Terwujudnya \u202elayanan prima';
    const refused = await t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(body);
    expect({ status: refused.status, code: refused.body.code, field: refused.body.details?.field }).toEqual({ status: 422, code: 'PK.INVALID_FIELD', field: `Sasaran indikator ${first.code}` });
    expect((await get(pk)).working).toEqual(before);

    first.sasaran = 'Terwujudnya\r\nlayanan\tprima';
    first.name = `${first.name.split(' ')[0]}\n${first.name.split(' ').slice(1).join(' ')}`;
    const saved = await t.http.put(`${pk}/draft`).set(as(tokens.sekretaris)).send(body);
    expect({ status: saved.status, body: saved.status === 200 ? null : saved.body }).toEqual({ status: 200, body: null });
    const stored = (await get(pk)).working.structure.programs[0].kegiatan[0].indicators[0];
    expect(stored).toMatchObject({ name: jemberPkBody().programs[0].kegiatan[0].indicators[0].name, sasaran: 'Terwujudnya layanan prima' });
  });
});
