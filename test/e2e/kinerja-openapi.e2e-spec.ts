import { OpenApi, problemsOf, Schema } from '../support/openapi-schema';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy, SUBBAGIAN } from './workflow/jember-office.fixture';

/**
 * `GET satker/{satker}/kinerja/{year}` is the contract outside tools read Tabel 3.2 through: its
 * OpenAPI document must describe every field it answers, and nothing it does not. Real answers (the
 * year, to date, as of an instant; single and range targets, every note) are checked against the
 * published schema field by field, and so are the published examples.
 */
const PATH = '/api/v1/satker/{satker}/kinerja/{year}';

/** The Jember PK with every kind of row Tabel 3.2 can show: a range target, a plan with nothing planned in January, a pagu everywhere. */
function pkBody() {
  const body = jemberPkBody();
  const kegiatan = body.programs.flatMap((p) => p.kegiatan);
  kegiatan.forEach((k, i) => Object.assign(k, { pagu: String(100_000_000 + i * 25_000_000) }));
  const [k11, k12] = kegiatan[0].indicators;
  Object.assign(k11, { target: { kind: 'RANGE', min: '0', max: '2' }, polarity: 'LOWER_IS_BETTER', aggregation: 'LAST', monthlyPlan: null });
  Object.assign(k12, { monthlyPlan: [...Array<string>(11).fill('0'), '1'] });
  return body;
}

/** K1.1 above its range, K2.1 left blank (never reported), every other indicator 1. */
function contentFor(subbagian: string, month: number) {
  const { indicators, kegiatan } = ownedBy(subbagian);
  const valueOf: Record<string, string | null> = { 'K1.1': '3', 'K2.1': null };
  return {
    lines: indicators.map((i) => ({
      indicatorCode: i.code, value: i.code in valueOf ? valueOf[i.code] : '1', narrative: `Bulan ${month}.`, kendala: '-', solusi: '-', evidence: [],
    })),
    budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '1500000.50' })),
  };
}

describe('the OpenAPI document of kinerja/{year}, the public Tabel 3.2', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let doc: OpenApi;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const kinerja = (query = '') => t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024${query}`).set(as(tokens.inspektorat));
  const operation = () => doc.paths[PATH].get;
  const okSchema = (): Schema => operation().responses['200'].content['application/json'].schema;
  const component = (name: string) => doc.components.schemas[name];

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await createJemberOffice(t);
    const pk = `/api/v1/satker/${JEMBER}/pk/2024`;
    for (const [path, body, token] of [[pk, pkBody(), tokens.sekretaris], [`${pk}/submit`, {}, tokens.sekretaris], [`${pk}/approve`, {}, tokens.ketua]] as const) {
      const r = await t.http.post(path).set(as(token)).send(body);
      if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    for (const month of [1, 2]) {
      for (const subbagian of SUBBAGIAN) {
        const report = `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
        const submitted = await t.http.post(`${report}/submit`).set(as(tokens.kasubbag[subbagian])).send(contentFor(subbagian, month));
        const approved = await t.http.post(`${report}/approve`).set(as(tokens.sekretaris)).send({});
        if (submitted.status !== 200 || approved.status !== 200) throw new Error(`${report}: ${JSON.stringify([submitted.body, approved.body])}`);
      }
    }
    doc = (await t.http.get('/api/docs-json')).body as OpenApi;
  });

  afterAll(() => t?.close());

  it('gives the 200 answer a schema with every field of KinerjaTable, its enums, and decimals as strings', () => {
    expect(okSchema().allOf).toEqual([{ $ref: '#/components/schemas/KinerjaTableDto' }]);
    const table = component('KinerjaTableDto');
    expect(Object.keys(table.properties!)).toEqual(['satker', 'year', 'pkVersion', 'month', 'ratingScaleVersion', 'programs', 'office', 'asOf', 'integrity']);
    expect(table.required).toEqual(['satker', 'year', 'pkVersion', 'month', 'ratingScaleVersion', 'programs', 'office', 'integrity']);
    expect(JSON.stringify(table.properties!.integrity)).toContain('"$ref":"#/components/schemas/IntegrityBannerDto"');
    expect(component('IntegrityBannerDto').properties!.status).toMatchObject({ enum: ['OK', 'DAMAGED'] });
    expect(component('IntegrityBannerDto').required).toEqual(['status', 'message', 'alerts']);
    expect(table.properties!.month).toMatchObject({ type: 'integer', minimum: 1, maximum: 12, nullable: true });
    expect(table.properties!.asOf).toMatchObject({ type: 'string', format: 'date-time' });

    const kegiatan = component('KinerjaKegiatanRowDto');
    expect(kegiatan.properties!.no).toMatchObject({ type: 'integer', minimum: 1 });
    for (const level of ['KinerjaKegiatanRowDto', 'KinerjaProgramRowDto', 'KinerjaOfficeDto']) {
      expect(component(level).required).toEqual(expect.arrayContaining(['capaianAverage', 'category', 'measuredCount', 'indicatorCount']));
      expect(component(level).properties!.capaianAverage).toMatchObject({ type: 'string', pattern: '^\\d+\\.\\d{2}$', nullable: true });
    }
    for (const level of [kegiatan, component('KinerjaOfficeDto')]) {
      expect(level.properties!.pagu).toMatchObject({ type: 'string', nullable: true });
      expect(level.properties!.budgetSpent).toMatchObject({ type: 'string' });
      expect(level.properties!.budgetAbsorption).toMatchObject({ type: 'string', nullable: true });
    }

    const indicator = component('KinerjaIndicatorRowDto').properties!;
    expect(indicator.target.discriminator).toEqual({
      propertyName: 'kind', mapping: { SINGLE: '#/components/schemas/SingleTargetDto', RANGE: '#/components/schemas/RangeTargetDto' },
    });
    expect(indicator.targetApplied.oneOf).toEqual(indicator.target.oneOf);
    expect(component('SingleTargetDto').properties).toMatchObject({ kind: { enum: ['SINGLE'] }, value: { type: 'string' } });
    expect(component('RangeTargetDto').properties).toMatchObject({ kind: { enum: ['RANGE'] }, min: { type: 'string' }, max: { type: 'string' } });
    expect(indicator.polarity.enum).toEqual(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']);
    expect(indicator.aggregation.enum).toEqual(['SUM', 'LAST', 'AVERAGE', 'MAX']);
    expect(indicator.note).toMatchObject({ enum: ['NOT_REPORTED', 'NO_TARGET_YET', null], nullable: true });
    expect(indicator.realisasi).toMatchObject({ type: 'string', format: 'decimal', nullable: true });
    expect(indicator.capaian).toMatchObject({ type: 'string', pattern: '^\\d+\\.\\d{2}$', nullable: true });
    expect(indicator.reportedMonths).toMatchObject({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 12 } });
  });

  it('describes exactly what the endpoint answers: the year, to date and as of an instant, every kind of row', async () => {
    const year = await kinerja();
    const toDate = await kinerja('?month=1');
    const asOf = await kinerja(`?month=2&asOf=${encodeURIComponent(new Date().toISOString())}`);
    for (const r of [year, toDate, asOf]) {
      expect(r.status).toBe(200);
      expect(problemsOf(doc, r.body, okSchema())).toEqual([]);
    }
    // The answers do reach every branch the schema allows.
    const rows = (table: any) => table.programs.flatMap((p: any) => p.kegiatan.flatMap((k: any) => k.indicators));
    const byCode = (table: any, code: string) => rows(table).find((i: any) => i.code === code);
    expect(byCode(year.body, 'K1.1')).toMatchObject({ target: { kind: 'RANGE', min: '0', max: '2' }, realisasi: '3', capaian: '50.00', note: null });
    expect(byCode(year.body, 'K2.1')).toMatchObject({ realisasi: null, reportedMonths: [], capaian: null, category: null, note: 'NOT_REPORTED' });
    expect(byCode(toDate.body, 'K1.2')).toMatchObject({ targetApplied: { kind: 'SINGLE', value: '0' }, capaian: null, note: 'NO_TARGET_YET' });
    expect(year.body.programs[0].kegiatan.map((k: any) => k.no)).toEqual([1, 2, 3]);
    expect(year.body.office.pagu).toEqual(expect.any(String));
    expect(asOf.body.asOf).toEqual(expect.any(String));
    expect(year.body).not.toHaveProperty('asOf');
    for (const r of [year, toDate, asOf]) expect(r.body.integrity).toEqual({ status: 'OK', message: null, alerts: [] });
  });

  it('publishes examples that fit the schema: the year, as of an instant, and an office whose chain is damaged', () => {
    const content = operation().responses['200'].content['application/json'];
    expect(problemsOf(doc, content.schema.example, okSchema())).toEqual([]);
    expect(Object.keys(content.examples)).toEqual(['year', 'asOf', 'damaged']);
    expect(content.examples.damaged.value.integrity).toMatchObject({ status: 'DAMAGED', alerts: [{ kind: 'modified' }] });
    for (const { value } of Object.values(content.examples) as Array<{ value: unknown }>) expect(problemsOf(doc, value, okSchema())).toEqual([]);
    expect(content.examples.asOf.value).toHaveProperty('asOf');
  });

  it('documents year, month and asOf with their bounds, the ETag it sends, and every error in the common shape', async () => {
    const parameters = Object.fromEntries(operation().parameters.map((p: { name: string; in: string; schema: Schema }) => [`${p.in}:${p.name}`, p.schema]));
    expect(parameters).toMatchObject({
      'path:year': { type: 'integer', minimum: 2000, maximum: 2100 },
      'query:month': { type: 'integer', minimum: 1, maximum: 12 },
      'query:asOf': { type: 'string', format: 'date-time' },
      'header:If-None-Match': { type: 'string' },
    });
    const responses = operation().responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '304', '400', '401', '403', '404', '422', '503']);
    for (const status of ['400', '401', '403', '404', '422', '503']) {
      expect(responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    }
    expect(Object.keys(responses['404'].content['application/json'].examples)).toEqual(['SATKER.NOT_FOUND', 'KINERJA.NO_APPROVED_PK']);
    expect(Object.keys(responses['200'].headers)).toEqual(['ETag']);

    // What the document says is what the endpoint does.
    const year = await kinerja();
    expect(year.headers.etag).toMatch(/^W\/".+"$/);
    expect((await kinerja().set('If-None-Match', year.headers.etag)).status).toBe(304);
    const errors = await Promise.all([
      kinerja('?month=13'),
      t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024`),
      t.http.get(`/api/v1/satker/kpu-kab-lumajang/kinerja/2024`).set(as(tokens.inspektorat)),
      t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2026`).set(as(tokens.inspektorat)),
      kinerja('?asOf=2099-01-01T00:00:00Z'),
    ]);
    expect(errors.map((r) => [r.status, r.body.code])).toEqual([
      [400, 'VALIDATION.FAILED'], [401, 'AUTH.UNAUTHENTICATED'], [404, 'SATKER.NOT_FOUND'], [404, 'KINERJA.NO_APPROVED_PK'], [422, 'KINERJA.AS_OF_IN_FUTURE'],
    ]);
    for (const r of errors) expect(problemsOf(doc, r.body, responses[String(r.status)].content['application/json'].schema)).toEqual([]);
  });

  it('documents RealisasiLineDto.value and PkKegiatanDto.pagu as nullable decimal strings, not objects', () => {
    for (const [name, field] of [['RealisasiLineDto', 'value'], ['PkKegiatanDto', 'pagu']]) {
      expect({ name, schema: component(name).properties![field] }).toMatchObject({ name, schema: { type: 'string', format: 'decimal', nullable: true } });
      expect(component(name).required).toContain(field);
    }
  });

  it('documents an optional reason that may be null as a nullable string, not an object (a `string | null` property reflects as Object)', () => {
    for (const name of ['CreateUserDto', 'ResetPasswordDto', 'OptionalReasonBody']) {
      expect({ name, schema: component(name).properties!.reason }).toMatchObject({ name, schema: { type: 'string', nullable: true } });
    }
    // In a PATCH the reason is left out or given, never null.
    expect(component('UpdateUserDto').properties!.reason).toMatchObject({ type: 'string' });
    expect(component('UpdateUserDto').properties!.reason.nullable).toBeUndefined();
  });

  it('types no property of any schema as a bare object: each names its type, its fields or another schema', () => {
    const bare = Object.entries(doc.components.schemas).flatMap(([name, schema]) => Object.entries(schema.properties ?? {})
      .filter(([, p]) => (p.type === 'object' || p.type === undefined)
        && !p.$ref && !p.allOf && !p.oneOf && !p.enum && !p.properties && p.additionalProperties === undefined)
      .map(([field, p]) => `${name}.${field} ${JSON.stringify(p)}`));
    expect(bare).toEqual([]);
  });
});
