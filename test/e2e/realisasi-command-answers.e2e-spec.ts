import { ControllableClock } from '@kinerja/platform';
import { problemsOf, type OpenApi } from '../support/openapi-schema';
import { createTestApp, TestApp } from '../support/test-app';
import { drainProjections } from './workflow/deadline-clock.fixture';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/**
 * The answers of the commands on a monthly report, through HTTP: a save that changes only white space
 * nobody reads in the texts changes nothing (no version, no line in the history or the audit trail),
 * and every command answers with the report as `GET` gives it, deadline and timeliness included, a
 * replay for its Idempotency-Key with the first answer. Jember's PK of 2024 is approved on 16 January,
 * so each month keeps its own deadline (the 5th of the next month); the clock then stands on 8 April
 * 2024, when January to March are overdue.
 */
describe('monthly reports: what a save changes and what a command answers', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const clock = new ControllableClock(new Date('2024-01-16T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/KUL`;
  const { indicators, kegiatan } = ownedBy('KUL');
  const content = (narrative: string, value = '1', kendala = 'Hujan deras.') => ({
    lines: indicators.map((i) => ({ indicatorCode: i.code, value, narrative, kendala, solusi: '-', evidence: [] })),
    budget: kegiatan.map((kegiatanCode) => ({ kegiatanCode, spent: '10' })),
  });
  const read = async (month: number) => (await t.http.get(report(month)).set(as(tokens.kasubbag.KUL))).body;
  const history = async (month: number) => (await t.http.get(`${report(month)}/history`).set(as(tokens.kasubbag.KUL))).body;
  const saves = async (month: number) => {
    await drainProjections(t);
    const trail = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail?type=RealisasiDraftSaved&year=2024&month=${month}`).set(as(tokens.inspektorat));
    expect(trail.status).toBe(200);
    return trail.body.items as Array<{ summary: string; changes: Array<{ indicatorCode: string | null; field: string }> }>;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    clock.set(new Date('2024-04-08T03:00:00Z'));
  });

  afterAll(() => t?.close());

  describe('a save whose texts differ from the draft only in white space', () => {
    it('records nothing: the version stays, the texts stay as first typed, the history and the audit trail list one save', async () => {
      // Given February's draft.
      const first = await t.http.put(report(2)).set(as(tokens.kasubbag.KUL)).send(content('Rapat koordinasi 3 kali.'));
      expect(first.status).toBe(200);
      // When it is saved again with spaces at the ends, a doubled space and line breaks in its texts.
      const respaced = await t.http.put(report(2)).set(as(tokens.kasubbag.KUL)).send(content('  Rapat  koordinasi\n3 kali. ', '1', 'Hujan deras.\r\n'));
      // Then the answer is the report as stored, at the same version.
      expect(respaced.status).toBe(200);
      expect(respaced.headers.etag).toBe(first.headers.etag);
      expect(respaced.body).toEqual(first.body);
      expect((await history(2)).entries.map((e: { description: string }) => e.description)).toEqual(['Laporan dibuat dan disimpan sebagai draf']);
      expect(await saves(2)).toHaveLength(1);
    });

    it('sent with an Idempotency-Key, is recorded as typed and told as changing nothing; a word changed is told alone', async () => {
      const before = await read(2);
      const keyed = await t.http.put(report(2)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', 'spasi-februari-1')
        .send(content('Rapat koordinasi 3 kali.  '));
      expect(keyed.status).toBe(200);
      expect(keyed.body.version).toBe(before.version + 1);
      expect(keyed.body.content.lines[0].narrative).toBe('Rapat koordinasi 3 kali.  ');
      const reworded = await t.http.put(report(2)).set(as(tokens.kasubbag.KUL)).send(content(' Rapat koordinasi 3 kali.', '1', 'Hujan sangat deras.'));
      expect(reworded.body.version).toBe(before.version + 2);

      const [, unchanged, changed] = (await history(2)).entries as Array<{ description: string; otherChanges: string[]; valueChanges: unknown[] }>;
      expect(unchanged).toMatchObject({ description: 'Draf laporan disimpan ulang; tidak ada isi yang berubah', otherChanges: [], valueChanges: [] });
      expect(changed).toMatchObject({ description: 'Draf laporan diubah', otherChanges: indicators.map((i) => `kendala indikator ${i.code} diubah`) });
      const rows = await saves(2);
      expect(rows).toHaveLength(3);
      const [, keyedRow, lastRow] = rows;
      expect(keyedRow.summary).toBe('Menyimpan laporan realisasi Februari 2024 subbagian KUL (revisi 0); tidak ada isi yang berubah.');
      expect(keyedRow.changes).toEqual([]);
      expect(lastRow.changes.map((c) => c.field)).toEqual(indicators.map(() => 'kendala'));
    });
  });

  describe('every command on a report', () => {
    it('answers with the report as GET reads it right after, deadline and timeliness included', async () => {
      const path = report(1);
      const kasubbag = as(tokens.kasubbag.KUL);
      const steps: Array<[string, () => Promise<{ status: number; body: Record<string, unknown> }>]> = [
        ['save', () => t.http.put(path).set(kasubbag).send(content('Terlaksana.'))],
        ['submit', () => t.http.post(`${path}/submit`).set(kasubbag).send({})],
        ['return', () => t.http.post(`${path}/return`).set(as(tokens.sekretaris)).send({ reason: 'Lampirkan daftar hadir.' })],
        ['resubmit', () => t.http.post(`${path}/submit`).set(kasubbag).send(content('Terlaksana, daftar hadir terlampir.'))],
        ['approve', () => t.http.post(`${path}/approve`).set(as(tokens.sekretaris)).send({})],
        ['revise', () => t.http.post(`${path}/revise`).set(kasubbag).send({ reason: 'Angka Januari salah ketik.' })],
        ['save the correction', () => t.http.put(path).set(kasubbag).send(content('Terlaksana, daftar hadir terlampir.', '2'))],
        ['withdraw it', () => t.http.post(`${path}/revise/withdraw`).set(kasubbag).send({})],
      ];
      for (const [step, send] of steps) {
        const answered = await send();
        expect({ step, status: answered.status }).toEqual({ step, status: 200 });
        expect({ step, body: answered.body }).toEqual({ step, body: await read(1) });
      }
      // January was first sent on 8 April, 63 days after its deadline of 5 February; the resubmission does not count.
      expect(await read(1)).toMatchObject({
        status: 'APPROVED', deadline: '2024-02-05', deadlineBasis: 'OWN', firstSubmittedAt: '2024-04-08T03:00:00.000Z', submittedOnTime: false, daysLate: 63,
      });
    });

    it('replayed for its Idempotency-Key, answers as the first time: the report and its deadline as they were then', async () => {
      const path = report(3);
      const kasubbag = as(tokens.kasubbag.KUL);
      // Given March's draft saved on 8 April with a key, three days after its deadline.
      const saved = await t.http.put(path).set(kasubbag).set('Idempotency-Key', 'maret-simpan-1').send(content('Terlaksana.'));
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ status: 'DRAFT', deadline: '2024-04-05', deadlineBasis: 'OWN', firstSubmittedAt: null, submittedOnTime: null, daysLate: null });
      // When the Sekretaris then gives March a dispensasi until 20 April, the report still owed.
      clock.set(new Date('2024-04-08T05:00:00Z'));
      const granted = await t.http.post(`/api/v1/satker/${JEMBER}/report-deadlines/2024/3/extension`).set(as(tokens.sekretaris))
        .send({ until: '2024-04-20', reason: 'Server kantor rusak pada 3–6 April.' });
      expect(granted.status).toBeLessThan(300);
      expect(await read(3)).toMatchObject({ deadline: '2024-04-20', deadlineBasis: 'DISPENSASI' });
      // Then the save's retry answers as it did, not with the dispensasi.
      const retried = await t.http.put(path).set(kasubbag).set('Idempotency-Key', 'maret-simpan-1').send(content('Terlaksana.'));
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.body).toEqual(saved.body);
      // And a submission under the dispensasi is on time, its retry after the approval answering as it did.
      clock.set(new Date('2024-04-08T06:00:00Z'));
      const submitted = await t.http.post(`${path}/submit`).set(kasubbag).set('Idempotency-Key', 'maret-kirim-1').send({});
      expect(submitted.body).toMatchObject({
        status: 'SUBMITTED', deadline: '2024-04-20', deadlineBasis: 'DISPENSASI', firstSubmittedAt: '2024-04-08T06:00:00.000Z', submittedOnTime: true, daysLate: 0,
      });
      expect(submitted.body).toEqual(await read(3));
      expect((await t.http.post(`${path}/approve`).set(as(tokens.sekretaris)).send({})).status).toBe(200);
      const resent = await t.http.post(`${path}/submit`).set(kasubbag).set('Idempotency-Key', 'maret-kirim-1').send({});
      expect({ status: resent.status, replayed: resent.headers['idempotent-replayed'] }).toEqual({ status: 200, replayed: 'true' });
      expect(resent.body).toEqual(submitted.body);
    });

    it('documents the deadline fields on every command\'s answer, as on GET, and its answers follow the document', async () => {
      const doc = (await t.http.get('/api/docs-json')).body as OpenApi;
      const detail = { $ref: '#/components/schemas/RealisasiDetailDto' };
      const base = '/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}';
      const routes: Array<[string, string]> = [
        [base, 'get'], [base, 'put'], [`${base}/submit`, 'post'], [`${base}/approve`, 'post'], [`${base}/return`, 'post'],
        [`${base}/revise`, 'post'], [`${base}/revise/withdraw`, 'post'],
      ];
      for (const [path, method] of routes) {
        const ok = doc.paths[path][method].responses['200'].content['application/json'];
        expect({ path, method, schema: ok.schema }).toEqual({ path, method, schema: detail });
        expect(Object.keys(ok.example)).toEqual(expect.arrayContaining(['deadline', 'deadlineBasis', 'firstSubmittedAt', 'submittedOnTime', 'daysLate', 'warnings']));
      }
      expect(doc.components.schemas.RealisasiDetailDto.required).toEqual(expect.arrayContaining(['deadline', 'deadlineBasis', 'firstSubmittedAt', 'submittedOnTime', 'daysLate', 'warnings']));
      const answered = (await t.http.put(report(2)).set(as(tokens.kasubbag.KUL)).send(content('Rapat koordinasi 4 kali.'))).body;
      expect(problemsOf(doc, answered, detail)).toEqual([]);
    });
  });
});
