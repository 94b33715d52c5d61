import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice } from '../support/identity-fixtures';

/**
 * Input that PostgreSQL or the multipart parser cannot take must be refused as input (4xx with a
 * stable code), never reach a query and answer 500: the character U+0000 anywhere (and the text no
 * document can hold: lone surrogates, control characters, U+FFFE/U+FFFF), a calendar day
 * that does not exist, a multipart body that cannot be read.
 */
describe('hostile input is refused with 400, never a 500', () => {
  let t: TestApp;
  let own: FixtureOffice;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    ({ own } = await createTwoOffices(t));
  });
  afterAll(() => t?.close());

  it.each([
    ['a path parameter', 'INSPEKTORAT', (s: string) => `/api/v1/satker/${s}/audit/figures/2024/3/K1.1%00`, 'indicator'],
    ['a query filter', 'INSPEKTORAT', (s: string) => `/api/v1/satker/${s}/audit/trail?actor=a%00b`, 'actor'],
    ['a query filter across offices', 'INSPEKTORAT', () => '/api/v1/audit/trail?subbagian=%00x', 'subbagian'],
    ['a report path', 'KASUBBAG', (s: string) => `/api/v1/satker/${s}/realisasi/2024/3/PDI%00/history`, 'subbagian'],
  ] as const)('refuses U+0000 in %s, naming the field', async (_what, role, path, field) => {
    const response = await t.http.get(path(own.code)).set(as(own.users[role].token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(response.body.details.fields).toContainEqual(expect.objectContaining({ field, constraint: 'noNulCharacter' }));
  });

  it.each(['INSPEKTORAT', 'ADMIN', 'KASUBBAG'] as const)('answers an office code with U+0000 in the path like an office that does not exist (%s)', async (role) => {
    const response = await t.http.get('/api/v1/satker/a%00b/kinerja/2024').set(as(own.users[role].token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'SATKER.NOT_FOUND' });
    // The code is repeated without its control character, in the message and in the details.
    expect({ message: response.body.message, details: response.body.details }).toEqual({ message: 'Satker "a?b" tidak ditemukan.', details: { satker: 'a?b' } });
  });

  it('repeats an unknown office code of the path without control characters and bounded (/satker/%00, /satker/<200 characters>)', async () => {
    const nul = await t.http.get('/api/v1/satker/%00').set(as(own.users.ADMIN.token));
    expect({ status: nul.status, code: nul.body.code, message: nul.body.message }).toEqual({ status: 404, code: 'SATKER.NOT_FOUND', message: 'Satker "?" tidak ditemukan.' });
    expect(JSON.stringify(nul.body)).not.toContain('\\u0000');
    const long = await t.http.get(`/api/v1/satker/${'x'.repeat(200)}%1b`).set(as(own.users.ADMIN.token));
    expect({ status: long.status, message: long.body.message }).toEqual({ status: 404, message: `Satker "${'x'.repeat(64)}…" tidak ditemukan.` });
  });

  it('refuses U+0000 in a body, in a value or in a key, and writes nothing', async () => {
    const created = await t.http
      .post(`/api/v1/satker/${own.code}/users`)
      .set(as(own.users.ADMIN.token))
      .send({ username: 'nul.user', fullName: 'Ketua\u0000Baru', role: 'KETUA', password: 'fixture-password-1' });
    expect({ status: created.status, code: created.body.code, fields: created.body.details.fields }).toEqual({
      status: 400, code: 'VALIDATION.FAILED', fields: [expect.objectContaining({ field: 'fullName', constraint: 'noNulCharacter' })],
    });
    const users = await t.http.get(`/api/v1/satker/${own.code}/users`).set(as(own.users.ADMIN.token));
    expect(users.body.map((u: { username: string }) => u.username)).not.toContain('nul.user');
    const key = await t.http.post('/api/v1/auth/login').send({ ['user\u0000name']: 'x', password: 'y' });
    expect({ status: key.status, code: key.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'admin\u0000', password: 'y' });
    expect({ status: login.status, code: login.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
  });

  it.each([
    ['a lone surrogate (PostgreSQL refuses it)', 'Ketua \ud800 Baru', 'wellFormedUnicode'],
    ['a control character (no document can print it)', 'Ketua \u0001 Baru', 'printableCharacters'],
    ['the noncharacter U+FFFF (XML cannot hold it)', 'Ketua \uffff Baru', 'printableCharacters'],
  ])('refuses %s in a body with 400, naming the field, and writes nothing', async (_what, fullName, constraint) => {
    const created = await t.http
      .post(`/api/v1/satker/${own.code}/users`)
      .set(as(own.users.ADMIN.token))
      .send({ username: 'odd.user', fullName, role: 'KETUA', password: 'fixture-password-1' });
    expect({ status: created.status, code: created.body.code, fields: created.body.details.fields }).toEqual({
      status: 400, code: 'VALIDATION.FAILED', fields: [expect.objectContaining({ field: 'fullName', constraint })],
    });
    const users = await t.http.get(`/api/v1/satker/${own.code}/users`).set(as(own.users.ADMIN.token));
    expect(users.body.map((u: { username: string }) => u.username)).not.toContain('odd.user');
  });

  it.each(['2024-02-30', '0000-00-00', '2024-13-01'])('refuses the digest of a day that is not in the calendar (%s)', async (day) => {
    const response = await t.http.get(`/api/v1/satker/${own.code}/audit/digests/${day}`).set(as(own.users.INSPEKTORAT.token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
  });

  it.each([
    ['a week date', (s: string) => `/api/v1/satker/${s}/audit/trail?from=2024-W05`, 'from'],
    ['an ordinal date', (s: string) => `/api/v1/satker/${s}/audit/trail/export?format=csv&to=2024-123`, 'to'],
    ['a day not in the calendar', () => '/api/v1/audit/trail?from=2024-02-30T00:00:00%2B07:00', 'from'],
    ['a date without a time and zone', (s: string) => `/api/v1/satker/${s}/audit/trail?to=2024-03-01`, 'to'],
    ['a time travel to a week date', (s: string) => `/api/v1/satker/${s}/kinerja/2024?asOf=2024-W05`, 'asOf'],
    ['a time travel to year 0', (s: string) => `/api/v1/satker/${s}/kinerja/2024?asOf=0000-01-01T00:00:00Z`, 'asOf'],
  ] as const)('refuses a moment JavaScript or PostgreSQL cannot read (%s) with 400, naming the field', async (_what, path, field) => {
    const response = await t.http.get(path(own.code)).set(as(own.users.INSPEKTORAT.token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(response.body.details.fields).toContainEqual(expect.objectContaining({ field, constraint: 'isInstant' }));
    expect(response.body.details.fields[0].message).toMatch(/zona waktu/);
  });

  it('refuses a multipart body it cannot read with 400 EVIDENCE.MALFORMED_UPLOAD', async () => {
    const response = await t.http
      .post(`/api/v1/satker/${own.code}/evidence`)
      .set(as(own.users.KASUBBAG.token))
      .attach('file', Buffer.from('%PDF-1.4 bukti'), { filename: 'bukti\u0000.pdf', contentType: 'application/pdf' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'EVIDENCE.MALFORMED_UPLOAD' });
    const truncated = await t.http
      .post(`/api/v1/satker/${own.code}/evidence`)
      .set(as(own.users.KASUBBAG.token))
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4');
    expect({ status: truncated.status, code: truncated.body.code }).toEqual({ status: 400, code: 'EVIDENCE.MALFORMED_UPLOAD' });
    // Told in Indonesian what is wrong; the parser's own English text kept beside it for the client's developer.
    expect(truncated.body.message).toContain('berakhir sebelum batas penutupnya: isinya terpotong');
    expect(truncated.body.details).toEqual({ reason: expect.stringContaining('terpotong'), parserMessage: 'Unexpected end of form' });
    expect(response.body.details.reason).not.toMatch(/^[A-Z][a-z]+ [a-z]/);
    // More fields than an upload takes is a body the route cannot read, not a missing file.
    let crowded = t.http.post(`/api/v1/satker/${own.code}/evidence`).set(as(own.users.KASUBBAG.token))
      .attach('file', Buffer.from('%PDF-1.4 bukti'), { filename: 'bukti.pdf', contentType: 'application/pdf' });
    for (const field of ['a', 'b', 'c', 'd', 'e', 'f']) crowded = crowded.field(field, '1');
    const tooMany = await crowded;
    expect({ status: tooMany.status, code: tooMany.body.code, reason: tooMany.body.details?.reason })
      .toEqual({ status: 400, code: 'EVIDENCE.MALFORMED_UPLOAD', reason: 'terlalu banyak field di samping berkas; kirim hanya field "file"' });
  });

  it('refuses two files in one upload with 400 EVIDENCE.ONE_FILE_ONLY, saying to send one at a time, storing neither', async () => {
    const response = await t.http
      .post(`/api/v1/satker/${own.code}/evidence`)
      .set(as(own.users.KASUBBAG.token))
      .attach('file', Buffer.from('%PDF-1.4 satu'), { filename: 'satu.pdf', contentType: 'application/pdf' })
      .attach('file', Buffer.from('%PDF-1.4 dua'), { filename: 'dua.pdf', contentType: 'application/pdf' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'EVIDENCE.ONE_FILE_ONLY' });
    expect(response.body.message).toMatch(/satu file/);
    const stored = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM evidence_files WHERE tenant_id = $1 AND file_name IN ('satu.pdf', 'dua.pdf')`, [own.code]);
    expect(stored[0].n).toBe(0);
  });

  describe('a body nested deeper than any request needs', () => {
    const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it.each([
      ['arrays 5000 deep', `{"username":"a","password":"b","x":${nestedArrays(5000)}}`],
      ['objects 3000 deep', `{"username":"a","password":"b","x":${nestedObjects(3000)}}`],
      ['arrays one level too deep', `{"username":"a","password":"b","x":${nestedArrays(32)}}`],
    ])('refuses JSON of %s with 400 REQUEST.MALFORMED, before signing in', async (_what, body) => {
      const response = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send(body);
      expect(response.body).toEqual({
        code: 'REQUEST.MALFORMED',
        message: 'Isi permintaan bersarang terlalu dalam: paling banyak 32 tingkat.',
        details: { maxDepth: 32 },
      });
      expect(response.status).toBe(400);
    });

    it('reads a body exactly as deep as allowed, and lets its DTO judge it', async () => {
      const response = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"username":"a","password":"b","x":${nestedArrays(31)}}`);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([{ field: 'x', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' }]);
    });

    it.each([
      ['one level too deep', `username=a&password=b&x${'[a]'.repeat(32)}=1`],
      ['far too deep', `username=a&password=b&x${'[a]'.repeat(3000)}=1`],
      ['far too deep, as arrays', `username=a&password=b&x${'[]'.repeat(3000)}=1`],
    ])('never reads a form body nested %s: no route takes a form (415)', async (_what, body) => {
      const response = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/x-www-form-urlencoded').send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    });
  });

  describe('numbers too large for PostgreSQL', () => {
    it.each(['9223372036854775807', '2147483648', '99999999999999999999'])('refuses notifications from offset %s with 400, naming the field and its bound', async (offset) => {
      const response = await t.http.get(`/api/v1/me/notifications?offset=${offset}`).set(as(own.users.KETUA.token));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([{ field: 'offset', constraint: 'max', message: 'paling besar 2147483647' }]);
    });

    it.each(['1e20', '1e300'])('refuses an offset written with an exponent (%s) as not a whole number, once', async (offset) => {
      const response = await t.http.get(`/api/v1/me/notifications?offset=${offset}`).set(as(own.users.KETUA.token));
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'offset', constraint: 'isInt' })]);
    });

    it('still pages from a large but sensible offset', async () => {
      const response = await t.http.get('/api/v1/me/notifications?offset=1000000').set(as(own.users.KETUA.token));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ items: [], offset: 1000000 });
    });

    it.each([
      ['the expected version of a PK command', 'SEKRETARIS', 'post', (s: string) => `/api/v1/satker/${s}/pk/2024/submit`, { expectedVersion: 1e20 }, 'expectedVersion'],
      ['the expected version of a review note', 'SEKRETARIS', 'post', (s: string) => `/api/v1/satker/${s}/catatan-reviu/00000000-0000-4000-8000-000000000000/tindak-lanjut`, { response: 'x', expectedVersion: 9223372036854775807 }, 'expectedVersion'],
      ['the expected version of an office', 'ADMIN', 'patch', (s: string) => `/api/v1/satker/${s}`, { expectedVersion: 1e300 }, 'expectedVersion'],
      ['the size of a piece of evidence', 'KASUBBAG', 'put', (s: string) => `/api/v1/satker/${s}/realisasi/2024/1/PDI`, {
        lines: [{ indicatorCode: 'K1', value: '1', narrative: '', kendala: '', solusi: '', evidence: [{ sha256: 'a', fileName: 'a.pdf', contentType: 'application/pdf', size: 1e20 }] }],
        budget: [],
      }, 'lines.0.evidence.0.size'],
      ['an LKj version', 'KETUA', 'get', (s: string) => `/api/v1/satker/${s}/lkj/2024/versions/99999999999/pdf`, undefined, 'version'],
    ] as const)('refuses %s beyond the range of its column', async (_what, role, method, path, body, field) => {
      const request = t.http[method](path(own.code)).set(as(own.users[role].token));
      const response = body === undefined ? await request : await request.send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toContainEqual(expect.objectContaining({ field, constraint: 'max' }));
    });
  });

  describe('every validation message in Indonesian', () => {
    it('says a malformed notification id is not a UUID', async () => {
      const response = await t.http.post('/api/v1/me/notifications/not-a-uuid/read').set(as(own.users.KETUA.token));
      expect({ status: response.status, fields: response.body.details?.fields }).toEqual({
        status: 400, fields: [{ field: 'id', constraint: 'isUuid', message: 'harus berupa UUID' }],
      });
    });

    it('says an indicator code of 300 characters is too long, and how long it may be', async () => {
      const indicator = {
        code: 'K'.repeat(300), name: 'Layanan', unit: 'Layanan', target: { kind: 'SINGLE', value: '12' }, polarity: 'HIGHER_IS_BETTER',
        lowerIsBetterFormula: 'INVERSE_DIFFERENCE', aggregation: 'SUM', monthlyPlan: null, evidenceRequired: false, picSubbagian: 'PDI',
      };
      const response = await t.http
        .post(`/api/v1/satker/${own.code}/pk/2030`)
        .set(as(own.users.SEKRETARIS.token))
        .send({ programs: [{ code: 'P1', name: 'Program', kegiatan: [{ code: 'K1', name: 'Kegiatan', pagu: null, indicators: [indicator] }] }] });
      expect({ status: response.status, fields: response.body.details?.fields }).toEqual({
        status: 400,
        fields: [{ field: 'programs.0.kegiatan.0.indicators.0.code', constraint: 'isLength', message: 'panjangnya harus 1 sampai 32 karakter' }],
      });
    });

    it('says a digest day that is not in the calendar is not a date', async () => {
      const response = await t.http.get(`/api/v1/satker/${own.code}/audit/digests/2024-02-30`).set(as(own.users.INSPEKTORAT.token));
      expect(response.body.details.fields).toEqual([{ field: 'day', constraint: 'isCalendarDate', message: 'bukan tanggal yang ada di kalender (format YYYY-MM-DD, misalnya 2026-04-20)' }]);
    });
  });

  describe('an error answer', () => {
    it('carries no ETag, where an ETag is a version elsewhere (a client sending it back in If-Match was refused)', async () => {
      const missing = await t.http.get(`/api/v1/satker/${own.code}/realisasi/2024/1/TIDAKADA`).set(as(own.users.SEKRETARIS.token));
      const invalid = await t.http.post('/api/v1/auth/login').send({ username: 'admin' });
      const unmatched = await t.http.get('/tidak-ada');
      for (const answer of [missing, invalid, unmatched]) {
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.headers.etag).toBeUndefined();
        expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(answer.body)));
      }
      expect(missing.body.code).toMatch(/NOT_FOUND$/);
    });
  });

  describe('a required field that is missing or null', () => {
    it.each([
      ['missing', { username: 'admin' }],
      ['null', { username: 'admin', password: null }],
    ])('is said to be required once, not once per rule (%s)', async (_what, body) => {
      const response = await t.http.post('/api/v1/auth/login').send(body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        code: 'VALIDATION.FAILED',
        message: 'Data yang dikirim tidak valid: kata sandi (password): wajib diisi.',
        details: { fields: [{ field: 'password', constraint: 'isDefined', message: 'wajib diisi' }] },
      });
    });

    it('is named in a nested structure too', async () => {
      const response = await t.http
        .post(`/api/v1/satker/${own.code}/pk/2030`)
        .set(as(own.users.SEKRETARIS.token))
        .send({ programs: [{ code: 'P1', name: null, kegiatan: [] }] });
      expect(response.body.details.fields).toEqual([
        { field: 'programs.0.name', constraint: 'isDefined', message: 'wajib diisi' },
        { field: 'programs.0.kegiatan', constraint: 'arrayMinSize', message: 'paling sedikit 1 butir' },
      ]);
    });
  });

  it('refuses a JSON body whose bytes are not UTF-8 (it would be stored as U+FFFD), changing nothing', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"abc'), Buffer.from([0xff]), Buffer.from('x"}')]);
    const response = await t.http.patch(`/api/v1/satker/${own.code}`).set(as(own.users.ADMIN.token)).set('Content-Type', 'application/json')
      .serialize(() => bytes as unknown as string).send({});
    expect({ status: response.status, code: response.body.code, message: response.body.message }).toEqual({
      status: 400, code: 'REQUEST.MALFORMED', message: 'Isi permintaan bukan teks UTF-8 yang sah; kirim JSON dalam UTF-8.',
    });
    const office = await t.http.get(`/api/v1/satker/${own.code}`).set(as(own.users.ADMIN.token));
    expect(office.body.name).not.toContain('\ufffd');
  });

  it.each(['/api/v1/satker/%25ZZ'.replace('%25', '%'), '/api/v1/satker/%'])('refuses a path whose percent-encoding cannot be decoded (%s) as malformed', async (path) => {
    const response = await t.http.get(path).set(as(own.users.ADMIN.token));
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'REQUEST.MALFORMED' });
    expect(response.body.message).toContain('kode persen');
  });

  it('does not say which framework answers', async () => {
    const response = await t.http.get('/health');
    expect(response.headers['x-powered-by']).toBeUndefined();
    const login = await t.http.post('/api/v1/auth/login').send({});
    expect(login.headers['x-powered-by']).toBeUndefined();
  });

  it('answers with the browser protections, and nothing of the API is kept in a cache', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'tidak.ada', password: 'salah-salah-1' });
    const pk = await t.http.get(`/api/v1/satker/${own.code}/kinerja/2024`).set(as(own.users.INSPEKTORAT.token));
    for (const response of [login, pk]) {
      expect(response.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    }
    const docs = await t.http.get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    // The OpenAPI page loads its scripts from its own origin only, none inline, so the policy does not break it.
    expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});
