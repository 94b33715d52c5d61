import { DEFAULT_RATING_SCALE, type RatingRow, type RatingScale } from '@kinerja/domain';
import { lkjReadsScalesAlike, ratingScaleTable } from './rating-scale-table';

const rows = DEFAULT_RATING_SCALE.rows;
const scale = (version: string, r: RatingRow[]): RatingScale => ({ version, rows: r });

describe('would an LKj read the same under another rating scale', () => {
  it('given the same rows under a new label, then it reads the same (the label is not printed)', () => {
    expect(lkjReadsScalesAlike(DEFAULT_RATING_SCALE, scale('tabel-3.1-2025', rows))).toBe(true);
  });

  it('given the same bounds written differently ("100" and "100.00"), then it reads the same', () => {
    const written = rows.map((r) => ({ ...r, maxInclusive: r.maxInclusive === null ? null : `${r.maxInclusive}.00` }));
    expect(lkjReadsScalesAlike(DEFAULT_RATING_SCALE, scale('lain', written))).toBe(true);
  });

  it('given a bound moved, then Tabel 3.1 prints it and the LKj reads differently, whether or not a figure changes row', () => {
    const moved = rows.map((r) => (r.maxInclusive === '50' ? { ...r, maxInclusive: '40' } : r.minExclusive === '50' ? { ...r, minExclusive: '40' } : r));
    expect(ratingScaleTable(scale('x', moved)).map((r) => r.range)).toEqual(['> 100', '> 90 s.d. 100', '> 70 s.d. 90', '> 40 s.d. 70', '≤ 40']);
    expect(lkjReadsScalesAlike(DEFAULT_RATING_SCALE, scale('x', moved))).toBe(false);
  });

  it('given a category renamed or a meaning reworded, then it reads differently', () => {
    expect(lkjReadsScalesAlike(DEFAULT_RATING_SCALE, scale('x', rows.map((r, i) => (i === 0 ? { ...r, category: 'Istimewa' } : r))))).toBe(false);
    expect(lkjReadsScalesAlike(DEFAULT_RATING_SCALE, scale('x', rows.map((r, i) => (i === 4 ? { ...r, meaning: 'Jauh dari target' } : r))))).toBe(false);
  });
});
