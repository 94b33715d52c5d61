import { Decimal } from 'decimal.js';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberInputWithBudget } from '../testing/jember-variants';
import { tableRows } from '../testing/document-blocks';
import { formatRupiah, rupiahPlaces } from './format-id';

const ALL = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];
const each = (value: string) => Object.fromEntries(ALL.map((c) => [c, value]));
const parse = (printed: string) => new Decimal(printed.replace('Rp ', '').replace(/\./g, '').replace(',', '.'));

/** Tabel 3.3: the printed "Jumlah" is the sum of the printed rows, with or without sen. */
describe('rupiah figures that add up as printed', () => {
  it('given amounts with sen (Rp 1.000.000,05 a month on each of 7 kegiatan), then every figure is printed with its sen and the rows add up to Jumlah', () => {
    // Rounded row by row this would print 7 × "Rp 12.000.001" beside a Jumlah of "Rp 84.000.004".
    const model = buildLkjModel(jemberInputWithBudget(each('15000000'), each('1000000.05')));
    expect(model.budget.rupiahPlaces).toBe(2);
    const rows = tableRows(model, 'tabel-3-3');
    const data = rows.slice(0, -1);
    const total = rows[rows.length - 1];
    expect(data.map((r) => r[3])).toEqual(Array(7).fill('Rp 12.000.000,60'));
    expect(total.slice(0, 3)).toEqual(['Jumlah', 'Rp 105.000.000,00', 'Rp 84.000.004,20']);
    for (const column of [2, 3]) {
      expect(data.reduce((sum, r) => sum.plus(parse(r[column])), new Decimal(0)).toFixed(2)).toBe(parse(total[column - 1]).toFixed(2));
    }
    expect(model.conclusions.at(-1)).toBe('Realisasi anggaran sebesar Rp 84.000.004,20 dari pagu Rp 105.000.000,00 atau penyerapan 80,00%.');
  });

  it('given whole rupiah only, then no sen are printed', () => {
    const model = buildLkjModel(jemberInputWithBudget(each('120000000'), each('8000000')));
    expect(model.budget.rupiahPlaces).toBe(0);
    expect(tableRows(model, 'tabel-3-3').at(-1)!.slice(0, 3)).toEqual(['Jumlah', 'Rp 840.000.000', 'Rp 672.000.000']);
  });

  it('chooses the places from every figure shown together', () => {
    expect(rupiahPlaces(['1000', null, '2500000'])).toBe(0);
    expect(rupiahPlaces(['1000', '0.5'])).toBe(2);
    expect(formatRupiah('1500000.5', 2)).toBe('Rp 1.500.000,50');
    expect(formatRupiah('1500000', 2)).toBe('Rp 1.500.000,00');
  });
});
