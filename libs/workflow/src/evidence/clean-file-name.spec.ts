import { withCleanEvidenceNames, cleanFileName } from './clean-file-name';
import { EVIDENCE_TYPES } from './evidence-type.detect';

const PDF = EVIDENCE_TYPES.pdf;

describe('the name an uploaded file is kept under', () => {
  it('given a path, then only the base name is kept, without control characters or quotes', () => {
    expect(cleanFileName('C:\\Users\\kul\\SP2D "Januari"\u0007.pdf', PDF)).toBe('SP2D Januari.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('given no usable name, then a neutral one with the extension of its type', () => {
    expect(cleanFileName(undefined)).toBe('bukti-dukung');
    expect(cleanFileName(' \u0001 ', PDF)).toBe('bukti-dukung.pdf');
    expect(cleanFileName('\u202e.pdf', PDF)).toBe('bukti-dukung.pdf');
  });

  it('given a name over 200 characters, then it is shortened before its extension, which is kept', () => {
    const name = cleanFileName(`${'laporan-realisasi-'.repeat(20)}.pdf`, PDF);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('given a long name of characters outside the BMP, then none is cut in half', () => {
    const name = cleanFileName(`${'😀'.repeat(250)}.pdf`, PDF);
    expect([...name]).toHaveLength(200);
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name); // a lone surrogate would not survive UTF-8
  });
});

describe('the extension of a stored name is that of the type detected from its content', () => {
  it.each([
    ['bukti-rapat.html', PDF, 'bukti-rapat.html.pdf'],
    ['laporan.exe', EVIDENCE_TYPES.png, 'laporan.exe.png'],
    ['foto kegiatan', EVIDENCE_TYPES.jpeg, 'foto kegiatan.jpg'],
    ['rekap.xls', EVIDENCE_TYPES.xlsx, 'rekap.xls.xlsx'],
    ['nota.pdf', EVIDENCE_TYPES.docx, 'nota.pdf.docx'],
    ['Laporan v1.2', PDF, 'Laporan v1.2.pdf'],
    ['bukti.pdf. . ', PDF, 'bukti.pdf'],
  ])('given %j stored as %s, then %j', (sent, type, kept) => {
    expect(cleanFileName(sent, type)).toBe(kept);
  });

  it.each([
    ['SPJ Mei.PDF', PDF],
    ['foto.jpeg', EVIDENCE_TYPES.jpeg],
    ['FOTO.JPG', EVIDENCE_TYPES.jpeg],
    ['grafik.png', EVIDENCE_TYPES.png],
    ['telaah.docx', EVIDENCE_TYPES.docx],
    ['rekap.xlsx', EVIDENCE_TYPES.xlsx],
  ])('given %j whose extension already names its type %s, then it is kept as sent', (sent, type) => {
    expect(cleanFileName(sent, type)).toBe(sent);
  });
});

describe('direction and other invisible format characters are removed', () => {
  it('given a right-to-left override that makes "…fdp.exe" read as "…exe.pdf", then the override goes and the real type is appended', () => {
    expect(cleanFileName('laporan\u202Efdp.exe', PDF)).toBe('laporanfdp.exe.pdf');
  });

  it.each(['202A', '202B', '202C', '202D', '202E', '2066', '2067', '2068', '2069', '200E', '200F', '061C', '200B', 'FEFF', '00AD', '2028'])(
    'given U+%s inside a name, then it is removed',
    (code) => {
      expect(cleanFileName(`lap${String.fromCodePoint(parseInt(code, 16))}oran.pdf`, PDF)).toBe('laporan.pdf');
    },
  );

  it('keeps letters of any script and emoji', () => {
    expect(cleanFileName('Laporan Ünïk – 😀 Mei.pdf', PDF)).toBe('Laporan Ünïk – 😀 Mei.pdf');
    expect(cleanFileName('تقرير.pdf', PDF)).toBe('تقرير.pdf');
  });
});

describe("the names in a report's evidence references", () => {
  it('given a reference named with a right-to-left override and another type, then it is named as its upload would be; the rest is kept', () => {
    const content = {
      lines: [{ indicatorCode: 'K1.1', value: '1', evidence: [{ sha256: 'a'.repeat(64), fileName: 'laporan\u202Efdp.exe', contentType: PDF, size: 9 }] }],
      budget: [{ kegiatanCode: 'K1', spent: '1' }],
    };
    expect(withCleanEvidenceNames(content)).toEqual({
      lines: [{ indicatorCode: 'K1.1', value: '1', evidence: [{ sha256: 'a'.repeat(64), fileName: 'laporanfdp.exe.pdf', contentType: PDF, size: 9 }] }],
      budget: [{ kegiatanCode: 'K1', spent: '1' }],
    });
  });

  it('given a name with a folder in it, then it is left for the decider to refuse', () => {
    const content = { lines: [{ evidence: [{ fileName: '../../laporan.pdf', contentType: PDF }] }] };
    expect(withCleanEvidenceNames(content)).toEqual(content);
  });
});
