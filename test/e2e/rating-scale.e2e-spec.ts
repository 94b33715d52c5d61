import { DEFAULT_RATING_SCALE, ratingOf, type RatingRow } from '@kinerja/domain';
import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, KinerjaReadModel, ProjectionRunner } from '@kinerja/projections';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy, SUBBAGIAN } from './workflow/jember-office.fixture';

/** "Berhasil" only above 100: a capaian of exactly 100.00 drops from Berhasil to Cukup Berhasil. */
const STRICT: RatingRow[] = [
  { minExclusive: '100', maxInclusive: null, category: 'Berhasil', meaning: 'Kegiatan yang dilaksanakan telah melampaui target indikator kinerja' },
  { minExclusive: '80', maxInclusive: '100', category: 'Cukup Berhasil', meaning: 'Kegiatan yang dilaksanakan telah mendekati target indikator kinerja' },
  { minExclusive: null, maxInclusive: '80', category: 'Tidak Berhasil', meaning: 'Kegiatan yang dilaksanakan belum mencapai target indikator kinerja' },
];

interface Row { code: string; capaian: string | null; category: string | null }

describe("each office's rating scale (Tabel 3.1) over HTTP", () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const scaleUrl = `/api/v1/satker/${JEMBER}/rating-scale`;
  const indicators = (table: { programs: Array<{ kegiatan: Array<{ indicators: Row[] }> }> }) => table.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));
  const kinerja = async (query = '') => {
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024${query}`).set(as(tokens.ketua));
    expect(response.status).toBe(200);
    return response.body;
  };
  const history = async () => (await t.http.get(`${scaleUrl}/history`).set(as(tokens.sekretaris)).expect(200)).body.versions;
  let before: Date;

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    // January of every subbagian: each indicator reports 1 (K1.1 has target 1, so capaian 100.00).
    for (const subbagian of SUBBAGIAN) {
      const { indicators: owned, kegiatan } = ownedBy(subbagian);
      const body = {
        lines: owned.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
        budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '1000000' })),
      };
      await t.http.post(`/api/v1/satker/${JEMBER}/realisasi/2024/1/${subbagian}/submit`).set(as(tokens.kasubbag[subbagian])).send(body).expect(200);
      await t.http.post(`/api/v1/satker/${JEMBER}/realisasi/2024/1/${subbagian}/approve`).set(as(tokens.sekretaris)).send({}).expect(200);
    }
  });

  afterAll(() => t?.close());

  it('rates with Tabel 3.1 of the reference until the ADMIN sets a scale, and every role of the office reads it', async () => {
    for (const token of [tokens.kasubbag.KUL, tokens.inspektorat, tokens.ketua]) {
      const response = await t.http.get(scaleUrl).set(as(token)).expect(200);
      expect(response.headers.etag).toBe('"0"');
      expect(response.body).toMatchObject({ satker: JEMBER, version: 0, label: DEFAULT_RATING_SCALE.version, source: 'DEFAULT', rows: DEFAULT_RATING_SCALE.rows });
    }
    const table = await kinerja();
    expect(table.ratingScaleVersion).toBe(DEFAULT_RATING_SCALE.version);
    expect(indicators(table).find((i) => i.code === 'K1.1')).toMatchObject({ capaian: '100.00', category: 'Berhasil' });
    before = new Date();
  });

  it('refuses a KASUBBAG with 403 and changes nothing', async () => {
    const response = await t.http.put(scaleUrl).set(as(tokens.kasubbag.KUL)).send({ label: 'ketat-2025', rows: STRICT });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect(await history()).toEqual([]);
  });

  it.each([
    ['a gap', STRICT.map((r, i) => (i === 1 ? { ...r, minExclusive: '85' } : r))],
    ['an overlap', STRICT.map((r, i) => (i === 2 ? { ...r, maxInclusive: '90' } : r))],
  ])('refuses a scale with %s between two rows with 422 RATING_SCALE.INVALID and changes nothing', async (_, rows) => {
    const response = await t.http.put(scaleUrl).set(as(tokens.admin)).send({ label: 'ketat-2025', rows });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'RATING_SCALE.INVALID' });
    expect(await history()).toEqual([]);
    expect((await t.http.get(scaleUrl).set(as(tokens.admin)).expect(200)).body.source).toBe('DEFAULT');
  });

  it('refuses a row with an unknown field with 400', async () => {
    const response = await t.http.put(scaleUrl).set(as(tokens.admin)).send({ label: 'ketat-2025', rows: STRICT.map((r) => ({ ...r, warna: 'merah' })) });
    expect(response.status).toBe(400);
    expect(await history()).toEqual([]);
  });

  it('puts a stricter scale in force: the same figures are rated again and name the new version', async () => {
    const set = await t.http.put(scaleUrl).set(as(tokens.admin)).set('Idempotency-Key', 'skala-ketat-1')
      .send({ label: 'ketat-2025', rows: STRICT, reason: 'Keputusan rapat pimpinan' });
    expect(set.status).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    expect(set.body).toMatchObject({ version: 1, label: 'ketat-2025', source: 'OFFICE', rows: STRICT, reason: 'Keputusan rapat pimpinan' });

    const table = await kinerja();
    expect(table.ratingScaleVersion).toBe('ketat-2025');
    const rows = indicators(table);
    expect(rows.find((i) => i.code === 'K1.1')).toMatchObject({ capaian: '100.00', category: 'Cukup Berhasil' });
    for (const row of rows.filter((r) => r.capaian !== null)) {
      expect(row.category).toBe(ratingOf(row.capaian as string, { version: 'ketat-2025', rows: STRICT }).category);
    }
    expect(table.office.category).toBe(ratingOf(table.office.capaianAverage, { version: 'ketat-2025', rows: STRICT }).category);
  });

  it('rates the same from the current-performance read model once it has caught up', async () => {
    const fromStreams = await kinerja();
    const model = new KinerjaReadModel(t.db.dataSource);
    await new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
    expect(await model.caughtUp(JEMBER)).toBe(true);
    const fromReadModel = await kinerja();
    expect(fromReadModel).toEqual(fromStreams);
    expect(fromReadModel.ratingScaleVersion).toBe('ketat-2025');
  });

  it('answers asOf an instant before the change with the scale in force then', async () => {
    const then = await kinerja(`?asOf=${encodeURIComponent(before.toISOString())}`);
    expect(then.ratingScaleVersion).toBe(DEFAULT_RATING_SCALE.version);
    expect(indicators(then).find((i) => i.code === 'K1.1')).toMatchObject({ capaian: '100.00', category: 'Berhasil' });
  });

  it('changes nothing when the same scale is sent again, replays a key, and refuses a stale If-Match', async () => {
    const replay = await t.http.put(scaleUrl).set(as(tokens.admin)).set('Idempotency-Key', 'skala-ketat-1').send({ label: 'ketat-2025', rows: STRICT, reason: 'Keputusan rapat pimpinan' });
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // The key names that request: sent with another body (here without the reason) it is refused, not replayed.
    const otherBody = await t.http.put(scaleUrl).set(as(tokens.admin)).set('Idempotency-Key', 'skala-ketat-1').send({ label: 'ketat-2025', rows: STRICT });
    expect({ status: otherBody.status, code: otherBody.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    const again = await t.http.put(scaleUrl).set(as(tokens.admin)).send({ label: 'ketat-2025', rows: STRICT });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    const stale = await t.http.put(scaleUrl).set(as(tokens.admin)).set('If-Match', '"0"').send({ label: 'tabel-3.1-2024', rows: DEFAULT_RATING_SCALE.rows });
    expect(stale.status).toBe(409);
    const reused = await t.http.put(scaleUrl).set(as(tokens.admin)).send({ label: DEFAULT_RATING_SCALE.version, rows: STRICT });
    expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 409, code: 'RATING_SCALE.LABEL_IN_USE' });
    expect((await history()).map((v: { version: number; label: string }) => [v.version, v.label])).toEqual([[1, 'ketat-2025']]);
  });

  it('goes back to Tabel 3.1 as version 2, keeping the history', async () => {
    const back = await t.http.put(scaleUrl).set(as(tokens.admin)).set('If-Match', '"1"').send({ label: DEFAULT_RATING_SCALE.version, rows: DEFAULT_RATING_SCALE.rows });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ version: 2, label: DEFAULT_RATING_SCALE.version, source: 'OFFICE' });
    expect((await kinerja()).ratingScaleVersion).toBe(DEFAULT_RATING_SCALE.version);
    expect((await history()).map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  describe('input that cannot be meant is refused before anything is recorded (version 2 stays in force)', () => {
    const inForce = async () => (await t.http.get(scaleUrl).set(as(tokens.admin)).expect(200)).body;

    it.each([
      ['two rows of one category (another case and spacing)', 'RATING_SCALE.DUPLICATE_CATEGORY', STRICT.map((r, i) => (i === 1 ? { ...r, category: ' berhasil ' } : r)), 'baris 2'],
      ['two rows of one category (a Greek look-alike letter)', 'RATING_SCALE.DUPLICATE_CATEGORY', STRICT.map((r, i) => (i === 1 ? { ...r, category: STRICT[0].category.replace('B', '\u0392') } : r)), 'baris 2'],
      ['a category with a zero-width space', 'RATING_SCALE.HIDDEN_CHARACTERS', STRICT.map((r, i) => (i === 1 ? { ...r, category: `${r.category}\u200b` } : r)), 'Kategori baris 2'],
      ['a category stacking combining marks', 'RATING_SCALE.STACKED_MARKS', STRICT.map((r, i) => (i === 1 ? { ...r, category: `B\u0338\u0322\u034e\u0317${r.category.slice(1)}` } : r)), 'Kategori baris 2 menumpuk'],
      ['a meaning (Keterangan) with a bidi override', 'RATING_SCALE.HIDDEN_CHARACTERS', STRICT.map((r, i) => (i === 1 ? { ...r, meaning: `\u202e${r.meaning}` } : r)), 'Keterangan baris 2'],
      ['a meaning (Keterangan) stacking combining marks', 'RATING_SCALE.STACKED_MARKS', STRICT.map((r, i) => (i === 1 ? { ...r, meaning: `M\u0338\u0322\u034e\u0317${r.meaning.slice(1)}` } : r)), 'Keterangan baris 2 menumpuk'],
      ['a single row', 'RATING_SCALE.TOO_FEW_ROWS', [{ ...STRICT[0], minExclusive: null }], 'satu baris'],
      ['no row at all', 'RATING_SCALE.TOO_FEW_ROWS', [], 'tidak memiliki baris'],
      ['a bound written with a leading zero ("080")', 'RATING_SCALE.INVALID_BOUND', STRICT.map((r, i) => (i === 1 ? { ...r, minExclusive: '080' } : i === 2 ? { ...r, maxInclusive: '080' } : r)), 'Batas bawah baris 2'],
    ])('given %s, when the ADMIN puts it, then 422 %s and GET still returns version 2', async (_, code, rows, named) => {
      const previous = await inForce();
      const response = await t.http.put(scaleUrl).set(as(tokens.admin)).send({ label: 'salah-2025', rows });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code });
      expect(response.body.message).toContain(named);
      expect(await inForce()).toEqual(previous);
      expect(previous).toMatchObject({ version: 2, label: DEFAULT_RATING_SCALE.version, rows: DEFAULT_RATING_SCALE.rows });
      expect((await history()).map((v: { version: number }) => v.version)).toEqual([1, 2]);
    });

    it('given bounds written with trailing zeros ("80.0", "100.00"), when the ADMIN puts them, then they are stored and read back as Tabel 3.1 writes them ("80", "100")', async () => {
      const written = [{ ...STRICT[0], minExclusive: '100.00' }, { ...STRICT[1], minExclusive: '80.0', maxInclusive: '100.0' }, { ...STRICT[2], maxInclusive: '80.000' }];
      const set = await t.http.put(scaleUrl).set(as(tokens.admin)).send({ label: 'ketat-2025', rows: written });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ version: 3, label: 'ketat-2025', rows: STRICT });
      expect((await inForce()).rows).toEqual(STRICT);
      expect((await history())[2].rows).toEqual(STRICT);
    });
  });
});
