import { measure, single } from '../../testing/capaian-helpers';

describe('Capaian to date without a rencana aksi measures progress towards the annual target', () => {
  it('given target 1 Laporan, no plan, nothing reported by June, then 0.00 against the annual target', () => {
    expect(measure({ target: single('1') }, ['0', '0', '0', '0', '0', '0'], 6)).toMatchObject({ targetApplied: single('1'), capaian: '0.00' });
  });

  it('given target 4, no plan, 1 reported by March, then 25.00', () => {
    expect(measure({ target: single('4') }, ['0', '1', '0'], 3)).toMatchObject({ targetApplied: single('4'), capaian: '25.00' });
  });
});
