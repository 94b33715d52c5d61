import { unzipSync } from 'fflate';
import { bombXlsx, encryptedPdf, evidenceDocx, evidenceJpeg, evidencePdf, evidencePng, evidenceXlsx, macroXlsx, xlsxParts, zipOf } from './evidence-files.testing';
import { EVIDENCE_TYPES, inspectEvidence, type PackageLimits } from './evidence-type.detect';

const LIMITS: PackageLimits = { maxUnpackedBytes: 100 * 1024 * 1024, maxEntries: 10_000 };
const inspect = (bytes: Buffer, limits = LIMITS) => inspectEvidence(bytes, limits);
const accepted = (kind: keyof typeof EVIDENCE_TYPES) => ({ verdict: 'accepted', kind, contentType: EVIDENCE_TYPES[kind] });
const damaged = (kind: string) => expect.objectContaining({ verdict: 'damaged', kind, reason: expect.any(String) });

describe('inspectEvidence: the content decides, not the name', () => {
  let docx: Buffer;
  beforeAll(async () => {
    docx = await evidenceDocx();
  });

  it('accepts real minimal PDF, JPEG, PNG, DOCX and XLSX files as their types', () => {
    expect(inspect(evidencePdf())).toEqual(accepted('pdf'));
    expect(inspect(evidenceJpeg())).toEqual(accepted('jpeg'));
    expect(inspect(evidencePng())).toEqual(accepted('png'));
    expect(inspect(docx)).toEqual(accepted('docx'));
    expect(inspect(evidenceXlsx())).toEqual(accepted('xlsx'));
  });

  it('refuses anything else as not allowed, e.g. an executable or HTML named like a PDF, a plain ZIP, a PPTX', () => {
    const none = { verdict: 'not_allowed', legacyOffice: false };
    expect(inspect(Buffer.from('MZ\x90\x00'))).toEqual(none);
    expect(inspect(Buffer.from('<html><body>%PDF-</body></html>'))).toEqual(none);
    expect(inspect(Buffer.alloc(0))).toEqual(none);
    expect(inspect(zipOf({ 'catatan.txt': 'halo' }))).toEqual(none);
    expect(inspect(zipOf({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }))).toEqual(none);
  });

  it('names an OLE compound file (a .doc/.xls, or a DOCX/XLSX protected by a password) for the refusal to say so', () => {
    expect(inspect(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toEqual({ verdict: 'not_allowed', legacyOffice: true });
  });
});

describe('inspectEvidence: a file that starts like an accepted type must be whole', () => {
  it('PNG: the signature followed by garbage (21 bytes) is damaged', () => {
    const png = evidencePng();
    expect(inspect(Buffer.concat([png.subarray(0, 8), Buffer.from('garbage-garbage')]))).toEqual(damaged('png'));
  });

  it('PNG: a wrong IHDR CRC, a missing IEND (truncated) or bytes after IEND are damaged', () => {
    const png = evidencePng();
    const badCrc = Buffer.from(png);
    badCrc[8 + 8 + 13] ^= 0xff; // first byte of IHDR's CRC
    expect(inspect(badCrc)).toEqual(damaged('png'));
    expect(inspect(png.subarray(0, png.length - 12))).toEqual(damaged('png'));
    expect(inspect(png.subarray(0, png.length - 3))).toEqual(damaged('png'));
    expect(inspect(Buffer.concat([png, Buffer.from('<?php system($_GET[1]); ?>')]))).toEqual(damaged('png'));
  });

  it('PDF: a bare header (9 bytes), a PDF cut before its %%EOF, or one with no object is damaged', () => {
    const pdf = evidencePdf();
    expect(inspect(Buffer.from('%PDF-1.4\n'))).toEqual(damaged('pdf'));
    expect(inspect(pdf.subarray(0, pdf.length - 10))).toEqual(damaged('pdf'));
    expect(inspect(Buffer.from('%PDF-1.4\n% nothing here\n%%EOF\n'))).toEqual(damaged('pdf'));
    expect(inspect(Buffer.concat([Buffer.from('%PDF-9.9\n'), pdf.subarray(9)]))).toEqual(damaged('pdf'));
  });

  it('PDF: a %%EOF more than 1 KiB before the end does not count, unless what follows is white space or NUL padding', () => {
    expect(inspect(Buffer.concat([evidencePdf(), Buffer.alloc(2048, 'x')]))).toEqual(damaged('pdf'));
    expect(inspect(Buffer.concat([evidencePdf(), Buffer.alloc(512, 'x')]))).toEqual(accepted('pdf'));
    expect(inspect(Buffer.concat([evidencePdf(), Buffer.alloc(2048, 0x20)]))).toEqual(accepted('pdf'));
    expect(inspect(Buffer.concat([evidencePdf(), Buffer.alloc(2048, 0x00)]))).toEqual(accepted('pdf'));
  });

  it('PDF: a UTF-8 byte order mark before the header (readers skip it) is a PDF, whole or not', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(inspect(Buffer.concat([bom, evidencePdf()]))).toEqual(accepted('pdf'));
    expect(inspect(Buffer.concat([bom, Buffer.from('%PDF-1.4\n')]))).toEqual(damaged('pdf'));
  });

  it('PNG: image data whose CRC is wrong (one byte flipped in transfer) is damaged; white space or NUL padding after IEND is not', () => {
    const png = evidencePng();
    const idat = png.indexOf('IDAT');
    const flipped = Buffer.from(png);
    flipped[idat + 4] ^= 0x01; // the first byte of the image data
    expect(inspect(flipped)).toEqual(damaged('png'));
    expect(inspect(Buffer.concat([png, Buffer.from('\n')]))).toEqual(accepted('png'));
    expect(inspect(Buffer.concat([png, Buffer.alloc(16)]))).toEqual(accepted('png'));
  });

  it('PDF: a long run of digits is looked through in linear time', () => {
    const digits = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, '7'), Buffer.from('\n%%EOF\n')]);
    const started = Date.now();
    expect(inspect(digits)).toEqual(damaged('pdf'));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('JPEG: SOI followed by garbage, a JPEG cut before its EOI, or one without a frame header is damaged', () => {
    const jpeg = evidenceJpeg();
    expect(inspect(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual(damaged('jpeg'));
    expect(inspect(jpeg.subarray(0, jpeg.length - 2))).toEqual(damaged('jpeg'));
    expect(inspect(jpeg.subarray(0, jpeg.length / 2))).toEqual(damaged('jpeg'));
    expect(inspect(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual(damaged('jpeg'));
  });

  it('JPEG: data after the EOI of a whole image (a phone camera trailer) is allowed', () => {
    expect(inspect(Buffer.concat([evidenceJpeg(), Buffer.from('MotionPhoto_Data....')]))).toEqual(accepted('jpeg'));
  });

  it('DOCX/XLSX: a package cut short (central directory gone), or without its main part or content types, is damaged', async () => {
    const docx = await evidenceDocx();
    const xlsx = evidenceXlsx();
    expect(inspect(docx.subarray(0, Math.floor(docx.length * 0.8)))).toEqual(damaged('docx'));
    expect(inspect(xlsx.subarray(0, xlsx.length - 30))).toEqual(damaged('xlsx'));
    const { 'xl/workbook.xml': _workbook, ...noWorkbook } = xlsxParts();
    expect(inspect(zipOf(noWorkbook))).toEqual(damaged('xlsx'));
    const { '[Content_Types].xml': _types, ...noTypes } = xlsxParts();
    expect(inspect(zipOf(noTypes))).toEqual(damaged('xlsx'));
  });
});

describe('inspectEvidence: DOCX/XLSX that are unsafe to keep', () => {
  it('refuses a macro-enabled workbook (vbaProject.bin, macroEnabled content type) presented as XLSX', () => {
    expect(inspect(macroXlsx())).toEqual({ verdict: 'macro', kind: 'xlsx', part: 'xl/vbaProject.bin' });
  });

  it('refuses the macro-enabled content type alone, and a VBA project alone in a DOCX', async () => {
    expect(inspect(zipOf(xlsxParts('application/vnd.ms-excel.sheet.macroEnabled.main+xml')))).toEqual({ verdict: 'macro', kind: 'xlsx', part: '[Content_Types].xml' });
    const parts = unzipSync(await evidenceDocx());
    expect(inspect(zipOf({ ...parts, 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) }))).toEqual({ verdict: 'macro', kind: 'docx', part: 'word/vbaProject.bin' });
  });

  it('refuses a package that inflates to 200 MB (a ZIP bomb), from its central directory, without inflating it', async () => {
    const bomb = await bombXlsx(200);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    expect(inspect(bomb)).toEqual({ verdict: 'unpacked_too_large', kind: 'xlsx', unpackedBytes: expect.any(Number), entries: 6 });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('bounds the number of parts and the unpacked bytes by the limits given', () => {
    const xlsx = evidenceXlsx();
    expect(inspect(xlsx, { maxUnpackedBytes: LIMITS.maxUnpackedBytes, maxEntries: 4 })).toEqual(expect.objectContaining({ verdict: 'unpacked_too_large', entries: 5 }));
    expect(inspect(xlsx, { maxUnpackedBytes: 500, maxEntries: 100 })).toEqual(expect.objectContaining({ verdict: 'unpacked_too_large', kind: 'xlsx' }));
    expect(inspect(xlsx, { maxUnpackedBytes: 100_000, maxEntries: 5 })).toEqual(accepted('xlsx'));
  });

  it('refuses a package naming one part twice (readers would disagree on which one counts)', () => {
    // A second part named like the workbook, renamed in place (same length): every offset stays valid.
    const zip = zipOf({ ...xlsxParts(), 'xl/workbooq.xml': '<workbook/>' });
    expect(inspect(zip)).toEqual(accepted('xlsx'));
    const twice = Buffer.from(zip.toString('latin1').split('xl/workbooq.xml').join('xl/workbook.xml'), 'latin1');
    expect(inspect(twice)).toEqual(damaged('xlsx'));
  });
});

describe('inspectEvidence: a PDF the Sekretaris and the Inspektorat cannot open is no evidence', () => {
  const locked = (securityHandler = 'Standard') => ({ verdict: 'password_protected', kind: 'pdf', securityHandler });
  /** The minimal PDF, its trailer given `entries` more. */
  const withTrailer = (entries: string) => Buffer.from(evidencePdf().toString('latin1').replace('/Root 1 0 R >>', `/Root 1 0 R ${entries} >>`), 'latin1');
  /** What qpdf wrote in a fixture's encryption dictionary and trailer (as hexadecimal strings). */
  const written = (name: string) => {
    const text = encryptedPdf(name).toString('latin1');
    const hex = (key: string) => Buffer.from(new RegExp(`/${key} <([0-9a-f]+)>`).exec(text)![1], 'hex');
    const int = (key: string) => Number(new RegExp(`/${key} (-?\\d+)`).exec(text)![1]);
    return { o: hex('O'), u: hex('U'), p: int('P'), r: int('R'), id: Buffer.from(/\/ID \[ ?<([0-9a-f]+)>/.exec(text)![1], 'hex') };
  };
  /** `bytes` as a literal string using every kind of escape: \n \r \t \b \f \( \) \\, \ddd, raw high bytes, and a line continuation. */
  const literal = (bytes: Buffer) => {
    const named: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x08: '\\b', 0x0c: '\\f', 0x28: '\\(', 0x29: '\\)', 0x5c: '\\\\' };
    const chars = [...bytes].map((b) => named[b] ?? (b >= 0x20 && b < 0x7f || b >= 0xa0 ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`));
    return `(${chars.slice(0, 7).join('')}\\\r\n${chars.slice(7).join('')})`;
  };

  it.each(['r2-rc4-40', 'r3-rc4-128', 'r4-rc4-128', 'r4-aes-128', 'r5-aes-256', 'r6-aes-256'])(
    'given a %s PDF, when it needs a user password to open then it is refused, and when it has only an owner password then it is accepted',
    (encryption) => {
      expect(inspect(encryptedPdf(`${encryption}-user`))).toEqual(locked());
      expect(inspect(encryptedPdf(`${encryption}-owner-only`))).toEqual(accepted('pdf'));
    },
  );

  it.each(['r6-aes-256-xref-stream', 'r4-aes-128-linearized', 'r4-aes-128-cleartext-metadata'])('given a %s PDF (the trailer in a cross-reference stream, linearized, or /EncryptMetadata false), the same holds', (layout) => {
    expect(inspect(encryptedPdf(`${layout}-user`))).toEqual(locked());
    expect(inspect(encryptedPdf(`${layout}-owner-only`))).toEqual(accepted('pdf'));
  });

  it('given an incrementally updated encrypted PDF, when the last trailer is read then the update decides as the original did', () => {
    expect(inspect(encryptedPdf('r6-aes-256-updated-user'))).toEqual(locked());
    expect(inspect(encryptedPdf('r4-aes-128-updated-owner-only'))).toEqual(accepted('pdf'));
  });

  it('given /O, /U and /ID as literal strings with escapes, octal bytes and a line continuation, when checked then they read as the hexadecimal ones', () => {
    for (const name of ['r3-rc4-128', 'r6-aes-256']) {
      for (const who of ['user', 'owner-only']) {
        const { o, u, p, r, id } = written(`${name}-${who}`);
        const pdf = withTrailer(`/Encrypt << /Filter /Standard /V ${r === 3 ? 2 : 5} /R ${r} /Length ${r === 3 ? 128 : 256} /O ${literal(o)} /U ${literal(u)} /P ${p} >> /ID [${literal(id)} <00>]`);
        expect([name, who, inspect(pdf)]).toEqual([name, who, who === 'user' ? locked() : accepted('pdf')]);
      }
    }
  });

  it('given a V4 dictionary without /Length, when checked then the key length is its stream crypt filter\'s (in bytes, 16)', () => {
    for (const who of ['user', 'owner-only']) {
      const { o, u, p, id } = written(`r4-aes-128-${who}`);
      const pdf = withTrailer(`/Encrypt << /Filter /Standard /V 4 /R 4 /CF << /StdCF << /CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${p} >> /ID [<${id.toString('hex')}> <00>]`);
      expect([who, inspect(pdf)]).toEqual([who, who === 'user' ? locked() : accepted('pdf')]);
    }
  });

  it('given a UTF-8 byte order mark before an encrypted PDF, or a startxref that points nowhere, when checked then the trailer is still found', () => {
    expect(inspect(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encryptedPdf('r4-aes-128-user')]))).toEqual(locked());
    const wrongOffset = (name: string) => Buffer.from(encryptedPdf(name).toString('latin1').replace(/startxref\s+\d+\s+%%EOF\s*$/, 'startxref\n9\n%%EOF\n'), 'latin1');
    expect(inspect(wrongOffset('r4-aes-128-user'))).toEqual(locked());
    expect(inspect(wrongOffset('r6-aes-256-xref-stream-user'))).toEqual(locked());
    expect(inspect(wrongOffset('r6-aes-256-xref-stream-owner-only'))).toEqual(accepted('pdf'));
  });

  it('given another security handler than Standard (a certificate), when checked then it is refused naming the handler', () => {
    expect(inspect(withTrailer('/Encrypt << /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /R 4 /Recipients [<3082>] >>'))).toEqual(locked('Adobe.PubSec'));
  });

  it('given an /Encrypt that is missing, incomplete or of an unknown revision, when checked then the PDF is damaged, not accepted', () => {
    const reason = (bytes: Buffer) => (inspect(bytes) as { reason?: string }).reason;
    const unreadableTrailer = 'trailer tidak terbaca, sehingga perlindungan kata sandinya tidak dapat diperiksa';
    expect(reason(withTrailer('/Encrypt 9 0 R'))).toBe('kamus enkripsi (/Encrypt) tidak ditemukan');
    expect(reason(withTrailer('/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /P -4 >>'))).toBe('kamus enkripsi (/Encrypt) tidak terbaca');
    expect(reason(withTrailer('/Encrypt << /Filter /Standard /V 2 /R 3 /O (unclosed /U <00> /P -4 >>'))).toBe(unreadableTrailer);
    expect(reason(withTrailer('/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00 /P -4 >>'))).toBe(unreadableTrailer);
    expect(reason(withTrailer('/Encrypt << /Filter /Standard /V 7 /R 7 /O <00> /U <00> /P -4 >>'))).toBe('revisi pengamanan /R 7 tidak dikenal');
    expect(reason(withTrailer('/Encrypt [ 1 2 ]'))).toBe('kamus enkripsi (/Encrypt) tidak terbaca');
  });

  it('given a PDF without /Encrypt in its trailer, when its pages merely mention /Encrypt then it is accepted', () => {
    const mention = Buffer.from(evidencePdf().toString('latin1').replace('/MediaBox', '/Note (/Encrypt 3 0 R) /MediaBox'), 'latin1');
    expect(inspect(mention)).toEqual(accepted('pdf'));
  });
});
