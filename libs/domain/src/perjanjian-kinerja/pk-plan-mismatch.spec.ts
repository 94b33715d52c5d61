import { DomainError } from '../shared/domain-error';
import { anIndicator, aStructure, SUBBAGIAN } from '../../testing/builders';
import { validatePkStructure } from './pk-structure.validate';
import type { PkIndicator } from './pk-structure.types';

/** The refusal of a structure whose one indicator (A1) is `overrides`. */
function refusal(overrides: Partial<PkIndicator>): DomainError {
  try {
    validatePkStructure(aStructure([anIndicator({ code: 'A1', ...overrides })]), SUBBAGIAN);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
}
const months = (...values: string[]) => values;
const twelve = (v: string) => Array.from({ length: 12 }, () => v);
const TAIL = ' Ubah rencana bulanannya, atau targetnya bila targetnya yang keliru.';

describe('PK plan that misses its annual target: what it must be, by the indicator\'s aggregation, and what it is', () => {
  it('given SUM with target 12, when the plan is 2 each month, then the sum of the 12 months must be 12 and is 24', () => {
    const error = refusal({ monthlyPlan: twelve('2') });
    expect(error.code).toBe('PK.PLAN_MISMATCH');
    expect(error.message).toBe('Rencana aksi indikator A1 tidak sesuai dengan target tahunannya: agregasinya SUM, sehingga jumlah rencana 12 bulan '
      + `harus sama dengan target tahunan 12, sedangkan jumlahnya sekarang 24.${TAIL}`);
    expect(error.details).toEqual({ indicator: 'A1', aggregation: 'SUM', target: { kind: 'SINGLE', value: '12' }, planValue: '24', planTotal: '24' });
  });

  it('given LAST with target 90, when December plans 100, then December\'s plan must be 90 and is 100', () => {
    const plan = months('10', '20', '30', '40', '50', '60', '70', '80', '90', '95', '98', '100');
    const error = refusal({ aggregation: 'LAST', unit: '%', target: { kind: 'SINGLE', value: '90' }, monthlyPlan: plan });
    expect(error.message).toBe('Rencana aksi indikator A1 tidak sesuai dengan target tahunannya: agregasinya LAST, sehingga rencana bulan Desember '
      + `(nilai terakhir) harus sama dengan target tahunan 90, sedangkan rencana Desember sekarang 100.${TAIL}`);
    // planTotal is the plan's total (the 12 months added up) whatever the aggregation; planValue the figure compared.
    expect(error.details).toMatchObject({ target: { kind: 'SINGLE', value: '90' }, planValue: '100', planTotal: '743' });
  });

  it('given AVERAGE with target 8.37, when the months add up to 100, then the mean must be 8.37 (a sum of 100.44) and is 8.33 (a sum of 100)', () => {
    const plan = [...twelve('8').slice(0, 8), '9', '9', '9', '9'];
    const error = refusal({ aggregation: 'AVERAGE', target: { kind: 'SINGLE', value: '8.37' }, monthlyPlan: plan });
    expect(error.message).toBe('Rencana aksi indikator A1 tidak sesuai dengan target tahunannya: agregasinya AVERAGE, sehingga rata-rata rencana 12 bulan '
      + `harus sama dengan target tahunan 8.37, yaitu jumlah 12 bulan 100.44, sedangkan rata-ratanya sekarang 8.33 (jumlah 100).${TAIL}`);
    expect(error.details).toMatchObject({ aggregation: 'AVERAGE', target: { kind: 'SINGLE', value: '8.37' }, planValue: '8.33', planTotal: '100' });
  });

  it('given MAX with a range target 7–8, when the highest month plans 9, then the highest must lie in 7–8 and is 9', () => {
    const plan = [...twelve('5').slice(0, 11), '9'];
    const error = refusal({ aggregation: 'MAX', target: { kind: 'RANGE', min: '7', max: '8' }, monthlyPlan: plan });
    expect(error.message).toBe('Rencana aksi indikator A1 tidak sesuai dengan target tahunannya: agregasinya MAX, sehingga rencana tertinggi di antara 12 bulan '
      + `harus berada dalam rentang target tahunan 7–8, sedangkan yang tertinggi sekarang 9.${TAIL}`);
    expect(error.details).toMatchObject({ target: { kind: 'RANGE', min: '7', max: '8' }, planValue: '9', planTotal: '64' });
  });

  it('given AVERAGE with a range target 7–8, when the mean is 6.5, then the sums the range stands for are given too', () => {
    const plan = [...twelve('6').slice(0, 6), ...twelve('7').slice(0, 6)];
    expect(refusal({ aggregation: 'AVERAGE', target: { kind: 'RANGE', min: '7', max: '8' }, monthlyPlan: plan }).message).toContain(
      'harus berada dalam rentang target tahunan 7–8, yaitu jumlah 12 bulan 84–96, sedangkan rata-ratanya sekarang 6.5 (jumlah 78).',
    );
  });
});
