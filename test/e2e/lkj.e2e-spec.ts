import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '@kinerja/event-store';
import { LkjFileIntegrity, LkjProcessManager, LkjProducer, LkjOutbox } from '@kinerja/jobs';
import { ContentAddressedStore } from '@kinerja/platform';
import { jember2024ApprovedReports } from '@kinerja/reporting';
import { YearDriver } from '../../libs/jobs/src/lkj/testing/year-driver.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens } from './workflow/jember-office.fixture';
import { drainProjections } from './workflow/deadline-clock.fixture';

/**
 * The LKj over HTTP: a draft at any time, a final refused until the year is approved and then
 * answered with the version the last approval asked for, downloads re-hashed (409 when the file on
 * disk was altered, and one integrity alert per file), and last year's capaian imported as JSON and
 * CSV with per-line errors.
 * No worker runs here: the test produces pending versions with the worker's own producer.
 */
describe('Laporan Kinerja over HTTP', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const base = `/api/v1/satker/${JEMBER}/lkj/2024`;

  async function producePending(): Promise<void> {
    const producer = t.app.get(LkjProducer);
    for (const intent of await new LkjOutbox(t.db.dataSource).pending()) await producer.produce(intent.satker, intent.year, intent.version);
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-lkj-e2e-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
  });

  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a final LKj before every report of the year is approved', async () => {
    const r = await t.http.post(base).set(as(tokens.sekretaris)).send({});
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'LKJ.YEAR_NOT_COMPLETE' });
  });

  it('refuses a draft for a year without an approved PK at once (409 LKJ.NO_APPROVED_PK), recording nothing', async () => {
    const r = await t.http.post(`/api/v1/satker/${JEMBER}/lkj/2030?draft=true`).set(as(tokens.sekretaris)).send({});
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'LKJ.NO_APPROVED_PK' });
    expect(r.body.message).toMatch(/Perjanjian Kinerja 2030/);
    const final = await t.http.post(`/api/v1/satker/${JEMBER}/lkj/2030`).set(as(tokens.sekretaris)).send({});
    expect({ status: final.status, code: final.body.code }).toEqual({ status: 409, code: 'LKJ.NO_APPROVED_PK' });
    const overview = await t.http.get(`/api/v1/satker/${JEMBER}/lkj/2030`).set(as(tokens.sekretaris));
    expect(overview.body.versions).toEqual([]);
    const events = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`lkj:${JEMBER}:2030`]);
    expect(events[0].n).toBe(0);
    expect(await new LkjOutbox(t.db.dataSource).pending()).toEqual([]);
  });

  it('accepts a draft at any time, with the Sekretaris\'s saran; a retry with the same Idempotency-Key records nothing more', async () => {
    const read = await t.http.get(base).set(as(tokens.sekretaris));
    expect(read.headers.etag).toBe('"0"');
    const stale = await t.http.post(`${base}?draft=true`).set(as(tokens.sekretaris)).set('If-Match', '"3"').send({});
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'EVENT_STORE.CONCURRENCY' });
    const send = (suggestions: string[]) => t.http.post(`${base}?draft=true`).set(as(tokens.sekretaris)).set('Idempotency-Key', 'lkj-draf-2024-1').set('If-Match', '"0"').send({ suggestions });
    const r = await send(['Perkuat koordinasi lintas subbagian.']);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ version: 1, draft: true, status: 'pending', suggestions: ['Perkuat koordinasi lintas subbagian.'] });
    expect(r.headers.etag).toBe('"1"');
    const retry = await send(['Perkuat koordinasi lintas subbagian.']);
    expect({ status: retry.status, replayed: retry.headers['idempotent-replayed'], etag: retry.headers.etag }).toEqual({ status: 202, replayed: 'true', etag: '"1"' });
    expect(retry.body).toEqual(r.body);
    const other = await send(['Saran lain.']);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    const overview = await t.http.get(base).set(as(tokens.sekretaris));
    expect(overview.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(overview.headers.etag).toBe('"1"');
    expect(await new LkjOutbox(t.db.dataSource).pending()).toHaveLength(1);
  });

  it('says `draft` while only a draft exists, pending or produced, never `none`', async () => {
    expect((await t.http.get(base).set(as(tokens.sekretaris))).body).toMatchObject({ status: 'draft', latestFinalVersion: null });
    await producePending();
    const overview = await t.http.get(base).set(as(tokens.ketua));
    expect(overview.body).toMatchObject({ status: 'draft', latestFinalVersion: null, versions: [{ version: 1, draft: true, status: 'produced' }] });
    const none = await t.http.get(`/api/v1/satker/${JEMBER}/lkj/2031`).set(as(tokens.sekretaris));
    expect(none.body).toMatchObject({ status: 'none', versions: [] });
  });

  it('imports last year\'s capaian as JSON, and names each faulty CSV line in Indonesian', async () => {
    const put = await t.http.put(`/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024`).set(as(tokens.sekretaris))
      .send({ entries: [{ indicator: 'K1.1', capaian: '100' }, { indicator: 'Layanan Sarana Internal', capaian: '95,5' }] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ satker: JEMBER, forYear: 2024, year: 2023, entries: [{ indicatorCode: 'K1.1', capaian: '100.00' }, { indicatorCode: 'K6.2', capaian: '95.50' }] });
    const bad = await t.http.post(`/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024/csv`).set(as(tokens.sekretaris))
      .attach('file', Buffer.from('kode;capaian\nK1.1;100\nK9.9;100\nK1.2;banyak\nK1.3\n'), 'capaian-2023.csv');
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('CAPAIAN_TAHUN_LALU.INVALID');
    expect(bad.body.details.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    const truncated = await t.http.post(`/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024/csv`).set(as(tokens.sekretaris))
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nK1.1;100');
    expect({ status: truncated.status, code: truncated.body.code }).toEqual({ status: 400, code: 'CAPAIAN_TAHUN_LALU.MALFORMED_UPLOAD' });
    expect(truncated.body.message).toContain('berakhir sebelum batas penutupnya: isinya terpotong');
    expect(truncated.body.details).toEqual({ reason: expect.stringContaining('terpotong'), parserMessage: 'Unexpected end of form' });
    const two = await t.http.post(`/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024/csv`).set(as(tokens.sekretaris))
      .attach('file', Buffer.from('K1.2;90\n'), 'a.csv').attach('file', Buffer.from('K1.3;90\n'), 'b.csv');
    expect({ status: two.status, code: two.body.code }).toEqual({ status: 400, code: 'CAPAIAN_TAHUN_LALU.ONE_FILE_ONLY' });
    expect(two.body.message).toContain('lebih dari satu berkas');
    const crowded = await t.http.post(`/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024/csv`).set(as(tokens.sekretaris))
      .attach('file', Buffer.from('K1.2;90\n'), 'a.csv').field('a', '1').field('b', '2').field('c', '3');
    expect({ status: crowded.status, code: crowded.body.code, reason: crowded.body.details?.reason })
      .toEqual({ status: 400, code: 'CAPAIAN_TAHUN_LALU.MALFORMED_UPLOAD', reason: 'terlalu banyak field di samping berkas; kirim hanya field "file"' });
    const good = await t.http.post(`/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024/csv`).set(as(tokens.admin))
      .attach('file', Buffer.from('K1.2;100\n'), 'capaian-2023.csv');
    expect(good.status).toBe(200);
    expect(good.body.entries).toHaveLength(3);
  });

  it('refuses a CSV over 256 KiB with 413 CAPAIAN_TAHUN_LALU.FILE_TOO_LARGE, as an evidence file too large, and documents it', async () => {
    const url = `/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024/csv`;
    const big = Buffer.from('K1.1;100\n'.repeat(Math.ceil((256 * 1024 + 1) / 9)));
    const r = await t.http.post(url).set(as(tokens.sekretaris)).attach('file', big, 'capaian-2023.csv');
    expect({ status: r.status, code: r.body.code, maxBytes: r.body.details.maxBytes }).toEqual({ status: 413, code: 'CAPAIAN_TAHUN_LALU.FILE_TOO_LARGE', maxBytes: 256 * 1024 });
    const document = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(document.paths['/api/v1/satker/{satker}/capaian-tahun-lalu/{year}/csv'].post.responses)).toContain('413');
  });

  describe('capaian tahun lalu: messages a person can act on', () => {
    const url = `/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024`;
    const resave = 'Simpan ulang dari Excel sebagai "CSV UTF-8 (dipisahkan koma)" lalu unggah lagi; tidak ada yang disimpan.';
    const stored = async () => (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`capaian-tahun-lalu:${JEMBER}:2024`],
    ))[0].n as number;
    const upload = (bytes: Buffer) => t.http.post(`${url}/csv`).set(as(tokens.sekretaris)).attach('file', bytes, 'capaian-2023.csv');

    it('given a CSV Excel saved as "Teks Unicode" (UTF-16), when uploaded, then 422 CAPAIAN_TAHUN_LALU.NOT_UTF8 says to save it as CSV UTF-8 and nothing is stored', async () => {
      const before = await stored();
      const r = await upload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kode\tcapaian\r\nK1.1\t100\r\n', 'utf16le')]));
      expect({ status: r.status, code: r.body.code, message: r.body.message, details: r.body.details }).toEqual({
        status: 422, code: 'CAPAIAN_TAHUN_LALU.NOT_UTF8', details: { encoding: 'UTF-16LE' },
        message: `Berkas CSV tersimpan sebagai UTF-16 ("Teks Unicode"), bukan UTF-8. ${resave}`,
      });
      expect(await stored()).toBe(before);
    });

    it('given a Windows-1252 CSV with bytes invalid in UTF-8, when uploaded, then 422 CAPAIAN_TAHUN_LALU.NOT_UTF8 names the lines and nothing is stored', async () => {
      const before = await stored();
      const r = await upload(Buffer.concat([Buffer.from('kode;capaian\nK1.1;100\n# Keuangan '), Buffer.from([0x96]), Buffer.from(' Sekretariat\nK1.2;100\n')]));
      expect({ status: r.status, code: r.body.code, message: r.body.message, details: r.body.details }).toEqual({
        status: 422, code: 'CAPAIAN_TAHUN_LALU.NOT_UTF8', details: { encoding: 'unknown', lines: [3] },
        message: `Berkas CSV bukan UTF-8: baris 3 berisi huruf yang tidak dapat dibaca (berkas mungkin tersimpan sebagai ANSI/Windows-1252). ${resave}`,
      });
      expect(await stored()).toBe(before);
    });

    it('given a CSV saved as "CSV UTF-8" (with a BOM), when uploaded, then it is imported, its header read as a header', async () => {
      const before = await stored();
      const r = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('kode;capaian\r\nK1.2;99,5\r\n', 'utf8')]));
      expect(r.status).toBe(200);
      expect(r.body.entries).toContainEqual({ indicatorCode: 'K1.2', capaian: '99.50' });
      expect(await stored()).toBe(before + 1);
    });

    it('given faulty JSON items, when imported, then 422 CAPAIAN_TAHUN_LALU.INVALID names each item, its indicator and JSON path (no "Baris") and nothing is stored', async () => {
      const before = await stored();
      const r = await t.http.put(url).set(as(tokens.sekretaris))
        .send({ entries: [{ indicator: 'K1.1', capaian: '100' }, { indicator: 'K9.9', capaian: '100' }, { indicator: 'K1.2', capaian: 'banyak' }] });
      expect({ status: r.status, code: r.body.code, errors: r.body.details.errors }).toEqual({
        status: 422, code: 'CAPAIAN_TAHUN_LALU.INVALID', errors: [
          { item: 2, path: 'entries[1].indicator', message: 'Butir ke-2: indikator "K9.9" tidak ada di Perjanjian Kinerja 2024 (tulis kode seperti K4.1 atau nama lengkapnya).' },
          { item: 3, path: 'entries[2].capaian', message: 'Butir ke-3 (indikator K1.2): capaian "banyak" bukan angka 0–1000 (contoh: 100 atau 98,50).' },
        ],
      });
      expect(r.body.message).toBe(r.body.details.errors.map((e: { message: string }) => e.message).join(' '));
      expect(r.body.message).not.toMatch(/baris/i);
      expect(await stored()).toBe(before);
    });
  });

  it('imports last year\'s capaian idempotently and under If-Match, as JSON and as CSV', async () => {
    const url = `/api/v1/satker/${JEMBER}/capaian-tahun-lalu/2024`;
    const stream = `capaian-tahun-lalu:${JEMBER}:2024`;
    const count = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [stream]))[0].n as number;
    const read = await t.http.get(url).set(as(tokens.sekretaris));
    const version = await count();
    expect(read.headers.etag).toBe(`"${version}"`);

    const stale = await t.http.put(url).set(as(tokens.sekretaris)).set('If-Match', `"${version - 1}"`).send({ entries: [{ indicator: 'K1.1', capaian: '90' }] });
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'EVENT_STORE.CONCURRENCY' });
    const put = (capaian: string) => t.http.put(url).set(as(tokens.sekretaris)).set('Idempotency-Key', 'capaian-2023-json').set('If-Match', `"${version}"`).send({ entries: [{ indicator: 'K1.1', capaian }] });
    const first = await put('90');
    expect({ status: first.status, etag: first.headers.etag, replayed: first.headers['idempotent-replayed'] }).toEqual({ status: 200, etag: `"${version + 1}"`, replayed: undefined });
    const retry = await put('90');
    expect({ status: retry.status, etag: retry.headers.etag, replayed: retry.headers['idempotent-replayed'] }).toEqual({ status: 200, etag: `"${version + 1}"`, replayed: 'true' });
    expect(retry.body).toEqual(first.body);
    const changed = await put('80');
    expect({ status: changed.status, code: changed.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await count()).toBe(version + 1);

    const csv = (text: string) => t.http.post(`${url}/csv`).set(as(tokens.admin)).set('Idempotency-Key', 'capaian-2023-csv').attach('file', Buffer.from(text), 'capaian-2023.csv');
    const uploaded = await csv('K1.1;95\n');
    expect({ status: uploaded.status, etag: uploaded.headers.etag }).toEqual({ status: 200, etag: `"${version + 2}"` });
    const again = await csv('K1.1;95\n');
    expect({ status: again.status, replayed: again.headers['idempotent-replayed'] }).toEqual({ status: 200, replayed: 'true' });
    expect(again.body).toEqual(uploaded.body);
    const otherFile = await csv('K1.1;70\n');
    expect({ status: otherFile.status, code: otherFile.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await count()).toBe(version + 2);
    expect((await t.http.get(url).set(as(tokens.sekretaris))).body.entries).toContainEqual({ indicatorCode: 'K1.1', capaian: '95.00' });
  });

  it('documents Idempotency-Key and If-Match on the LKj request and the capaian imports, as on every command', async () => {
    const document = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string }> }>> };
    for (const [path, method] of [
      ['/api/v1/satker/{satker}/lkj/{year}', 'post'],
      ['/api/v1/satker/{satker}/capaian-tahun-lalu/{year}', 'put'],
      ['/api/v1/satker/{satker}/capaian-tahun-lalu/{year}/csv', 'post'],
    ]) {
      const headers = document.paths[path][method].parameters.filter((p) => p.in === 'header').map((p) => p.name);
      expect({ path, method, headers }).toEqual({ path, method, headers: expect.arrayContaining(['Idempotency-Key', 'If-Match']) });
    }
  });

  it('answers a final request after the last approval with the version that approval asked for', async () => {
    const driver = new YearDriver(t.db.dataSource, new EventStore(t.db.dataSource), JEMBER);
    const pk = (await driver.pkInForce(2024))!;
    for (const r of jember2024ApprovedReports()) await driver.approveReport(pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
    const r = await t.http.post(base).set(as(tokens.sekretaris)).send({});
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ version: 2, draft: false, reason: 'ALL_APPROVED', status: 'pending' });
    const again = await t.http.post(base).set(as(tokens.sekretaris)).send({});
    expect(again.body.version).toBe(2);
  });

  it('lists the produced versions and serves each file, re-hashed', async () => {
    await producePending();
    const overview = await t.http.get(base).set(as(tokens.kasubbag.PDI));
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ status: 'produced', yearComplete: true, latestFinalVersion: 2 });
    expect(overview.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'produced'], [2, 'produced']]);
    const files = overview.body.versions[1].files as Array<{ format: string; sha256: string }>;
    const pdf = await t.http.get(`${base}/versions/2/pdf`).set(as(tokens.inspektorat)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.body as Buffer).digest('hex')).toBe(files.find((f) => f.format === 'PDF')!.sha256);
    const draftDocx = await t.http.get(`${base}/versions/1/docx`).set(as(tokens.ketua));
    expect(draftDocx.status).toBe(200);
  });

  it('refuses a file altered on disk with 409 LKJ.INTEGRITY_FAILED', async () => {
    const overview = await t.http.get(base).set(as(tokens.sekretaris));
    const docx = overview.body.versions[1].files.find((f: { format: string }) => f.format === 'DOCX');
    await writeFile(new ContentAddressedStore(join(dataDir, 'lkj')).pathOf(JEMBER, docx.sha256), 'diubah');
    const r = await t.http.get(`${base}/versions/2/docx`).set(as(tokens.sekretaris));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'LKJ.INTEGRITY_FAILED' });
  });

  it('opens one integrity alert of the office for a PDF with bytes appended, however often it is downloaded, as for evidence', async () => {
    const overview = await t.http.get(base).set(as(tokens.sekretaris));
    const pdf = overview.body.versions[1].files.find((f: { format: string }) => f.format === 'PDF') as { sha256: string; size: number };
    const path = new ContentAddressedStore(join(dataDir, 'lkj')).pathOf(JEMBER, pdf.sha256);
    const original = await readFile(path);
    await appendFile(path, '\n%% ditambahkan\n');
    for (const token of [tokens.sekretaris, tokens.inspektorat, tokens.sekretaris]) {
      const r = await t.http.get(`${base}/versions/2/pdf`).set(as(token));
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'LKJ.INTEGRITY_FAILED' });
    }
    const alerts = await t.http.get(`/api/v1/satker/${JEMBER}/audit/alerts`).set(as(tokens.inspektorat));
    const forPdf = alerts.body.items.filter((a: { subject: string | null }) => a.subject === `lkj:${pdf.sha256}`);
    expect(forPdf).toEqual([expect.objectContaining({ kind: 'lkj_file_mismatch', source: 'lkj-download', resolvedAt: null })]);
    expect(forPdf[0].detail).toContain(`Berkas PDF LKj 2024 versi 2 (SHA-256 tercatat ${pdf.sha256}, ${pdf.size} bita) di penyimpanan tidak cocok`);
    expect(alerts.body.integrity.status).toBe('DAMAGED');
    // The altered DOCX of the test before has its own alert.
    expect(alerts.body.items.filter((a: { kind: string }) => a.kind === 'lkj_file_mismatch')).toHaveLength(2);

    expect(alerts.body.integrity.message).toContain('berkas Laporan Kinerja (LKj)');
    expect(alerts.body.integrity.message).not.toContain('rantai');

    // The damage is gone once the original bytes are back: what closing the alert checks.
    const integrity = t.app.get(LkjFileIntegrity);
    expect(await integrity.subjectProblem(JEMBER, `lkj:${pdf.sha256}`)).toMatch(/masih ber-SHA-256/);
    const resolve = () => t.http.post(`/api/v1/satker/${JEMBER}/audit/alerts/${forPdf[0].id}/resolve`).set(as(tokens.inspektorat))
      .send({ reason: 'Berkas PDF dipulihkan dari cadangan harian.' });
    const early = await resolve();
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'AUDIT.DAMAGE_STILL_PRESENT' });
    await writeFile(path, original);
    expect(await integrity.subjectProblem(JEMBER, `lkj:${pdf.sha256}`)).toBeNull();
    expect((await t.http.get(`${base}/versions/2/pdf`).set(as(tokens.sekretaris))).status).toBe(200);
    const closed = await resolve();
    expect(closed.status).toBe(200);
    expect(closed.body.alert).toMatchObject({ resolutionReason: 'Berkas PDF dipulihkan dari cadangan harian.' });
  });

  it('marks the produced final stale when the ADMIN sets a scale that rates it differently, and says why in the overview and the audit trail', async () => {
    const rows = [
      { minExclusive: '100', maxInclusive: null, category: 'Berhasil', meaning: 'Melampaui target' },
      { minExclusive: '80', maxInclusive: '100', category: 'Cukup Berhasil', meaning: 'Mendekati target' },
      { minExclusive: null, maxInclusive: '80', category: 'Tidak Berhasil', meaning: 'Jauh dari target' },
    ];
    const put = await t.http.put(`/api/v1/satker/${JEMBER}/rating-scale`).set(as(tokens.admin)).send({ label: 'ketat-2025', rows, reason: 'Keputusan rapat pleno.' });
    expect(put.status).toBe(200);
    expect((await t.app.get(LkjProcessManager).catchUpThroughNow()).map((i) => i.version)).toEqual([3]);
    const overview = await t.http.get(base).set(as(tokens.sekretaris));
    expect(overview.body.status).toBe('pending');
    expect(overview.body.versions.slice(1)).toEqual([
      expect.objectContaining({ version: 2, stale: true, staleReason: 'Skala penilaian capaian diubah menjadi versi 1 setelah LKj dibuat.' }),
      expect.objectContaining({ version: 3, draft: false, reason: 'RATING_SCALE_CHANGED', status: 'pending', stale: false }),
    ]);
    await drainProjections(t);
    const trail = await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail`).query({ type: 'LkjMarkedStale' }).set(as(tokens.inspektorat));
    expect(trail.status).toBe(200);
    expect((trail.body.items as Array<{ eventType: string; summary: string; reason: string | null }>).filter((r) => r.eventType === 'LkjMarkedStale')).toEqual([
      expect.objectContaining({
        summary: 'Menandai LKj 2024 versi 2 (final) usang: isinya tidak lagi sesuai data terkini.',
        reason: 'Skala penilaian capaian diubah menjadi versi 1 setelah LKj dibuat.',
      }),
    ]);
  });
});
