import { unzipSync } from 'fflate';
import { bombXlsx, evidenceDocx, evidenceJpeg, evidencePdf, evidencePng, evidenceXlsx, macroXlsx, xlsxParts, zipOf } from './evidence-files.testing';
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
