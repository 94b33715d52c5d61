import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControllableClock } from '@kinerja/platform';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/**
 * The rules of the workflow as a client meets them over HTTP: optimistic concurrency, idempotent
 * retries, maker-checker, the period and PK rules, required evidence, strict bodies, and evidence
 * files that are checked by content and re-hashed before they are served.
 * The clock stands on 15 June 2024 (Asia/Jakarta); the PK of 2024 requires evidence everywhere.
 */
describe('workflow rules at the HTTP edge', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (year: number, month: number, subbagian = 'KUL') => `/api/v1/satker/${JEMBER}/realisasi/${year}/${month}/${subbagian}`;
  const pdf = evidencePdf('SPJ Mei');
  let evidence: { sha256: string; fileName: string; contentType: string; size: number };

  function content(month: number, withEvidence = true) {
    const { indicators, kegiatan } = ownedBy('KUL');
    return {
      lines: indicators.map((i) => ({
        indicatorCode: i.code, value: '1', narrative: `Realisasi bulan ${month}.`, kendala: '-', solusi: '-',
        evidence: withEvidence ? [evidence] : [],
      })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '250000' })),
    };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-evidence-'));
    t = await createTestApp({ clock, env: { DATA_DIR: dataDir, EVIDENCE_MAX_BYTES: '4096' } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024, JEMBER, { evidenceRequired: true });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('evidence files', () => {
    it('stores an upload by content and returns its reference', async () => {
      const response = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.KUL)).attach('file', pdf, { filename: 'spj-mei.pdf', contentType: 'application/pdf' });
      expect(response.status).toBe(201);
      evidence = response.body;
      expect(evidence).toMatchObject({ fileName: 'spj-mei.pdf', contentType: 'application/pdf', size: pdf.length });
      expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('serves it back unchanged to the office\'s roles', async () => {
      const response = await t.http.get(`/api/v1/satker/${JEMBER}/evidence/${evidence.sha256}`).set(as(tokens.inspektorat)).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('application/pdf');
      expect(Buffer.compare(response.body as Buffer, pdf)).toBe(0);
    });

    it('refuses a file over EVIDENCE_MAX_BYTES with 413', async () => {
      const big = evidencePdf('besar', 5000);
      const response = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.KUL)).attach('file', big, { filename: 'besar.pdf', contentType: 'application/pdf' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 413, code: 'EVIDENCE.TOO_LARGE' });
    });

    it('refuses content that is not an allowed type, whatever its name and declared type, with 415', async () => {
      const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode');
      const response = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.KUL)).attach('file', exe, { filename: 'laporan.pdf', contentType: 'application/pdf' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 415, code: 'EVIDENCE.TYPE_NOT_ALLOWED' });
    });

    it('refuses an empty file with 422 EVIDENCE.EMPTY_FILE, saying it is empty', async () => {
      const response = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.KUL)).attach('file', Buffer.alloc(0), { filename: 'kosong.pdf', contentType: 'application/pdf' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'EVIDENCE.EMPTY_FILE' });
      expect(response.body.message).toContain('kosong');
    });

    it('never serves a file swapped on disk: 409 EVIDENCE.INTEGRITY_FAILED', async () => {
      const forged = evidencePdf('forged');
      const upload = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.sekretaris)).attach('file', evidencePdf('original'), 'asli.pdf');
      expect(upload.status).toBe(201);
      const sha = upload.body.sha256 as string;
      writeFileSync(join(dataDir, 'evidence', JEMBER, sha.slice(0, 2), sha), forged);
      const response = await t.http.get(`/api/v1/satker/${JEMBER}/evidence/${sha}`).set(as(tokens.sekretaris));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'EVIDENCE.INTEGRITY_FAILED' });

      const again = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.sekretaris)).attach('file', evidencePdf('original'), 'asli.pdf');
      expect({ status: again.status, sha256: again.body.sha256 }).toEqual({ status: 201, sha256: sha });
      const repaired = await t.http.get(`/api/v1/satker/${JEMBER}/evidence/${sha}`).set(as(tokens.sekretaris)).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(repaired.status).toBe(200);
      expect(Buffer.compare(repaired.body as Buffer, evidencePdf('original'))).toBe(0);
    });

    it('keeps a file name written in any script, as the Kasubbag named it', async () => {
      const name = 'Laporan Ünïk – 😀 Mei.pdf';
      const response = await t.http
        .post(`/api/v1/satker/${JEMBER}/evidence`)
        .set(as(tokens.kasubbag.KUL))
        .attach('file', evidencePdf('nama'), { filename: name, contentType: 'application/pdf' });
      expect({ status: response.status, fileName: response.body.fileName }).toEqual({ status: 201, fileName: name });
      const download = await t.http.get(`/api/v1/satker/${JEMBER}/evidence/${response.body.sha256}`).set(as(tokens.kasubbag.KUL));
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    });

    it("keeps one subbagian's files from another's Kasubbag, like its reports: 404 as if it did not exist", async () => {
      const uploaded = await t.http
        .post(`/api/v1/satker/${JEMBER}/evidence`)
        .set(as(tokens.kasubbag.KUL))
        .attach('file', evidencePdf('SP2D KUL'), { filename: 'sp2d-kul.pdf', contentType: 'application/pdf' });
      const path = `/api/v1/satker/${JEMBER}/evidence/${uploaded.body.sha256}`;
      const other = await t.http.get(path).set(as(tokens.kasubbag.PDI));
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 404, code: 'EVIDENCE.NOT_FOUND' });
      expect((await t.http.get(path).set(as(tokens.kasubbag.KUL))).status).toBe(200);
      expect((await t.http.get(path).set(as(tokens.sekretaris))).status).toBe(200);
      expect((await t.http.get(path).set(as(tokens.inspektorat))).status).toBe(200);
    });

    it("lets a Kasubbag read a file once a report of their subbagian refers to it, and attach only their subbagian's files", async () => {
      const bytes = evidencePdf('nota dinas');
      const uploaded = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.sekretaris)).attach('file', bytes, { filename: 'nota-dinas.pdf', contentType: 'application/pdf' });
      const path = `/api/v1/satker/${JEMBER}/evidence/${uploaded.body.sha256}`;
      expect((await t.http.get(path).set(as(tokens.kasubbag.KUL))).status).toBe(404);
      const withFile = { ...content(5), lines: content(5).lines.map((l) => ({ ...l, evidence: [uploaded.body] })) };
      const refused = await t.http.put(report(2024, 5)).set(as(tokens.kasubbag.KUL)).send(withFile);
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_NOT_UPLOADED' });
      const own = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.KUL)).attach('file', bytes, { filename: 'nota-dinas.pdf', contentType: 'application/pdf' });
      expect(own.body.sha256).toBe(uploaded.body.sha256);
      expect((await t.http.put(report(2024, 5)).set(as(tokens.kasubbag.KUL)).send(withFile)).status).toBe(200);
      expect((await t.http.get(path).set(as(tokens.kasubbag.KUL))).status).toBe(200);
      expect((await t.http.get(path).set(as(tokens.kasubbag.PDI))).status).toBe(404);
    });
  });

  describe('monthly reports', () => {
    it('refuses a month that has not ended (422 REALISASI.MONTH_NOT_ENDED)', async () => {
      const response = await t.http.put(report(2024, 6)).set(as(tokens.kasubbag.KUL)).send(content(6));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'REALISASI.MONTH_NOT_ENDED' });
      expect(response.body.message).toBe('Bulan Juni 2024 belum berakhir; laporan dapat dikirim mulai 1 Juli 2024 pukul 00.00 WIB.');
    });

    it('refuses a year without an approved PK (409 REALISASI.NO_APPROVED_PK)', async () => {
      const response = await t.http.put(report(2023, 12)).set(as(tokens.kasubbag.KUL)).send(content(12));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'REALISASI.NO_APPROVED_PK' });
      expect(response.body.message).toBe('Belum ada Perjanjian Kinerja 2023 yang disetujui untuk satker ini. Laporan realisasi baru dapat diisi '
        + 'setelah Sekretaris mengajukan PK tahun tersebut dan Ketua (atau Sekretaris lain) menyetujuinya.');
    });

    it('refuses to submit a reported value without the required evidence (422 REALISASI.EVIDENCE_REQUIRED)', async () => {
      const response = await t.http.post(`${report(2024, 1)}/submit`).set(as(tokens.kasubbag.KUL)).send(content(1, false));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_REQUIRED' });
    });

    it('refuses evidence that was never uploaded to the office', async () => {
      const body = content(1);
      body.lines[0].evidence = [{ ...evidence, sha256: 'b'.repeat(64) }];
      const response = await t.http.put(report(2024, 1)).set(as(tokens.kasubbag.KUL)).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_NOT_UPLOADED' });
    });

    it.each([
      ['another type', { contentType: 'image/png' }],
      ['another size', { size: 999999 }],
    ])('refuses a reference that says %s than the uploaded file has (422 REALISASI.EVIDENCE_MISMATCH), writing nothing', async (_what, lie) => {
      const body = content(1);
      body.lines[0].evidence = [{ ...evidence, ...lie }];
      const response = await t.http.put(report(2024, 1)).set(as(tokens.kasubbag.KUL)).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_MISMATCH' });
      expect(response.body.details.mismatched[0]).toMatchObject({ indicator: body.lines[0].indicatorCode, stored: { contentType: 'application/pdf', size: pdf.length } });
      const none = await t.http.get(report(2024, 1)).set(as(tokens.kasubbag.KUL));
      expect(none.status).toBe(404);
    });

    it('refuses the same uploaded file attached twice to one line (422 REALISASI.DUPLICATE_EVIDENCE), writing nothing', async () => {
      const body = content(1);
      body.lines[0].evidence = [evidence, { ...evidence, fileName: 'salinan-spj.pdf' }];
      const response = await t.http.put(report(2024, 1)).set(as(tokens.kasubbag.KUL)).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'REALISASI.DUPLICATE_EVIDENCE' });
      expect(response.body.message).toContain('dilampirkan lebih dari sekali');
      const none = await t.http.get(report(2024, 1)).set(as(tokens.kasubbag.KUL));
      expect(none.status).toBe(404);
    });

    it('refuses a file name with a folder in it (422 REALISASI.INVALID_EVIDENCE)', async () => {
      const body = content(1);
      body.lines[0].evidence = [{ ...evidence, fileName: '../../laporan.pdf' }];
      const response = await t.http.put(report(2024, 1)).set(as(tokens.kasubbag.KUL)).send(body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'REALISASI.INVALID_EVIDENCE' });
    });

    it('refuses unknown fields with 400, before anything is decided', async () => {
      const top = await t.http.put(report(2024, 1)).set(as(tokens.kasubbag.KUL)).send({ ...content(1), approvedBy: 'me' });
      expect(top.status).toBe(400);
      const body = content(1);
      (body.lines[0] as Record<string, unknown>).capaian = '100';
      const nested = await t.http.put(report(2024, 1)).set(as(tokens.kasubbag.KUL)).send(body);
      expect(nested.status).toBe(400);
      const none = await t.http.get(report(2024, 1)).set(as(tokens.kasubbag.KUL));
      expect({ status: none.status, code: none.body.code }).toEqual({ status: 404, code: 'REALISASI.NOT_FOUND' });
    });

    it('lets only the Kasubbag of the subbagian write its report (403 REALISASI.OTHER_SUBBAGIAN)', async () => {
      const response = await t.http.put(report(2024, 1)).set(as(tokens.kasubbag.PDI)).send(content(1));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'REALISASI.OTHER_SUBBAGIAN' });
      // The refusal names the reader's own subbagian, so a mistyped code in the address is seen for what it is.
      expect(response.body.message).toBe('Anda Kepala Subbagian PDI; laporan subbagian KUL hanya dapat diisi dan dibaca oleh Kepala Subbagian KUL.');
      expect(response.body.details).toEqual({ subbagian: 'KUL', ownSubbagian: 'PDI' });
    });

    it('tells a Kasubbag who names a subbagian the office does not have that it does not exist (404 SUBBAGIAN.NOT_FOUND), naming the codes it has', async () => {
      const typos = [
        t.http.get(report(2024, 1, 'PD1')).set(as(tokens.kasubbag.PDI)),
        t.http.get(`${report(2024, 1, 'PD1')}/history`).set(as(tokens.kasubbag.PDI)),
        t.http.put(report(2024, 1, 'PD1')).set(as(tokens.kasubbag.PDI)).send(content(1)),
        t.http.post(`${report(2024, 1, 'PD1')}/submit`).set(as(tokens.kasubbag.PDI)).send({}),
        t.http.post(`${report(2024, 1, 'PD1')}/revise`).set(as(tokens.kasubbag.PDI)).send({ reason: 'Salah ketik angka realisasi.' }),
      ];
      for (const typo of await Promise.all(typos)) {
        expect({ status: typo.status, code: typo.body.code, codes: typo.body.details.subbagianCodes }).toEqual({
          status: 404, code: 'SUBBAGIAN.NOT_FOUND', codes: ['HSDM', 'KUL', 'PDI', 'TPH'],
        });
        expect(typo.body.message).toContain('Periksa kode subbagian pada alamat');
      }
      // Another subbagian that exists is still refused as another's, whatever the command.
      const other = await t.http.post(`${report(2024, 1, 'KUL')}/submit`).set(as(tokens.kasubbag.PDI)).send({});
      expect({ status: other.status, code: other.body.code, details: other.body.details }).toEqual({
        status: 403, code: 'REALISASI.OTHER_SUBBAGIAN', details: { subbagian: 'KUL', ownSubbagian: 'PDI' },
      });
    });

    it('records who, from where and in which request with every event', async () => {
      const saved = await t.http.put(report(2024, 4)).set(as(tokens.kasubbag.KUL)).set('X-Correlation-Id', 'corr-rules-0001').set('User-Agent', 'kinerja-e2e').send(content(4));
      expect(saved.status).toBe(200);
      const [row] = await t.db.dataSource.query(
        `SELECT metadata FROM events WHERE tenant_id = $1 AND stream_id = $2`, [JEMBER, 'realisasi:kpu-kab-jember:2024:04:KUL'],
      );
      expect(row.metadata).toMatchObject({ correlationId: 'corr-rules-0001', actorRole: 'KASUBBAG', userAgent: 'kinerja-e2e', clientAddress: expect.any(String) });
    });

    it('refuses a stale If-Match with 409 and accepts the current one', async () => {
      const saved = await t.http.put(report(2024, 2)).set(as(tokens.kasubbag.KUL)).send(content(2));
      expect(saved.status).toBe(200);
      expect(saved.headers.etag).toBe('"1"');
      // The same draft again changes nothing (same version); a changed one is version 2.
      const same = await t.http.put(report(2024, 2)).set(as(tokens.kasubbag.KUL)).set('If-Match', '"1"').send(content(2));
      expect({ status: same.status, etag: same.headers.etag }).toEqual({ status: 200, etag: '"1"' });
      const changed = { ...content(2), lines: content(2).lines.map((l) => ({ ...l, narrative: `${l.narrative} Diperbarui.` })) };
      const again = await t.http.put(report(2024, 2)).set(as(tokens.kasubbag.KUL)).set('If-Match', '"1"').send(changed);
      expect(again.headers.etag).toBe('"2"');
      const stale = await t.http.post(`${report(2024, 2)}/submit`).set(as(tokens.kasubbag.KUL)).set('If-Match', '"1"').send({});
      expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'EVENT_STORE.CONCURRENCY' });
      const current = await t.http.post(`${report(2024, 2)}/submit`).set(as(tokens.kasubbag.KUL)).send({ expectedVersion: 2 });
      expect({ status: current.status, state: current.body.status, etag: current.headers.etag }).toEqual({ status: 200, state: 'SUBMITTED', etag: '"3"' });
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['longer than 120 characters', 'k'.repeat(121)],
      ['with a control or non-ASCII character', 'kunci\u00e9-1'],
    ])('refuses an Idempotency-Key that is %s (422 IDEMPOTENCY.INVALID_KEY), appending nothing', async (_what, key) => {
      const before = await t.http.get(report(2024, 5)).set(as(tokens.kasubbag.KUL));
      const put = await t.http.put(report(2024, 5)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send(content(5));
      expect({ status: put.status, code: put.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.INVALID_KEY' });
      expect(put.body.message).toMatch(/Idempotency-Key/);
      const after = await t.http.get(report(2024, 5)).set(as(tokens.kasubbag.KUL));
      expect({ status: after.status, version: after.body.version }).toEqual({ status: before.status, version: before.body.version });
    });

    it('replays a command with the same Idempotency-Key: the first answer, nothing appended', async () => {
      const key = 'approve-2024-02-kul-0001';
      const first = await t.http.post(`${report(2024, 2)}/approve`).set(as(tokens.sekretaris)).set('Idempotency-Key', key).send({});
      expect({ status: first.status, state: first.body.status }).toEqual({ status: 200, state: 'APPROVED' });
      const replay = await t.http.post(`${report(2024, 2)}/approve`).set(as(tokens.sekretaris)).set('Idempotency-Key', key).send({});
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      const history = await t.http.get(`${report(2024, 2)}/history`).set(as(tokens.sekretaris));
      expect(history.body.entries.filter((e: { type: string }) => e.type === 'RealisasiApproved')).toHaveLength(1);
      const without = await t.http.post(`${report(2024, 2)}/approve`).set(as(tokens.sekretaris)).send({});
      expect({ status: without.status, code: without.body.code }).toEqual({ status: 409, code: 'REALISASI.ALREADY_APPROVED' });
    });

    it('records a draft saved again unchanged under an Idempotency-Key, so the key answers its retry and refuses another body', async () => {
      const base = await t.http.put(report(2024, 4)).set(as(tokens.kasubbag.KUL)).send(content(4));
      const key = 'same-draft-2024-04-kul';
      const keyed = await t.http.put(report(2024, 4)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send(content(4));
      expect({ status: keyed.status, replayed: keyed.headers['idempotent-replayed'] }).toEqual({ status: 200, replayed: undefined });
      expect(Number(keyed.body.version)).toBe(Number(base.body.version) + 1);
      const retry = await t.http.put(report(2024, 4)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send(content(4));
      expect({ status: retry.status, replayed: retry.headers['idempotent-replayed'], version: retry.body.version }).toEqual({ status: 200, replayed: 'true', version: keyed.body.version });
      const other = await t.http.put(report(2024, 4)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send(content(5));
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    });

    it('refuses an Idempotency-Key reused for another command or another body (422 IDEMPOTENCY.KEY_REUSED), appending nothing', async () => {
      const key = 'probe-2024-03-kul';
      const draft = await t.http.put(report(2024, 3)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send(content(3));
      expect({ status: draft.status, state: draft.body.status, etag: draft.headers.etag }).toEqual({ status: 200, state: 'DRAFT', etag: '"1"' });

      const submit = await t.http.post(`${report(2024, 3)}/submit`).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send({});
      expect({ status: submit.status, code: submit.body.code, replayed: submit.headers['idempotent-replayed'] })
        .toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED', replayed: undefined });
      expect(submit.body.message).toMatch(/Idempotency-Key/);

      const changed = content(3);
      changed.lines[0].value = '2';
      const put = await t.http.put(report(2024, 3)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send(changed);
      expect({ status: put.status, code: put.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });

      const stored = await t.http.get(report(2024, 3)).set(as(tokens.kasubbag.KUL));
      expect({ version: stored.body.version, state: stored.body.status, value: stored.body.content.lines[0].value }).toEqual({ version: 1, state: 'DRAFT', value: '1' });

      // The same command with the same body is still a retry: the first answer, nothing appended.
      const retry = await t.http.put(report(2024, 3)).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', key).send(content(3));
      expect({ status: retry.status, replayed: retry.headers['idempotent-replayed'], etag: retry.headers.etag }).toEqual({ status: 200, replayed: 'true', etag: '"1"' });
      expect(retry.body).toEqual(draft.body);
      const submitted = await t.http.post(`${report(2024, 3)}/submit`).set(as(tokens.kasubbag.KUL)).set('Idempotency-Key', `${key}-submit`).send({});
      expect({ status: submitted.status, state: submitted.body.status, etag: submitted.headers.etag }).toEqual({ status: 200, state: 'SUBMITTED', etag: '"2"' });
    });

    it('keeps a correction after approval as a new revision that is approved again', async () => {
      const revise = await t.http.post(`${report(2024, 2)}/revise`).set(as(tokens.kasubbag.KUL)).send({ reason: 'Nilai realisasi K4.1 salah ketik.' });
      expect(revise.body).toMatchObject({ status: 'DRAFT', revision: 1, approved: { revision: 0 } });
      const resubmitted = await t.http.post(`${report(2024, 2)}/submit`).set(as(tokens.kasubbag.KUL)).send(content(2));
      expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', revision: 1 });
    });

    it('keeps the Ketua from approving monthly reports (403 AUTH.FORBIDDEN)', async () => {
      const response = await t.http.post(`${report(2024, 2)}/approve`).set(as(tokens.ketua)).send({});
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    });
  });

  describe('Perjanjian Kinerja', () => {
    it('never lets the submitter approve their own PK (403 PK.OWN_SUBMISSION)', async () => {
      const base = `/api/v1/satker/${JEMBER}/pk/2025`;
      expect((await t.http.post(base).set(as(tokens.sekretaris)).send({ programs: [] })).status).toBe(400);
      expect((await t.http.post(base).set(as(tokens.sekretaris)).send(jemberPkBody())).status).toBe(201);
      expect((await t.http.post(`${base}/submit`).set(as(tokens.sekretaris)).send({})).status).toBe(200);
      const own = await t.http.post(`${base}/approve`).set(as(tokens.sekretaris)).send({});
      expect({ status: own.status, code: own.body.code }).toEqual({ status: 403, code: 'PK.OWN_SUBMISSION' });
    });

    it('returns a submitted PK with a reason; the draft is then changed, guarded by its version', async () => {
      const base = `/api/v1/satker/${JEMBER}/pk/2025`;
      const returned = await t.http.post(`${base}/return`).set(as(tokens.ketua)).send({ reason: 'Target K4.1 belum sesuai DIPA 2025.' });
      expect(returned.body.working).toMatchObject({ status: 'DRAFT', lastReturn: { reason: 'Target K4.1 belum sesuai DIPA 2025.' } });
      const version = Number(JSON.parse(returned.headers.etag));
      const body = jemberPkBody();
      Object.assign(body.programs[1].kegiatan[0].indicators[0], { target: { kind: 'SINGLE', value: '11' }, monthlyPlan: null });
      const stale = await t.http.put(`${base}/draft`).set(as(tokens.sekretaris)).set('If-Match', `"${version - 1}"`).send(body);
      expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'EVENT_STORE.CONCURRENCY' });
      const changed = await t.http.put(`${base}/draft`).set(as(tokens.sekretaris)).set('If-Match', `"${version}"`).send(body);
      expect(changed.status).toBe(200);
      expect(changed.body.working.structure.programs[1].kegiatan[0].indicators[0].target).toEqual({ kind: 'SINGLE', value: '11' });
    });

    it('opens a PK Perubahan while the approved version stays in force, and lists every version', async () => {
      const base = `/api/v1/satker/${JEMBER}/pk/2024`;
      const opened = await t.http.post(`${base}/revisions`).set(as(tokens.sekretaris)).send({ reason: 'Penyesuaian target setelah revisi DIPA.' });
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ inForce: { version: 1, status: 'APPROVED' }, working: { version: 2, status: 'DRAFT', basedOnVersion: 1 } });
      const versions = await t.http.get(`${base}/versions`).set(as(tokens.inspektorat));
      expect(versions.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'APPROVED'], [2, 'DRAFT']]);
    });

    it('refuses a PK Perubahan for a year that has ended (office time): it would apply from no month', async () => {
      await approveJemberPk(t, tokens, 2023);
      const refused = await t.http.post(`/api/v1/satker/${JEMBER}/pk/2023/revisions`).set(as(tokens.sekretaris)).send({ reason: 'Penyesuaian target setelah tahun berakhir.' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'PK.YEAR_ENDED' });
      expect(refused.body.message).toMatch(/^Tahun 2023 sudah berakhir: PK Perubahan berlaku mulai bulan disetujuinya/);
      const versions = await t.http.get(`/api/v1/satker/${JEMBER}/pk/2023/versions`).set(as(tokens.inspektorat));
      expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    });
  });
});
