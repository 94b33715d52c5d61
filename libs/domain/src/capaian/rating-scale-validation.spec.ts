import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../shared/domain-error';
import { measure, single } from '../../testing/capaian-helpers';
import { DEFAULT_RATING_SCALE, validateRatingScale, type RatingScale } from './rating-scale';

const codeOf = (scale: RatingScale) => {
  try {
    validateRatingScale(scale);
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};
const rows = DEFAULT_RATING_SCALE.rows;

describe('The rating scale is data: versioned, and covering every value exactly once', () => {
  it('given the default scale (Tabel 3.1), then it is valid and equals data/rating-scale-default.json', () => {
    expect(codeOf(DEFAULT_RATING_SCALE)).toBeNull();
    const file = JSON.parse(readFileSync(join(__dirname, '../../../../data/rating-scale-default.json'), 'utf8'));
    expect({ version: file.version, rows: file.rows }).toEqual(DEFAULT_RATING_SCALE);
  });

  it('given a gap between two rows, then it is refused', () => {
    expect(codeOf({ version: 'x', rows: [rows[0], { ...rows[1], minExclusive: '91' }, ...rows.slice(2)] })).toBe('RATING_SCALE.INVALID');
  });

  it('given a top row with an upper bound, then it is refused', () => {
    expect(codeOf({ version: 'x', rows: [{ ...rows[0], maxInclusive: '200' }, ...rows.slice(1)] })).toBe('RATING_SCALE.INVALID');
  });

  it('given no version, then it is refused', () => {
    expect(codeOf({ version: '', rows })).toBe('RATING_SCALE.INVALID');
  });

  it('given an office scale of its own, then the table is rated with it and names its version', () => {
    const strict: RatingScale = { version: 'ketat-2025', rows: [
      { minExclusive: '95', maxInclusive: null, category: 'Baik', meaning: '' },
      { minExclusive: null, maxInclusive: '95', category: 'Kurang', meaning: '' },
    ] };
    expect(codeOf(strict)).toBeNull();
    expect(measure({ target: single('100') }, ['95'], undefined, strict).category).toBe('Kurang');
  });
});
