import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, createDeflateRaw, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, Zip, ZipDeflate, type ZipInputFile, zipSync, type Zippable } from 'fflate';

/**
 * Real, minimal files of each evidence type, for tests: every one is a file its application opens
 * (the JPEG was made by cjpeg and decodes with djpeg; the others are built here by the rules of
 * their format).
 */

/**
 * A one-page PDF with a correct cross-reference table; `label` (one line) goes in a comment, making
 * the bytes distinct, and `padding` spaces before the first object make it that much larger.
 */
export function evidencePdf(label = 'bukti dukung', padding = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  const chunks = [Buffer.from(`%PDF-1.4\n% ${label.replace(/[\r\n]/g, ' ')}\n`, 'utf8'), Buffer.alloc(padding, 0x20)];
  let size = chunks[0].length + padding;
  const offsets = objects.map((body, i) => {
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    const at = size;
    size += chunk.length;
    return at;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  chunks.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/**
 * A one-page PDF encrypted by qpdf (made by test/fixtures/evidence/make-encrypted-pdfs.sh): `name`
 * is its revision and cipher, then `-user` (opens only with the user password "rahasia") or
 * `-owner-only` (an owner password alone: it opens without one), e.g. `r6-aes-256-user`.
 */
export function encryptedPdf(name: string): Buffer {
  return readFileSync(join(__dirname, '../../../../test/fixtures/evidence', `${name}.pdf`));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 grey PNG (8-bit greyscale). */
export function evidencePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))), // filter none, one pixel
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1×1 grey baseline JPEG (`cjpeg -quality 50 -grayscale`; `djpeg` decodes it to the pixel 0x80). */
export function evidenceJpeg(): Buffer {
  return Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAABAAEBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ACv/2Q==',
    'base64',
  );
}

/** A DOCX written by the `docx` package, with one paragraph. */
export function evidenceDocx(text = 'Nota dinas'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const XLSM_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/** The parts of a minimal one-sheet workbook; `main` is the workbook's content type. */
export function xlsxParts(main = XLSX_MAIN): Record<string, string> {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${main}"/>` +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rekap" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Realisasi</t></is></c><c r="B1"><v>95.5</v></c></row></sheetData></worksheet>',
  };
}

/** A ZIP of `parts` (deflated), as an Office application writes a package. */
export function zipOf(parts: Record<string, string | Uint8Array>): Buffer {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** A minimal XLSX with one sheet. */
export function evidenceXlsx(): Buffer {
  return zipOf(xlsxParts());
}

/** An XLSM (macro-enabled workbook, with its VBA project) presented as an XLSX. */
export function macroXlsx(): Buffer {
  return zipOf({ ...xlsxParts(XLSM_MAIN), 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
}

/**
 * A well-formed XLSX of about 200 KiB whose image part inflates to `unpackedMiB` MiB (zeros,
 * deflated at about 1000:1): a ZIP bomb by its central directory and by its content alike.
 */
export async function bombXlsx(unpackedMiB = 200): Promise<Buffer> {
  const mebibyte = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let i = 0; i < unpackedMiB; i++) {
    deflate.write(mebibyte);
    crc = crc32(mebibyte, crc);
  }
  deflate.end();
  await done;

  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  for (const [name, content] of Object.entries(xlsxParts())) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(strToU8(content), true);
  }
  // Already deflated: handed to the ZIP as is, with the size and CRC of what it inflates to.
  const image: ZipInputFile = { filename: 'xl/media/image1.png', size: unpackedMiB * mebibyte.length, crc, compression: 8 };
  zip.add(image);
  image.ondata!(null, Buffer.concat(compressed), true);
  zip.end();
  return Buffer.concat(out);
}
