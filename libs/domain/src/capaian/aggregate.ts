import { Dec } from '../shared/decimal';
import type { Aggregation } from '../perjanjian-kinerja/pk-structure.types';

/**
 * The year's (or to-date) figure from monthly figures in month order. Blank months are not
 * passed in: they are ignored, never counted as 0. Null when no month has a figure.
 */
export function aggregate(values: readonly Dec[], aggregation: Aggregation): Dec | null {
  if (values.length === 0) return null;
  switch (aggregation) {
    case 'SUM':
      return values.reduce((sum, v) => sum.plus(v), new Dec(0));
    case 'LAST':
      return values[values.length - 1];
    case 'AVERAGE':
      return values.reduce((sum, v) => sum.plus(v), new Dec(0)).dividedBy(values.length);
    case 'MAX':
      return Dec.max(...values);
    default: {
      const _exhaustive: never = aggregation;
      return _exhaustive;
    }
  }
}
