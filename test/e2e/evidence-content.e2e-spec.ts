import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bombXlsx, encryptedPdf, evidenceDocx, evidenceJpeg, evidencePdf, evidencePng, evidenceXlsx, macroXlsx } from '@kinerja/workflow/evidence/evidence-files.testing';
import { createTestApp, TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, JemberTokens } from './workflow/jember-office.fixture';

/**
 * Bukti dukung are what they claim to be (QA6 item 10): a file that starts like an accepted type
 * but is not a whole file of it, a PDF that opens only with a password, a macro-enabled document
 * presented as DOCX/XLSX, and a package that unpacks to far more than it weighs are refused with
 * their own codes, storing nothing: no file under DATA_DIR, no row.
 */
describe('evidence content: whole files of the accepted types only', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  const upload = (bytes: Buffer, filename: string) =>
    t.http.post(`/api/v1/satker/${JEMBER}/evidence`).set('Authorization', `Bearer ${tokens.kasubbag.KUL}`).attach('file', bytes, filename);

  /** Files under the office's evidence folder, and its rows. */
  async function held(): Promise<{ files: number; rows: number; uploads: number }> {
    const folder = join(dataDir, 'evidence', JEMBER);
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    const [{ rows }] = await t.db.dataSource.query(`SELECT count(*)::int AS rows FROM evidence_files WHERE tenant_id = $1`, [JEMBER]);
    const [{ uploads }] = await t.db.dataSource.query(`SELECT count(*)::int AS uploads FROM evidence_uploads WHERE tenant_id = $1`, [JEMBER]);
    return { files, rows, uploads };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-evidence-content-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a real file of each type', async () => {
    const files: Array<[Buffer, string, string]> = [
      [evidencePdf('spj'), 'spj.pdf', 'application/pdf'],
      [evidenceJpeg(), 'foto.jpg', 'image/jpeg'],
      [evidencePng(), 'grafik.png', 'image/png'],
      [await evidenceDocx(), 'telaah.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [evidenceXlsx(), 'rekap.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ];
    for (const [bytes, name, contentType] of files) {
      const r = await upload(bytes, name);
      expect({ status: r.status, fileName: r.body.fileName, contentType: r.body.contentType }).toEqual({ status: 201, fileName: name, contentType });
    }
    expect(await held()).toEqual({ files: 5, rows: 5, uploads: 5 });
  });

  it('refuses a PDF cut short and a PNG signature followed by garbage with 422 EVIDENCE.FILE_DAMAGED, storing nothing', async () => {
    const before = await held();
    const pdf = await upload(Buffer.from('%PDF-1.4\n'), 'laporan.pdf');
    expect({ status: pdf.status, code: pdf.body.code, details: pdf.body.details }).toEqual({
      status: 422, code: 'EVIDENCE.FILE_DAMAGED', details: { type: 'pdf', reason: 'penanda akhir %%EOF tidak ada: isinya terpotong' },
    });
    expect(pdf.body.message).toBe('Berkas PDF tidak utuh atau rusak (penanda akhir %%EOF tidak ada: isinya terpotong): simpan ulang dari aplikasinya lalu unggah kembali.');
    const png = await upload(Buffer.concat([evidencePng().subarray(0, 8), Buffer.from('garbage-garbage')]), 'img.pdf.png');
    expect({ status: png.status, code: png.body.code, type: png.body.details.type }).toEqual({ status: 422, code: 'EVIDENCE.FILE_DAMAGED', type: 'png' });
    expect(await held()).toEqual(before);
  });

  it('refuses an XLSX holding a VBA project with 415 EVIDENCE.MACRO_NOT_ALLOWED, storing nothing', async () => {
    const before = await held();
    const r = await upload(macroXlsx(), 'rekap.xlsx');
    expect({ status: r.status, code: r.body.code, details: r.body.details }).toEqual({
      status: 415, code: 'EVIDENCE.MACRO_NOT_ALLOWED', details: { type: 'xlsx', part: 'xl/vbaProject.bin' },
    });
    expect(r.body.message).toBe('Dokumen berisi makro: simpan sebagai Buku Kerja Excel (.xlsx) tanpa makro, atau sebagai PDF, lalu unggah kembali.');
    expect(await held()).toEqual(before);
  });

  it('refuses a PDF that needs a password to open with 422 EVIDENCE.PASSWORD_PROTECTED, storing nothing; one with only an owner password is taken', async () => {
    const before = await held();
    for (const name of ['r4-aes-128-user', 'r6-aes-256-user']) {
      const r = await upload(encryptedPdf(name), 'spj-terkunci.pdf');
      expect({ name, status: r.status, code: r.body.code, details: r.body.details }).toEqual({
        name, status: 422, code: 'EVIDENCE.PASSWORD_PROTECTED', details: { type: 'pdf', securityHandler: 'Standard' },
      });
      expect(r.body.message).toBe(
        'Berkas PDF dilindungi kata sandi untuk membukanya, sehingga Sekretaris dan Inspektorat tidak dapat membacanya saat reviu. ' +
          'Buka berkas itu, simpan atau cetak ulang sebagai PDF tanpa kata sandi, lalu unggah kembali.',
      );
    }
    const certificate = Buffer.from(evidencePdf('sertifikat').toString('latin1').replace('/Root 1 0 R >>', '/Root 1 0 R /Encrypt << /Filter /Adobe.PubSec /V 4 /R 4 >> >>'), 'latin1');
    const r = await upload(certificate, 'sk-terenkripsi.pdf');
    expect({ status: r.status, code: r.body.code, details: r.body.details }).toEqual({
      status: 422, code: 'EVIDENCE.PASSWORD_PROTECTED', details: { type: 'pdf', securityHandler: 'Adobe.PubSec' },
    });
    expect(r.body.message).toContain('dilindungi kata sandi atau sertifikat (Adobe.PubSec)');
    expect(await held()).toEqual(before);
    const ownerOnly = await upload(encryptedPdf('r4-aes-128-owner-only'), 'spj-hasil-pindai.pdf');
    expect({ status: ownerOnly.status, fileName: ownerOnly.body.fileName, contentType: ownerOnly.body.contentType }).toEqual({
      status: 201, fileName: 'spj-hasil-pindai.pdf', contentType: 'application/pdf',
    });
    expect(await held()).toEqual({ files: before.files + 1, rows: before.rows + 1, uploads: before.uploads + 1 });
  });

  it('refuses an XLSX that unpacks to 200 MB with 422 EVIDENCE.UNPACKED_TOO_LARGE, storing nothing', async () => {
    const before = await held();
    const bomb = await bombXlsx(200);
    const r = await upload(bomb, 'rekap-besar.xlsx');
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'EVIDENCE.UNPACKED_TOO_LARGE' });
    expect(r.body.details).toEqual({
      type: 'xlsx', unpackedBytes: expect.any(Number), entries: 6, maxUnpackedBytes: 100 * 1024 * 1024, maxEntries: 10_000,
    });
    expect(r.body.details.unpackedBytes).toBeGreaterThan(200 * 1024 * 1024);
    expect(r.body.message).toContain('terlalu besar setelah dibuka (batas 100 MB dan 10000 bagian)');
    expect(await held()).toEqual(before);
  });

  it('says of a .doc/.xls or a password-protected document that it is not taken, and how to save it', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const r = await upload(ole, 'rahasia.docx');
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 415, code: 'EVIDENCE.TYPE_NOT_ALLOWED' });
    expect(r.body.message).toContain('dilindungi kata sandi');
  });
});
