import JSZip from 'jszip';

/**
 * Reads a rendered DOCX back for tests: the body as a sequence of top-level paragraphs and tables
 * (a caption is the paragraph before its table), each with its plain text and paragraph style.
 */

export type BodyElement =
  | { kind: 'paragraph'; style: string | null; text: string; xml: string }
  | { kind: 'table'; rows: string[][]; headerRows: number; xml: string };

export interface DocxParts {
  document: string;
  footers: string[];
  headers: string[];
  /** docProps/core.xml: title, subject, creator, lastModifiedBy. */
  core: string;
  files: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files);
  const read = (name: string) => zip.file(name)!.async('string');
  return {
    document: await read('word/document.xml'),
    footers: await Promise.all(files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map(read)),
    headers: await Promise.all(files.filter((f) => /^word\/header\d*\.xml$/.test(f)).map(read)),
    core: await read('docProps/core.xml'),
    files,
  };
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function textOf(xml: string): string {
  const runs = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)];
  return unescape(runs.map((m) => (m[0] === '<w:tab/>' ? '\t' : m[1])).join(''));
}

export function bodyElements(documentXml: string): BodyElement[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'));
  const out: BodyElement[] = [];
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const xml = m[0];
    if (xml.startsWith('<w:tbl>')) {
      const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => r[0]);
      out.push({
        kind: 'table',
        xml,
        headerRows: rows.filter((r) => r.includes('<w:tblHeader')).length,
        rows: rows.map((r) => [...r.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
      });
    } else {
      const style = /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? null;
      out.push({ kind: 'paragraph', style, text: textOf(xml), xml });
    }
  }
  return out;
}

/** The first table after the paragraph whose text is `caption` (e.g. "Tabel 3.2"). */
export function tableAfter(elements: BodyElement[], caption: string): Extract<BodyElement, { kind: 'table' }> {
  const at = elements.findIndex((e) => e.kind === 'paragraph' && e.text.trim() === caption);
  if (at < 0) throw new Error(`No paragraph "${caption}" in the document`);
  const table = elements.slice(at).find((e) => e.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error(`No table after "${caption}"`);
  return table;
}
