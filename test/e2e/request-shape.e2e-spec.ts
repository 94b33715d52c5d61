import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice } from '../support/identity-fixtures';

/**
 * What a client that sends the wrong thing is told: one message per field, in Indonesian, naming
 * the bound it broke; whole numbers in paths and queries as plain digits; JSON bodies only (and
 * multipart where a route uploads); no field or query parameter ignored without a word.
 */
describe('the shape of a request, as the API judges it', () => {
  let t: TestApp;
  let own: FixtureOffice;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: string | number, subbagian = 'PDI') => `/api/v1/satker/${own.code}/realisasi/2026/${month}/${subbagian}`;
  const english = /\b(must|should|each value|nested property|property)\b/;
  const line = (changes: Record<string, unknown> = {}) => ({ indicatorCode: 'K1', value: '1', narrative: '', kendala: '', solusi: '', evidence: [], ...changes });

  beforeAll(async () => {
    t = await createTestApp();
    ({ own } = await createTwoOffices(t));
  });
  afterAll(() => t?.close());

  describe('messages', () => {
    it('says a list sent as something else is not a list, in Indonesian, once per field', async () => {
      const realisasi = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: 'a', budget: 5 });
      expect({ status: realisasi.status, fields: realisasi.body.details.fields }).toEqual({
        status: 400,
        fields: [
          { field: 'lines', constraint: 'isArray', message: 'harus berupa daftar' },
          { field: 'budget', constraint: 'isArray', message: 'harus berupa daftar' },
        ],
      });
      const pk = await t.http.post(`/api/v1/satker/${own.code}/pk/2030`).set(as(own.users.SEKRETARIS.token)).send({ programs: 'a' });
      expect(pk.body.details.fields).toEqual([{ field: 'programs', constraint: 'isArray', message: 'harus berupa daftar' }]);
      // A list sent as an object is not looked inside: no `lines.indicatorCode` the client never sent.
      const object = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: { indicatorCode: 'K1', value: 'x' }, budget: {} });
      expect({ status: object.status, fields: object.body.details.fields }).toEqual({
        status: 400,
        fields: [
          { field: 'lines', constraint: 'isArray', message: 'harus berupa daftar' },
          { field: 'budget', constraint: 'isArray', message: 'harus berupa daftar' },
        ],
      });
      const item = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [1], budget: [] });
      expect(item.body.details.fields).toEqual([{ field: 'lines.0', constraint: 'nestedValidation', message: 'harus berupa objek' }]);
      for (const field of [...realisasi.body.details.fields, ...pk.body.details.fields, ...item.body.details.fields]) expect(field.message).not.toMatch(english);
    });

    it('says a list where an item object belongs is not an object, at any depth: never a 500 from the handler', async () => {
      // @ValidateNested walks into an inner list and finds nothing wrong with it: these reached the domain and failed there.
      const capaian = await t.http.put(`/api/v1/satker/${own.code}/capaian-tahun-lalu/2025`).set(as(own.users.SEKRETARIS.token)).send({ entries: [[]] });
      expect({ status: capaian.status, fields: capaian.body.details?.fields }).toEqual({
        status: 400, fields: [{ field: 'entries.0', constraint: 'nestedValidation', message: 'harus berupa objek' }],
      });
      const nested = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [[line()]], budget: [] });
      expect({ status: nested.status, fields: nested.body.details?.fields }).toEqual({
        status: 400, fields: [{ field: 'lines.0', constraint: 'nestedValidation', message: 'harus berupa objek' }],
      });
      const evidence = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [line({ evidence: [[]] })], budget: [] });
      expect({ status: evidence.status, fields: evidence.body.details?.fields }).toEqual({
        status: 400, fields: [{ field: 'lines.0.evidence.0', constraint: 'nestedValidation', message: 'harus berupa objek' }],
      });
      const scale = await t.http.put(`/api/v1/satker/${own.code}/rating-scale`).set(as(own.users.ADMIN.token)).send({ label: 'Skala', rows: [[], []] });
      expect({ status: scale.status, code: scale.body.code, fields: scale.body.details?.fields?.map((f: { field: string }) => f.field) })
        .toEqual({ status: 400, code: 'VALIDATION.FAILED', fields: ['rows.0', 'rows.1'] });
    });

    it.each([
      ['a month that is a word', (s: string) => `/api/v1/satker/${s}/kinerja/2024?month=x`, 'INSPEKTORAT', 'month', 'isInt', /^harus berupa bilangan bulat dari 1 sampai 12/],
      ['a year that is a word', (s: string) => `/api/v1/satker/${s}/status-matrix/abc`, 'SEKRETARIS', 'year', 'isInt', /^harus berupa bilangan bulat dari 2000 sampai 2100/],
      ['a month given twice', (s: string) => `/api/v1/satker/${s}/kinerja/2024?month=6&month=7`, 'INSPEKTORAT', 'month', 'isInt', /^hanya boleh diberikan sekali/],
      ['an empty month', (s: string) => `/api/v1/satker/${s}/kinerja/2024?month=`, 'INSPEKTORAT', 'month', 'isNotEmpty', /^tidak boleh kosong/],
    ] as const)('says what is wrong with %s once, never "too large" and "too small" together', async (_what, path, role, field, constraint, message) => {
      const response = await t.http.get(path(own.code)).set(as(own.users[role].token));
      expect({ status: response.status, fields: response.body.details.fields }).toEqual({
        status: 400, fields: [{ field, constraint, message: expect.stringMatching(message) }],
      });
    });

    it('says a size sent as text is a whole number without quotes, once', async () => {
      const evidence = [{ sha256: 'a'.repeat(64), fileName: 'a.pdf', contentType: 'application/pdf', size: '45' }];
      const response = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [line({ evidence })], budget: [] });
      expect(response.body.details.fields).toEqual([{
        field: 'lines.0.evidence.0.size', constraint: 'isInt', message: 'harus berupa bilangan bulat dari 1 sampai 2147483647, sebagai angka tanpa tanda kutip',
      }]);
    });

    it('names the bound, the length and the count a value breaks', async () => {
      const month = await t.http.get(report(13)).set(as(own.users.KASUBBAG.token));
      expect(month.body.details.fields).toEqual([{ field: 'month', constraint: 'max', message: 'paling besar 12' }]);
      const long = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [line({ narrative: 'x'.repeat(5001) })], budget: [] });
      expect(long.body.details.fields).toEqual([{ field: 'lines.0.narrative', constraint: 'maxLength', message: 'paling banyak 5000 karakter' }]);
      const many = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [], budget: Array.from({ length: 201 }, () => ({ kegiatanCode: 'K1', spent: '1' })) });
      expect(many.body.details.fields).toEqual([{ field: 'budget', constraint: 'arrayMaxSize', message: 'paling banyak 200 butir' }]);
    });

    it('says what a subbagian code is made of', async () => {
      const response = await t.http.get(report(1, 'hsdm')).set(as(own.users.KASUBBAG.token));
      expect(response.body.details.fields).toEqual([{ field: 'subbagian', constraint: 'matches', message: expect.stringContaining('huruf besar A–Z, angka 0–9') }]);
    });
  });

  describe('whole numbers in a path or a query', () => {
    it.each(['1e1', '0x1', '010', '%201', '1.0', '+1'])('refuses the month %s rather than read it loosely', async (month) => {
      const response = await t.http.get(report(month)).set(as(own.users.KASUBBAG.token));
      expect({ status: response.status, fields: response.body.details.fields }).toEqual({
        status: 400, fields: [{ field: 'month', constraint: 'isInt', message: expect.stringContaining('ditulis hanya dengan angka 0–9') }],
      });
    });

    it('refuses a query month with a space in it, and reads plain digits', async () => {
      const spaced = await t.http.get(`/api/v1/satker/${own.code}/kinerja/2024?month=%206`).set(as(own.users.INSPEKTORAT.token));
      expect(spaced.body.details.fields).toEqual([expect.objectContaining({ field: 'month', constraint: 'isInt' })]);
      const plain = await t.http.get(`/api/v1/satker/${own.code}/kinerja/2024?month=6`).set(as(own.users.INSPEKTORAT.token));
      expect({ status: plain.status, code: plain.body.code }).toEqual({ status: 404, code: 'KINERJA.NO_APPROVED_PK' });
      expect(plain.body.message).toMatch(/Tabel 3\.2 tersedia setelah Sekretaris mengajukan PK tahun tersebut dan Ketua \(atau Sekretaris lain\) menyetujuinya\.$/);
      const report1 = await t.http.get(report(1)).set(as(own.users.KASUBBAG.token));
      expect({ status: report1.status, code: report1.body.code }).toEqual({ status: 404, code: 'REALISASI.NOT_FOUND' });
      expect(report1.body.message).toBe('Laporan realisasi PDI bulan Januari 2026 belum diisi.');
      const history = await t.http.get(`${report(10)}/history`).set(as(own.users.KASUBBAG.token));
      expect({ status: history.status, message: history.body.message }).toEqual({ status: 404, message: 'Laporan realisasi PDI bulan Oktober 2026 belum diisi.' });
      // Approving or returning it answers as reading it does: the month named, the key in details.
      const expected = {
        status: 404, code: 'REALISASI.NOT_FOUND', message: 'Laporan realisasi PDI bulan Mei 2026 belum diisi.',
        details: { satker: own.code, year: 2026, month: 5, subbagian: 'PDI' },
      };
      for (const [action, body] of [['approve', {}], ['return', { reason: 'Data belum lengkap' }]] as const) {
        const r = await t.http.post(`${report(5)}/${action}`).set(as(own.users.SEKRETARIS.token)).send(body);
        expect({ status: r.status, code: r.body.code, message: r.body.message, details: r.body.details }).toEqual(expected);
      }
    });
  });

  describe('lists of text', () => {
    it.each([
      [[''], 'suggestions.0', 'saran butir ke-1 (suggestions.0)'],
      [['Perkuat koordinasi.', '   '], 'suggestions.1', 'saran butir ke-2 (suggestions.1)'],
      [['Saran pertama', ' ', 'Saran ketiga'], 'suggestions.1', 'saran butir ke-2 (suggestions.1)'],
      [['\u3000'], 'suggestions.0', 'saran butir ke-1 (suggestions.0)'],
    ])('refuses an LKj saran list with a blank item (%j) naming the item, rather than dropping it', async (suggestions, field, named) => {
      const response = await t.http.post(`/api/v1/satker/${own.code}/lkj/2026?draft=true`).set(as(own.users.SEKRETARIS.token)).send({ suggestions });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(response.body.details.fields).toEqual([
        { field, constraint: 'isNotBlank', message: expect.stringContaining('tidak boleh hanya berisi spasi') },
      ]);
      expect(response.body.message).toContain(`${named}: tidak boleh hanya berisi spasi`);
    });
  });

  describe('free text a person types', () => {
    const lkj = () => `/api/v1/satker/${own.code}/lkj/2026?draft=true`;
    const refused = (field: string, code: string) => ({
      status: 400, code: 'VALIDATION.FAILED', fields: [{ field, constraint: 'isFreeText', message: expect.stringContaining(`(${code})`) }],
    });
    const answer = (r: { status: number; body: { code: string; details?: { fields?: unknown } } }) => ({ status: r.status, code: r.body.code, fields: r.body.details?.fields });

    it.each([['\u009b', 'U+009B'], ['\u0085', 'U+0085'], ['\u202e', 'U+202E'], ['\u200b', 'U+200B'], ['\u2028', 'U+2028'], ['\u2066', 'U+2066']])(
      'refuses %j in a report\'s uraian, kendala and solusi, a file name, an LKj saran and a reason, naming the field and the character',
      async (character, code) => {
        const text = `Rapat koordinasi${character} terlaksana`;
        const kasubbag = as(own.users.KASUBBAG.token);
        for (const field of ['narrative', 'kendala', 'solusi'] as const) {
          const r = await t.http.put(report(1)).set(kasubbag).send({ lines: [line({ [field]: text })], budget: [] });
          expect(answer(r)).toEqual(refused(`lines.0.${field}`, code));
        }
        const evidence = [{ sha256: 'a'.repeat(64), fileName: `notulen${character}.pdf`, contentType: 'application/pdf', size: 45 }];
        expect(answer(await t.http.put(report(1)).set(kasubbag).send({ lines: [line({ evidence })], budget: [] })))
          .toEqual(refused('lines.0.evidence.0.fileName', code));
        expect(answer(await t.http.post(lkj()).set(as(own.users.SEKRETARIS.token)).send({ suggestions: ['Saran pertama', text] })))
          .toEqual(refused('suggestions.1', code));
        expect(answer(await t.http.post(`${report(1)}/return`).set(as(own.users.SEKRETARIS.token)).send({ reason: text })))
          .toEqual(refused('reason', code));
        expect(answer(await t.http.post(`/api/v1/satker/${own.code}/pk/2026/return`).set(as(own.users.KETUA.token)).send({ reason: text })))
          .toEqual(refused('reason', code));
        const note = { category: 'CATATAN', target: { kind: 'YEAR', year: 2026 }, title: 'Judul', description: text, recommendation: 'Lengkapi.' };
        expect(answer(await t.http.post(`/api/v1/satker/${own.code}/catatan-reviu`).set(as(own.users.INSPEKTORAT.token)).send(note)))
          .toEqual(refused('description', code));
        expect(answer(await t.http.post(`/api/v1/satker/${own.code}/report-deadlines/2026/1/extension`).set(as(own.users.SEKRETARIS.token))
          .send({ until: '2099-01-01', reason: text }))).toEqual(refused('reason', code));
      },
    );

    it('says in Indonesian what the character does, and keeps line breaks where a text has several lines but not in a file name or a title', async () => {
      const override = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [line({ narrative: 'laporan\u202efdp.exe' })], budget: [] });
      expect(override.body.details.fields[0].message).toBe(
        'berisi pengatur arah teks yang tidak terlihat (U+202E), yang mengubah urutan huruf yang tampil sehingga yang terbaca tidak sama dengan ' +
        'yang diketik; hapus karakter itu (ketik ulang teksnya, jangan menempelnya dari dokumen lain)',
      );
      expect(override.body.message).toMatch(/^Data yang dikirim tidak valid: baris ke-1, uraian \(lines\.0\.narrative\): berisi pengatur arah teks/);
      const evidence = [{ sha256: 'a'.repeat(64), fileName: 'notulen\n.pdf', contentType: 'application/pdf', size: 45 }];
      const fileName = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [line({ evidence })], budget: [] });
      expect(fileName.body.details.fields).toEqual([
        { field: 'lines.0.evidence.0.fileName', constraint: 'isFreeText', message: 'harus satu baris: tidak boleh berisi baris baru atau tab (U+000A)' },
      ]);
      const title = await t.http.post(`/api/v1/satker/${own.code}/catatan-reviu`).set(as(own.users.INSPEKTORAT.token))
        .send({ category: 'CATATAN', target: { kind: 'YEAR', year: 2026 }, title: 'Judul\r\nbaris dua', description: 'a', recommendation: 'b' });
      expect(title.body.details.fields).toEqual([expect.objectContaining({ field: 'title', constraint: 'isFreeText' })]);
    });

    it('accepts line breaks, tabs, emoji and every script in a narrative (judged past the input rule, by the domain)', async () => {
      const narrative = 'Kendala:\r\n\t- SPJ terlambat 😟\n- keluarga 👨‍👩‍👧, hati ❤️, می‌خواهم, Tiếng Việt';
      const response = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [line({ narrative })], budget: [] });
      // No PK is approved for 2026 in this office: the body passed the input rules and reached the domain.
      expect(response.body.code).not.toBe('VALIDATION.FAILED');
      const suggestions = await t.http.post(lkj()).set(as(own.users.SEKRETARIS.token)).send({ suggestions: ['Tingkatkan 👍 koordinasi\nlintas subbagian'] });
      expect(suggestions.body.code).not.toBe('VALIDATION.FAILED');
    });
  });

  describe('a subbagian the office does not have', () => {
    it('is named as such (404 SUBBAGIAN.NOT_FOUND with the codes the office has), not as a report not filled in yet', async () => {
      const expected = {
        status: 404, code: 'SUBBAGIAN.NOT_FOUND',
        message: `Subbagian "XYZ" tidak ada pada satker ${own.code}, jadi tidak ada laporan realisasinya. Subbagian satker ini: KUL, PDI. Periksa kode subbagian pada alamat.`,
        details: { satker: own.code, year: 2026, month: 1, subbagian: 'XYZ', subbagianCodes: ['KUL', 'PDI'] },
      };
      const read = await t.http.get(report(1, 'XYZ')).set(as(own.users.SEKRETARIS.token));
      expect({ status: read.status, code: read.body.code, message: read.body.message, details: read.body.details }).toEqual(expected);
      const history = await t.http.get(`${report(1, 'XYZ')}/history`).set(as(own.users.SEKRETARIS.token));
      expect({ status: history.status, code: history.body.code, message: history.body.message, details: history.body.details }).toEqual(expected);
      for (const [action, body] of [['approve', {}], ['return', { reason: 'Data belum lengkap' }]] as const) {
        const r = await t.http.post(`${report(1, 'XYZ')}/${action}`).set(as(own.users.SEKRETARIS.token)).send(body);
        expect({ status: r.status, code: r.body.code, message: r.body.message, details: r.body.details }).toEqual(expected);
      }
      // A subbagian it has, with nothing written yet, still reads as a report not filled in.
      const kul = await t.http.get(report(1, 'KUL')).set(as(own.users.SEKRETARIS.token));
      expect({ status: kul.status, code: kul.body.code }).toEqual({ status: 404, code: 'REALISASI.NOT_FOUND' });
    });
  });

  describe('bodies', () => {
    it.each([
      ['a form (what curl -d sends)', 'application/x-www-form-urlencoded'],
      ['text', 'text/plain'],
      ['XML', 'application/xml'],
    ])('refuses %s where a command takes JSON with 415, saying what to send', async (_what, contentType) => {
      const response = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).set('Content-Type', contentType).send('{"lines":[],"budget":[]}');
      expect(response.status).toBe(415);
      expect(response.body).toEqual({
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        message: `Jenis isi ${contentType} tidak didukung di alamat ini; kirim JSON dengan Content-Type: application/json.`,
        details: { contentType, accepted: ['application/json'] },
      });
    });

    it('answers a caller who is not signed in with 401 before judging the body or the query', async () => {
      const form = await t.http.put(report(1)).set('Content-Type', 'text/plain').send('x');
      expect({ status: form.status, code: form.body.code }).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
      const query = await t.http.get(`${report(1)}/history?tidak=dikenal`);
      expect({ status: query.status, code: query.body.code }).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    });

    it.each(['"1e1"', 'versi-3', '"-1"'])('refuses an If-Match that names no version (%s) as unreadable input, 400', async (ifMatch) => {
      const response = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).set('If-Match', ifMatch).send({ lines: [], budget: [] });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'REQUEST.INVALID_IF_MATCH' });
    });

    it('refuses JSON in another charset with the same code', async () => {
      const response = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).set('Content-Type', 'application/json; charset=latin1').send('{"lines":[],"budget":[]}');
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    });

    it('reads JSON, and a command sent without a body is not judged by its media type', async () => {
      const json = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).send({ lines: [], budget: [] });
      expect({ status: json.status, code: json.body.code }).toEqual({ status: 409, code: 'REALISASI.NO_APPROVED_PK' });
      const empty = await t.http.post(`${report(1)}/approve`).set(as(own.users.SEKRETARIS.token));
      expect(empty.status).not.toBe(415);
    });

    it('takes an upload as multipart, and refuses JSON there with 415', async () => {
      const uploaded = await t.http
        .post(`/api/v1/satker/${own.code}/evidence`)
        .set(as(own.users.KASUBBAG.token))
        .attach('file', evidencePdf('bukti'), { filename: 'bukti.pdf', contentType: 'application/pdf' });
      expect(uploaded.status).toBe(201);
      const json = await t.http.post(`/api/v1/satker/${own.code}/evidence`).set(as(own.users.KASUBBAG.token)).send({ file: 'x' });
      expect({ status: json.status, code: json.body.code, accepted: json.body.details.accepted }).toEqual({
        status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', accepted: ['multipart/form-data'],
      });
    });

    it('refuses __proto__ and constructor like any other unknown field, at any depth', async () => {
      const body = '{"lines":[{"indicatorCode":"K1","value":"1","narrative":"","kendala":"","solusi":"","evidence":[],"constructor":{}}],"budget":[],"__proto__":{"x":1},"constructor":1}';
      const response = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).set('Content-Type', 'application/json').send(body);
      expect({ status: response.status, fields: response.body.details.fields }).toEqual({
        status: 400,
        fields: [
          { field: 'lines.0.constructor', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
          { field: '__proto__', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
          { field: 'constructor', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
        ],
      });
      const login = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":"a","password":"b","__proto__":{"role":"ADMIN"}}');
      expect({ status: login.status, fields: login.body.details.fields }).toEqual({
        status: 400, fields: [{ field: '__proto__', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' }],
      });
    });

    it('refuses every name an object inherits (toString, valueOf, hasOwnProperty …) as unknown, and prints each as sent', async () => {
      const unknown = (field: string) => ({ field, constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' });
      const body = '{"lines":[],"budget":[],"toString":1,"valueOf":"x","hasOwnProperty":{},"constructor":1,"__proto__":{}}';
      const response = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).set('Content-Type', 'application/json').send(body);
      expect({ status: response.status, fields: response.body.details.fields }).toEqual({
        status: 400, fields: ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__'].map(unknown),
      });
      expect(response.body.message).toBe(
        'Data yang dikirim tidak valid: toString: kolom ini tidak dikenal; valueOf: kolom ini tidak dikenal; hasOwnProperty: kolom ini tidak dikenal; ' +
          'dan 2 masalah lain (lihat details.fields).',
      );
      const single = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).set('Content-Type', 'application/json').send('{"lines":[],"budget":[],"constructor":1}');
      expect(single.body.message).toBe('Data yang dikirim tidak valid: constructor: kolom ini tidak dikenal.');
      const proto = await t.http.put(report(1)).set(as(own.users.KASUBBAG.token)).set('Content-Type', 'application/json').send('{"lines":[],"budget":[],"__proto__":{}}');
      expect(proto.body.message).toBe('Data yang dikirim tidak valid: __proto__: kolom ini tidak dikenal.');
      // In a query: a route that takes none, and one whose query is a DTO.
      const history = await t.http.get(`${report(1)}/history?constructor=1`).set(as(own.users.KASUBBAG.token));
      const trail = await t.http.get(`/api/v1/satker/${own.code}/audit/trail?toString=1&valueOf=2`).set(as(own.users.SEKRETARIS.token));
      expect([history, trail].map((r) => [r.status, r.body.message])).toEqual([
        [400, 'Data yang dikirim tidak valid: constructor: kolom ini tidak dikenal.'],
        [400, 'Data yang dikirim tidak valid: toString: kolom ini tidak dikenal; valueOf: kolom ini tidak dikenal.'],
      ]);
    });
  });

  describe('paths no route takes', () => {
    it.each([
      ['GET', '//api/v1/satker'],
      ['PUT', '//api/v1/satker/kpu-kab-jember'],
      ['POST', '/tidak-ada'],
      ['DELETE', '/api//v1/satker'],
      ['GET', '/api/v2/satker'],
    ] as const)('%s %s is answered 404 ROUTE.NOT_FOUND in JSON, in Indonesian, not Express\'s HTML', async (method, path) => {
      const response = await t.http[method.toLowerCase() as 'get' | 'put' | 'post' | 'delete'](path).set(as(own.users.ADMIN.token));
      expect({ status: response.status, type: response.type, body: response.body })
        .toEqual({ status: 404, type: 'application/json', body: { code: 'ROUTE.NOT_FOUND', message: 'Alamat yang diminta tidak ditemukan.', details: {} } });
    });
  });

  describe('query parameters a route does not take', () => {
    it.each([
      ['the status matrix', 'SEKRETARIS', (s: string) => `/api/v1/satker/${s}/status-matrix/2024`, 200],
      ['the approval inbox', 'SEKRETARIS', (s: string) => `/api/v1/satker/${s}/approval-inbox`, 200],
      ['the history of a report', 'KASUBBAG', (s: string) => `/api/v1/satker/${s}/realisasi/2026/1/PDI/history`, 404],
    ] as const)('are refused by %s as the kinerja table refuses them', async (_what, role, path, status) => {
      const unknown = await t.http.get(`${path(own.code)}?foo=1&month=6`).set(as(own.users[role].token));
      expect({ status: unknown.status, fields: unknown.body.details?.fields }).toEqual({
        status: 400,
        fields: [
          { field: 'foo', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
          { field: 'month', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
        ],
      });
      const none = await t.http.get(path(own.code)).set(as(own.users[role].token));
      expect(none.status).toBe(status);
    });
  });
});
