import { ControllableClock } from '@kinerja/platform';
import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { problemsOf, type OpenApi } from '../support/openapi-schema';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/**
 * Budget realisasi beyond the kegiatan's annual pagu is accepted (the PK's pagu may lag a DIPA
 * revision) but said, as is a figure more than ten times its indicator's annual target: the report view carries `warnings`, on save for the Kasubbag and on GET for
 * the Sekretaris. The clock stands on 15 June 2024; every kegiatan of the Jember PK gets a pagu of
 * Rp 100.000.000 (the transcribed PK has none).
 */
describe('budget realisasi beyond the pagu is warned about, not refused', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/KUL`;
  const { indicators, kegiatan } = ownedBy('KUL');
  const [k] = kegiatan;
  const PAGU = '100000000';
  const content = (spent: string) => ({
    lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
    budget: [{ kegiatanCode: k, spent }],
  });
  const drainProjections = () => new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens = await createJemberOffice(t);
    const body = jemberPkBody();
    for (const program of body.programs) for (const keg of program.kegiatan) keg.pagu = PAGU;
    const base = `/api/v1/satker/${JEMBER}/pk/2024`;
    await t.http.post(base).set(as(tokens.sekretaris)).send(body).expect(201);
    await t.http.post(`${base}/submit`).set(as(tokens.sekretaris)).send({}).expect(200);
    await t.http.post(`${base}/approve`).set(as(tokens.ketua)).send({}).expect(200);
  });

  afterAll(() => t?.close());

  it('given a month within the pagu, when the Kasubbag saves it, then the view has warnings: []', async () => {
    const saved = await t.http.put(report(1)).set(as(tokens.kasubbag.KUL)).send(content('60000000'));
    expect(saved.status).toBe(200);
    expect(saved.body.warnings).toEqual([]);
    const read = await t.http.get(report(1)).set(as(tokens.sekretaris));
    expect(read.status).toBe(200);
    expect(read.body.warnings).toEqual([]);
  });

  it('given a month typed with extra zeros (beyond the whole year\'s pagu), when saved, then it is accepted as typed with MONTH_BUDGET_OVER_PAGU', async () => {
    const saved = await t.http.put(report(3)).set(as(tokens.kasubbag.KUL)).send(content('1000000000'));
    expect(saved.status).toBe(200);
    expect(saved.body.content.budget).toEqual([{ kegiatanCode: k, spent: '1000000000' }]);
    expect(saved.body.warnings).toHaveLength(1);
    expect(saved.body.warnings[0]).toMatchObject({
      code: 'REALISASI.MONTH_BUDGET_OVER_PAGU',
      details: { kegiatanCode: k, year: 2024, month: 3, spent: '1000000000', pagu: PAGU, pkVersion: 1 },
    });
    expect(saved.body.warnings[0].message).toContain(`kegiatan ${k} (`);
    expect(saved.body.warnings[0].message).toContain('bulan Maret 2024 sebesar Rp 1.000.000.000 melebihi pagu kegiatan itu untuk setahun, Rp 100.000.000');
    expect(saved.body.warnings[0].message).toContain('periksa kembali angka; bila pagu telah direvisi dalam DIPA, ajukan PK Perubahan.');
  });

  it('given that report submitted, when the Sekretaris reads it to review, then the warning is shown with the deadline fields', async () => {
    const submitted = await t.http.post(`${report(3)}/submit`).set(as(tokens.kasubbag.KUL)).send({});
    expect(submitted.status).toBe(200);
    expect(submitted.body.warnings.map((w: { code: string }) => w.code)).toEqual(['REALISASI.MONTH_BUDGET_OVER_PAGU']);
    const read = await t.http.get(report(3)).set(as(tokens.sekretaris));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'SUBMITTED', deadline: expect.any(String) });
    expect(read.body.warnings.map((w: { code: string }) => w.code)).toEqual(['REALISASI.MONTH_BUDGET_OVER_PAGU']);
  });

  it('given a warning in a view, when checked against the OpenAPI document, then `warnings` is exactly as documented on the view responses', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as OpenApi;
    const detail = { $ref: '#/components/schemas/RealisasiDetailDto' };
    const okOf = (path: string, method: string): unknown => doc.paths[path][method].responses['200'].content['application/json'].schema;
    expect(okOf('/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}', 'put')).toEqual(detail);
    expect(okOf('/api/v1/satker/{satker}/realisasi/{year}/{month}/{subbagian}', 'get')).toEqual(detail);
    const read = await t.http.get(report(3)).set(as(tokens.sekretaris));
    expect(problemsOf(doc, read.body, detail)).toEqual([]);
  });

  it('given a figure typed with a zero too many (more than ten times its annual target), when saved, then it is kept as typed with VALUE_FAR_ABOVE_TARGET, documented as the others', async () => {
    const [first] = indicators;
    const target = first.target.kind === 'SINGLE' ? first.target.value : first.target.max;
    const far = String(Number(target) * 10 + 1);
    const body = content('1000000');
    body.lines[0].value = far;
    const saved = await t.http.put(report(4)).set(as(tokens.kasubbag.KUL)).send(body);
    expect(saved.status).toBe(200);
    expect(saved.body.content.lines[0].value).toBe(far);
    expect(saved.body.warnings).toEqual([expect.objectContaining({
      code: 'REALISASI.VALUE_FAR_ABOVE_TARGET',
      details: { indicatorCode: first.code, indicatorName: first.name, year: 2024, month: 4, value: far, target, unit: first.unit, factor: 10, pkVersion: 1 },
    })]);
    expect(saved.body.warnings[0].message).toContain(`Realisasi indikator ${first.code} (${first.name}) bulan April 2024 sebesar ${far} ${first.unit}, lebih dari sepuluh kali`);
    const read = await t.http.get(report(4)).set(as(tokens.sekretaris));
    expect(read.body.warnings.map((w: { code: string }) => w.code)).toEqual(['REALISASI.VALUE_FAR_ABOVE_TARGET']);
    const doc = (await t.http.get('/api/docs-json')).body as OpenApi;
    expect(problemsOf(doc, read.body, { $ref: '#/components/schemas/RealisasiDetailDto' })).toEqual([]);
  });

  it('given January approved (Rp 60.000.000) and the read model caught up, when February adds Rp 50.000.000, then BUDGET_OVER_PAGU counts January', async () => {
    await t.http.post(`${report(1)}/submit`).set(as(tokens.kasubbag.KUL)).send({}).expect(200);
    await t.http.post(`${report(1)}/approve`).set(as(tokens.sekretaris)).send({}).expect(200);
    await drainProjections();
    const saved = await t.http.put(report(2)).set(as(tokens.kasubbag.KUL)).send(content('50000000'));
    expect(saved.status).toBe(200);
    expect(saved.body.warnings).toEqual([expect.objectContaining({
      code: 'REALISASI.BUDGET_OVER_PAGU',
      // March is submitted, not approved: it does not count yet.
      details: expect.objectContaining({ spent: '50000000', spentInOtherReports: '60000000', yearTotal: '110000000', pagu: PAGU }),
    })]);
    expect(saved.body.warnings[0].message).toContain('menjadi Rp 110.000.000 dengan bulan Februari 2024 (Rp 50.000.000 bulan ini dan Rp 60.000.000 pada laporan lain');
    // January itself stays within the pagu: its own figures are not counted twice.
    expect((await t.http.get(report(1)).set(as(tokens.sekretaris))).body.warnings).toEqual([]);
  });
});
