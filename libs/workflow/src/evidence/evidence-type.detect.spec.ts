import { detectEvidenceType, EVIDENCE_TYPES } from './evidence-type.detect';

describe('detectEvidenceType: the content decides, not the name', () => {
  it('recognises PDF, JPEG and PNG by their signatures', () => {
    expect(detectEvidenceType(Buffer.from('%PDF-1.7\n%...'))).toBe(EVIDENCE_TYPES.pdf);
    expect(detectEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe(EVIDENCE_TYPES.jpeg);
    expect(detectEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(EVIDENCE_TYPES.png);
  });

  it('tells DOCX from XLSX by the package parts', () => {
    const zip = (parts: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`....[Content_Types].xml....${parts}`)]);
    expect(detectEvidenceType(zip('word/document.xml'))).toBe(EVIDENCE_TYPES.docx);
    expect(detectEvidenceType(zip('xl/workbook.xml'))).toBe(EVIDENCE_TYPES.xlsx);
    expect(detectEvidenceType(zip('ppt/presentation.xml'))).toBeNull();
  });

  it('refuses anything else, e.g. an executable or HTML named like a PDF', () => {
    expect(detectEvidenceType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectEvidenceType(Buffer.from('<html><body>%PDF-</body></html>'))).toBeNull();
    expect(detectEvidenceType(Buffer.alloc(0))).toBeNull();
  });
});
