import { cleanFileName } from './evidence.service';

describe('the name an uploaded file is kept under', () => {
  it('given a path, then only the base name is kept, without control characters or quotes', () => {
    expect(cleanFileName('C:\\Users\\kul\\SP2D "Januari"\u0007.pdf')).toBe('SP2D Januari.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('given no usable name, then a neutral one', () => {
    expect(cleanFileName(undefined)).toBe('bukti-dukung');
    expect(cleanFileName(' \u0001 ')).toBe('bukti-dukung');
  });

  it('given a name over 200 characters, then it is shortened before its extension, which is kept', () => {
    const name = cleanFileName(`${'laporan-realisasi-'.repeat(20)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
