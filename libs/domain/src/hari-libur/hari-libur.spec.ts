import { DomainError } from '../shared/domain-error';
import { validateHariLiburList, type HariLibur } from './hari-libur';

const idulFitri: HariLibur = { date: '2026-03-20', name: 'Hari Raya Idul Fitri 1447 H', kind: 'LIBUR_NASIONAL' };
const cutiIdulFitri: HariLibur = { date: '2026-03-23', name: 'Cuti Bersama Hari Raya Idul Fitri 1447 H', kind: 'CUTI_BERSAMA' };
const kemerdekaan: HariLibur = { date: '2026-08-17', name: 'Hari Kemerdekaan RI', kind: 'LIBUR_NASIONAL' };

function refusal(year: number, entries: HariLibur[]): DomainError {
  try {
    validateHariLiburList(year, entries);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe("a year's list of national holidays and cuti bersama", () => {
  it('is kept sorted by date, names in NFKC with single spaces', () => {
    const list = validateHariLiburList(2026, [kemerdekaan, { ...cutiIdulFitri, name: '  Cuti  Bersama\u00a0Idul Fitri ' }, { ...idulFitri, name: 'Ｈari Raya Idul Fitri' }]);
    expect(list).toEqual([
      { ...idulFitri, name: 'Hari Raya Idul Fitri' },
      { ...cutiIdulFitri, name: 'Cuti Bersama Idul Fitri' },
      kemerdekaan,
    ]);
  });

  it('may be empty: the year has no holiday recorded', () => {
    expect(validateHariLiburList(2026, [])).toEqual([]);
  });

  it('refuses a date of another year, naming the item (422 HARI_LIBUR.DATE_OUTSIDE_YEAR)', () => {
    const error = refusal(2026, [idulFitri, { ...kemerdekaan, date: '2025-12-25' }]);
    expect(error).toMatchObject({ code: 'HARI_LIBUR.DATE_OUTSIDE_YEAR', kind: 'validation', details: { item: 2, date: '2025-12-25', year: 2026 } });
    expect(error.message).toContain('Butir ke-2 (2025-12-25) bukan tanggal tahun 2026');
  });

  it('refuses a date given twice, naming both items (HARI_LIBUR.DUPLICATE_DATE)', () => {
    const error = refusal(2026, [idulFitri, kemerdekaan, { ...idulFitri, name: 'Idul Fitri hari kedua', kind: 'CUTI_BERSAMA' }]);
    expect(error).toMatchObject({ code: 'HARI_LIBUR.DUPLICATE_DATE', details: { item: 3, date: '2026-03-20', sameAsItem: 1 } });
  });

  it.each([[''], ['   '], ['\u2003\u2003'], ['\u0301']])('refuses a name a reader cannot see (%j) with HARI_LIBUR.NAME_REQUIRED', (name) => {
    expect(refusal(2026, [{ ...kemerdekaan, name }])).toMatchObject({ code: 'HARI_LIBUR.NAME_REQUIRED', details: { item: 1, field: 'name' } });
  });

  it.each([['Hari\u200bKemerdekaan'], ['Hari Kemerdekaan\u202e'], ['Hari\tKemerdekaan'], ['Hari\nKemerdekaan'],
    ['Tahun\u034fBaru'], ['Tahun\ufe0fBaru'], ['Tahun\u17b4Baru']])(
    'refuses a name with a hidden character (%j), as office names are (HARI_LIBUR.HIDDEN_CHARACTERS)',
    (name) => {
      expect(refusal(2026, [{ ...kemerdekaan, name }])).toMatchObject({ code: 'HARI_LIBUR.HIDDEN_CHARACTERS', details: { item: 1, field: 'name' } });
    },
  );

  it('refuses a name stacking combining marks past what any script writes (HARI_LIBUR.STACKED_MARKS), and keeps one with the accents people write', () => {
    const error = refusal(2026, [idulFitri, { ...kemerdekaan, name: 'Hari K\u0338\u0322\u034e\u0317emerdekaan' }]);
    expect(error).toMatchObject({ code: 'HARI_LIBUR.STACKED_MARKS', kind: 'validation', details: { item: 2, date: '2026-08-17', field: 'name', maxMarksPerCharacter: 3 } });
    expect(error.message).toContain('Nama butir ke-2 (2026-08-17) menumpuk tanda diakritik');
    expect(validateHariLiburList(2026, [{ ...kemerdekaan, name: 'Tết Nguyên Đán' }])[0].name).toBe('Tết Nguyên Đán');
  });

  it('refuses a name longer than 200 characters as stored, though shorter as typed (HARI_LIBUR.NAME_TOO_LONG)', () => {
    // "ﷺ" (one character) is 18 in NFKC: twelve of them are 216 characters stored.
    const error = refusal(2026, [idulFitri, { ...kemerdekaan, name: 'ﷺ'.repeat(12) }]);
    expect(error).toMatchObject({ code: 'HARI_LIBUR.NAME_TOO_LONG', kind: 'validation', details: { item: 2, date: '2026-08-17', length: 216, maxLength: 200 } });
    expect(error.message).toContain('Nama butir ke-2 (2026-08-17) menjadi 216 karakter');
    expect(validateHariLiburList(2026, [{ ...kemerdekaan, name: 'K'.repeat(200) }])[0].name).toHaveLength(200);
  });
});
