/** The types of bukti dukung Kinerja accepts, recognised by their content, never by name or header. */
export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type EvidenceContentType = (typeof EVIDENCE_TYPES)[keyof typeof EVIDENCE_TYPES];

const startsWith = (bytes: Buffer, signature: number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/**
 * The content type of a file from its first bytes, or null when it is none of the accepted ones.
 * DOCX and XLSX are ZIP packages: told apart by the part names the package holds (`word/`, `xl/`),
 * which are stored uncompressed in the ZIP headers.
 */
export function detectEvidenceType(bytes: Buffer): EvidenceContentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return EVIDENCE_TYPES.pdf; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return EVIDENCE_TYPES.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return EVIDENCE_TYPES.png;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (!bytes.includes('[Content_Types].xml')) return null;
    if (bytes.includes('word/')) return EVIDENCE_TYPES.docx;
    if (bytes.includes('xl/')) return EVIDENCE_TYPES.xlsx;
  }
  return null;
}
