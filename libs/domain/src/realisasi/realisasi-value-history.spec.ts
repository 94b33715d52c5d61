import { kasubbagKul } from '../../testing/builders';
import { foldEvents } from '../shared/decider';
import { realisasiDecider } from './realisasi.decider';
import type { RealisasiEvent } from './realisasi.events';
import { FEB_1, FEB_5, line, saved } from './realisasi-spec.fixtures';

const resaved = (lines: ReturnType<typeof line>[]): RealisasiEvent =>
  ({ ...saved, data: { ...saved.data, lines, savedAt: FEB_5 } } as RealisasiEvent);

describe('Monthly realisasi: the history of each value records changes only', () => {
  it('given a first save with a blank line, then the blank line has no change recorded; the filled one has', () => {
    const state = foldEvents(realisasiDecider, [saved]);
    if (state.status === 'EMPTY') throw new Error('expected a report');
    expect(state.valueHistory['K1.1']).toEqual([{ value: '1', revision: 0, by: kasubbagKul.userId, at: FEB_1 }]);
    expect(state.valueHistory['K1.2']).toBeUndefined();
  });

  it('given a blank line, when it is filled and later emptied, then both are changes', () => {
    const state = foldEvents(realisasiDecider, [saved, resaved([line('K1.1', '1'), line('K1.2', '3')]), resaved([line('K1.1', '1'), line('K1.2', null)])]);
    if (state.status === 'EMPTY') throw new Error('expected a report');
    expect(state.valueHistory['K1.2'].map((c) => c.value)).toEqual(['3', null]);
    expect(state.valueHistory['K1.1'].map((c) => c.value)).toEqual(['1']);
  });
});
