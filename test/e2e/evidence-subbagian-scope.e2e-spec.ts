import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ControllableClock } from '@kinerja/platform';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import { login } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import {
  approveJemberPk, createJemberOffice, EvidenceReference as Reference, JEMBER, JemberTokens, ownedBy, PASSWORD, uploadEvidence,
} from './workflow/jember-office.fixture';


/**
 * Bukti dukung belong to a subbagian (F6): a Kasubbag attaches to their report, and downloads, only
 * files their own subbagian uploaded (any of its accounts) or its reports already refer to; another
 * subbagian's file answers exactly as one never uploaded. Names are stored and served with the
 * extension of the detected type and without direction characters (F7). Uploads are limited per
 * account (F4). The clock stands on 15 June 2024 (Asia/Jakarta), so May can be reported.
 */
describe('bukti dukung of a subbagian, their names and upload limits', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const evidenceUrl = (sha: string) => `/api/v1/satker/${JEMBER}/evidence/${sha}`;
  const report = (subbagian: string, month = 5) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  let counter = 0;

  const upload = (token: string, fileName: string, bytes = evidencePdf(`${fileName} ${++counter}`)): Promise<Reference> =>
    uploadEvidence(t, token, bytes, fileName);

  function content(subbagian: string, evidence: Reference[]) {
    const { indicators, kegiatan } = ownedBy(subbagian);
    return {
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Realisasi Mei.', kendala: '-', solusi: '-', evidence })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '250000' })),
    };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-evidence-scope-'));
    t = await createTestApp({ clock, env: { DATA_DIR: dataDir, EVIDENCE_UPLOADS_PER_HOUR: '20', EVIDENCE_BYTES_PER_DAY: String(1024 * 1024), EVIDENCE_UPLOADS_IN_FLIGHT_PER_ACCOUNT: '1' } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("another subbagian's file (F6)", () => {
    it('cannot be attached by its hash: the answer is that of a hash never uploaded, and nothing is recorded', async () => {
      const pdi = await upload(tokens.kasubbag.PDI, 'rahasia-pdi.pdf');
      const known = await t.http.put(report('TPH')).set(as(tokens.kasubbag.TPH)).send(content('TPH', [pdi]));
      const unknown = await t.http.put(report('TPH')).set(as(tokens.kasubbag.TPH)).send(content('TPH', [{ ...pdi, sha256: 'c'.repeat(64) }]));
      expect(known.status).toBe(422);
      expect(known.body.code).toBe('REALISASI.EVIDENCE_NOT_UPLOADED');
      expect({ code: known.body.code, message: known.body.message }).toEqual({ code: unknown.body.code, message: unknown.body.message });
      expect(Object.keys(known.body.details)).toEqual(Object.keys(unknown.body.details));
      expect((await t.http.get(report('TPH')).set(as(tokens.kasubbag.TPH))).status).toBe(404);
      expect((await t.http.get(evidenceUrl(pdi.sha256)).set(as(tokens.kasubbag.TPH))).status).toBe(404);
    });

    it('is refused for download with the same database work as a hash never uploaded (its time tells nothing either)', async () => {
      const pdi = await upload(tokens.kasubbag.PDI, 'waktu-pdi.pdf');
      const dataSource = t.app.get(DataSource);
      const queriesFor = async (sha256: string) => {
        await t.http.get(evidenceUrl(sha256)).set(as(tokens.kasubbag.TPH)); // the session is cached after this one
        const spy = jest.spyOn(dataSource, 'query');
        try {
          expect((await t.http.get(evidenceUrl(sha256)).set(as(tokens.kasubbag.TPH))).status).toBe(404);
          return spy.mock.calls.map(([sql]) => String(sql).replace(/\s+/g, ' ').slice(0, 60));
        } finally {
          spy.mockRestore();
        }
      };
      expect(await queriesFor(pdi.sha256)).toEqual(await queriesFor('d'.repeat(64)));
    });

    it('answers alike even when the reference lies about its type or size (no EVIDENCE_MISMATCH revealing the stored file)', async () => {
      const pdi = await upload(tokens.kasubbag.PDI, 'ukuran-pdi.pdf');
      const lying = await t.http.put(report('TPH')).set(as(tokens.kasubbag.TPH)).send(content('TPH', [{ ...pdi, size: 1 }]));
      expect({ status: lying.status, code: lying.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_NOT_UPLOADED' });
      expect(lying.body.details.missing[0]).toEqual({ indicator: expect.any(String), sha256: pdi.sha256 });
      expect(lying.body.details).not.toHaveProperty('mismatched');
    });

    it('can be attached once the subbagian uploads the same bytes itself, under its own name', async () => {
      const bytes = evidencePdf('surat edaran bersama');
      const pdi = await upload(tokens.kasubbag.PDI, 'SE PDI internal.pdf', bytes);
      const tph = await upload(tokens.kasubbag.TPH, 'surat-edaran.pdf', bytes);
      expect(tph.sha256).toBe(pdi.sha256);
      const saved = await t.http.put(report('TPH')).set(as(tokens.kasubbag.TPH)).send(content('TPH', [tph]));
      expect(saved.status).toBe(200);
      const download = await t.http.get(evidenceUrl(tph.sha256)).set(as(tokens.kasubbag.TPH));
      expect(download.status).toBe(200);
      expect(download.headers['content-disposition']).toContain('filename="surat-edaran.pdf"');
    });

    it("is not attachable when the Sekretaris uploaded it: only the saver's subbagian's files are", async () => {
      const nota = await upload(tokens.sekretaris, 'nota-dinas.pdf');
      const refused = await t.http.put(report('HSDM')).set(as(tokens.kasubbag.HSDM)).send(content('HSDM', [nota]));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'REALISASI.EVIDENCE_NOT_UPLOADED' });
      expect((await t.http.get(evidenceUrl(nota.sha256)).set(as(tokens.sekretaris))).status).toBe(200);
    });

    it('of the same subbagian, uploaded by another of its accounts, can be attached and read', async () => {
      const created = await t.http.post(`/api/v1/satker/${JEMBER}/users`).set(as(tokens.admin))
        .send({ username: 'kasubbag.kul.plh', fullName: 'Plh Kasubbag KUL', role: 'KASUBBAG', subbagian: 'KUL', password: PASSWORD });
      expect(created.status).toBe(201);
      const plh = await login(t, 'kasubbag.kul.plh', PASSWORD);
      const file = await upload(plh, 'spj-plh.pdf');
      expect((await t.http.get(evidenceUrl(file.sha256)).set(as(tokens.kasubbag.KUL))).status).toBe(200);
      expect((await t.http.put(report('KUL')).set(as(tokens.kasubbag.KUL)).send(content('KUL', [file]))).status).toBe(200);
      expect((await t.http.get(evidenceUrl(file.sha256)).set(as(tokens.kasubbag.PDI))).status).toBe(404);
    });

    it('already referred to by a report of the subbagian (e.g. attached before this rule) stays attachable and readable', async () => {
      const file = await upload(tokens.kasubbag.PDI, 'lama.pdf');
      expect((await t.http.put(report('PDI')).set(as(tokens.kasubbag.PDI)).send(content('PDI', [file]))).status).toBe(200);
      // As a file uploaded before uploads were recorded per account, by someone else.
      await t.db.dataSource.query(`DELETE FROM evidence_uploads WHERE sha256 = $1`, [file.sha256]);
      expect((await t.http.get(evidenceUrl(file.sha256)).set(as(tokens.kasubbag.PDI))).status).toBe(200);
      expect((await t.http.put(report('PDI', 4)).set(as(tokens.kasubbag.PDI)).send(content('PDI', [file]))).status).toBe(200);
      expect((await t.http.put(report('TPH', 4)).set(as(tokens.kasubbag.TPH)).send(content('TPH', [file]))).status).toBe(422);
    });

    it("still tells a Kasubbag writing another subbagian's report that it is not theirs (403), whatever the evidence", async () => {
      const own = await upload(tokens.kasubbag.KUL, 'milik-kul.pdf');
      const r = await t.http.put(report('KUL')).set(as(tokens.kasubbag.TPH)).send(content('KUL', [own]));
      const unknown = await t.http.put(report('KUL')).set(as(tokens.kasubbag.TPH)).send(content('KUL', [{ ...own, sha256: 'd'.repeat(64) }]));
      expect([r.status, r.body.code, unknown.status, unknown.body.code]).toEqual([403, 'REALISASI.OTHER_SUBBAGIAN', 403, 'REALISASI.OTHER_SUBBAGIAN']);
    });
  });

  describe('file names (F7)', () => {
    it('stores and serves a PDF named .html under a .pdf extension', async () => {
      const file = await upload(tokens.kasubbag.KUL, 'bukti-rapat.html', evidencePdf('<html><script>alert(1)</script></html>'));
      expect({ fileName: file.fileName, contentType: file.contentType }).toEqual({ fileName: 'bukti-rapat.html.pdf', contentType: 'application/pdf' });
      const download = await t.http.get(evidenceUrl(file.sha256)).set(as(tokens.kasubbag.KUL));
      expect(download.headers['content-disposition']).toBe(`attachment; filename="bukti-rapat.html.pdf"; filename*=UTF-8''bukti-rapat.html.pdf`);
    });

    it('removes a right-to-left override that would make "fdp.exe" read as "exe.pdf"', async () => {
      const file = await upload(tokens.kasubbag.KUL, 'laporan\u202Efdp.exe');
      expect(file.fileName).toBe('laporanfdp.exe.pdf');
      const download = await t.http.get(evidenceUrl(file.sha256)).set(as(tokens.kasubbag.KUL));
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''laporanfdp.exe.pdf`);
    });

    it("refuses a bidi override in the name a report's reference gives its file (the free-text rule), and cleans the rest as the upload's is", async () => {
      const file = await upload(tokens.kasubbag.KUL, 'notulen.pdf');
      const refused = await t.http.put(report('KUL', 4)).set(as(tokens.kasubbag.KUL)).send(content('KUL', [{ ...file, fileName: 'notulen\u202Efdp.exe' }]));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      // The reference stands on every line of the report: each is named, with what to do in Indonesian.
      const fields = refused.body.details.fields as Array<{ field: string; constraint: string; message: string }>;
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) {
        expect(f).toMatchObject({ field: expect.stringMatching(/^lines\.\d+\.evidence\.0\.fileName$/), constraint: 'isFreeText', message: expect.stringContaining('(U+202E)') });
      }
      const saved = await t.http.put(report('KUL', 4)).set(as(tokens.kasubbag.KUL)).send(content('KUL', [{ ...file, fileName: 'notulen.exe' }]));
      expect(saved.status).toBe(200);
      const read = await t.http.get(report('KUL', 4)).set(as(tokens.kasubbag.KUL));
      const names = read.body.content.lines.flatMap((l: { evidence: Reference[] }) => l.evidence.map((e) => e.fileName));
      expect(new Set(names)).toEqual(new Set(['notulen.exe.pdf']));
    });

    it('cleans the name of a file stored before this rule when it is downloaded', async () => {
      const file = await upload(tokens.kasubbag.KUL, 'rekap.pdf');
      await t.db.dataSource.query(`UPDATE evidence_uploads SET file_name = $2 WHERE sha256 = $1`, [file.sha256, 'rekap\u2067\u202Efdp.html']);
      await t.db.dataSource.query(`UPDATE evidence_files SET file_name = $2 WHERE sha256 = $1`, [file.sha256, 'rekap\u2067\u202Efdp.html']);
      const download = await t.http.get(evidenceUrl(file.sha256)).set(as(tokens.kasubbag.KUL));
      expect(download.headers['content-disposition']).toBe(`attachment; filename="rekapfdp.html.pdf"; filename*=UTF-8''rekapfdp.html.pdf`);
    });
  });

  describe('upload limits per account (F4)', () => {
    it('refuses a second upload of an account while its first is still being read (429 EVIDENCE.UPLOAD_IN_PROGRESS), then takes it', async () => {
      // A slow client: the headers and the start of a multipart body, the rest held back.
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const { port } = server.address() as AddressInfo;
      const boundary = 'kinerja-lambat';
      const slow = request({
        host: '127.0.0.1', port, method: 'POST', path: `/api/v1/satker/${JEMBER}/evidence`,
        headers: { ...as(tokens.kasubbag.TPH), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': 10_000 },
      });
      slow.on('error', () => undefined);
      slow.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lambat.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
      await new Promise((r) => setTimeout(r, 300));

      const refused = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.TPH)).attach('file', evidencePdf('kedua'), 'kedua.pdf');
      expect({ status: refused.status, code: refused.body.code, retryAfter: refused.headers['retry-after'] }).toEqual({ status: 429, code: 'EVIDENCE.UPLOAD_IN_PROGRESS', retryAfter: '5' });
      await upload(tokens.kasubbag.PDI, 'akun-lain-bersamaan.pdf'); // another account is not held up

      slow.destroy();
      await new Promise((r) => setTimeout(r, 300));
      await upload(tokens.kasubbag.TPH, 'kedua.pdf');
    });

    it('refuses uploads over EVIDENCE_UPLOADS_PER_HOUR with 429 EVIDENCE.RATE_LIMITED and Retry-After, for that account only', async () => {
      const limit = t.config.EVIDENCE_UPLOADS_PER_HOUR;
      let refused: { status: number; headers: Record<string, string>; body: Record<string, unknown> } | undefined;
      for (let i = 0; i <= limit && !refused; i++) {
        const r = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.kasubbag.HSDM)).attach('file', evidencePdf(`${i}`), `f${i}.pdf`);
        if (r.status !== 201) refused = r;
      }
      expect(refused?.status).toBe(429);
      expect(refused?.body).toMatchObject({ code: 'EVIDENCE.RATE_LIMITED', details: { limit: 'EVIDENCE_UPLOADS_PER_HOUR', max: limit } });
      expect(refused?.body.message).toContain(`${limit} file per jam`);
      expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused?.headers['retry-after'])).toBeLessThanOrEqual(3600);
      await upload(tokens.kasubbag.PDI, 'akun-lain.pdf');
    });

    it('refuses uploads over EVIDENCE_BYTES_PER_DAY, counting only what was accepted', async () => {
      const half = evidencePdf('a', 600 * 1024);
      const first = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.ketua)).attach('file', half, 'a.pdf');
      expect(first.status).toBe(403); // the Ketua does not upload: the limit is no reason to answer otherwise
      expect((await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.sekretaris)).attach('file', half, 'a.pdf')).status).toBe(201);
      const over = await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.sekretaris)).attach('file', evidencePdf('b', 600 * 1024), 'b.pdf');
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ code: 'EVIDENCE.RATE_LIMITED', details: { limit: 'EVIDENCE_BYTES_PER_DAY' } });
      expect(over.body.message).toContain('1 MB per hari');
      // The refused file was taken out of the count: a small one still fits.
      expect((await t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set(as(tokens.sekretaris)).attach('file', evidencePdf('kecil'), 'c.pdf')).status).toBe(201);
    });
  });
});
