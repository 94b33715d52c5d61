import { aStructure } from '../../testing/builders';
import { indicatorsOwnedBy, reportingSubbagian } from './pk-queries';

describe('Who reports what under a PK', () => {
  it('given K1.1 and K1.2 with KUL and K2.1 with PDI, then KUL owns two lines and PDI one', () => {
    expect(indicatorsOwnedBy(aStructure(), 'KUL').map((i) => i.code)).toEqual(['K1.1', 'K1.2']);
    expect(indicatorsOwnedBy(aStructure(), 'PDI').map((i) => i.code)).toEqual(['K2.1']);
    expect(indicatorsOwnedBy(aStructure(), 'TPH')).toEqual([]);
  });

  it('given the same structure, then only KUL and PDI have to report', () => {
    expect(reportingSubbagian(aStructure())).toEqual(['KUL', 'PDI']);
  });
});
