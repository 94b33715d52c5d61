import { aPkInForce, aStructure } from '../../testing/builders';
import { budgetOverPaguWarnings, type BudgetOverPaguInput } from './budget-over-pagu';

// aStructure(): K1 "Pengelolaan Keuangan" with pagu Rp 1.000.000, K2 without pagu.
const ADVICE = 'periksa kembali angka; bila pagu telah direvisi dalam DIPA, ajukan PK Perubahan.';

function input(overrides: Partial<BudgetOverPaguInput> = {}): BudgetOverPaguInput {
  return { year: 2024, month: 3, pk: aPkInForce(), budget: [{ kegiatanCode: 'K1', spent: '100000' }], spentInOtherReports: new Map(), ...overrides };
}

describe('budget realisasi beyond the pagu (warned, never refused)', () => {
  it('given a month within the pagu and no other spending, when checked, then there is no warning', () => {
    expect(budgetOverPaguWarnings(input())).toEqual([]);
  });

  it('given a month that alone exceeds the annual pagu (extra zeros), when checked, then it warns MONTH_BUDGET_OVER_PAGU naming kegiatan, month, amount and pagu', () => {
    const warnings = budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K1', spent: '10000000' }], spentInOtherReports: new Map([['K1', '200000']]) }));
    expect(warnings).toEqual([{
      code: 'REALISASI.MONTH_BUDGET_OVER_PAGU',
      message: `Realisasi anggaran kegiatan K1 (Pengelolaan Keuangan) bulan Maret 2024 sebesar Rp 10.000.000 melebihi pagu kegiatan itu untuk setahun, Rp 1.000.000: ${ADVICE}`,
      details: {
        kegiatanCode: 'K1', kegiatanName: 'Pengelolaan Keuangan', year: 2024, month: 3,
        spent: '10000000', spentInOtherReports: '200000', yearTotal: '10200000', pagu: '1000000', pkVersion: 1,
      },
    }]);
  });

  it('given a month within the pagu but the year with it beyond, when checked, then it warns BUDGET_OVER_PAGU with the year total and the other reports\' share', () => {
    const [warning, ...rest] = budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K1', spent: '300000' }], spentInOtherReports: new Map([['K1', '800000']]) }));
    expect(rest).toEqual([]);
    expect(warning.code).toBe('REALISASI.BUDGET_OVER_PAGU');
    expect(warning.message).toBe(
      'Realisasi anggaran kegiatan K1 (Pengelolaan Keuangan) tahun 2024 menjadi Rp 1.100.000 dengan bulan Maret 2024 (Rp 300.000 bulan ini dan ' +
        `Rp 800.000 pada laporan lain yang telah disetujui), melebihi pagu Rp 1.000.000: ${ADVICE}`,
    );
    expect(warning.details).toMatchObject({ spent: '300000', spentInOtherReports: '800000', yearTotal: '1100000', pagu: '1000000' });
  });

  it('given the year reaching the pagu exactly, when checked, then there is no warning', () => {
    expect(budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K1', spent: '200000.01' }], spentInOtherReports: new Map([['K1', '799999.99']]) }))).toEqual([]);
  });

  it('given amounts with sen one sen over the pagu, when checked, then decimal arithmetic catches it and every figure is printed with its sen', () => {
    // 0.1 + 0.2 style float error would hide or invent a sen; Dec does not.
    const [warning] = budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K1', spent: '200000.02' }], spentInOtherReports: new Map([['K1', '799999.99']]) }));
    expect(warning.code).toBe('REALISASI.BUDGET_OVER_PAGU');
    expect(warning.details.yearTotal).toBe('1000000.01');
    expect(warning.message).toContain('menjadi Rp 1.000.000,01 dengan bulan Maret 2024 (Rp 200.000,02 bulan ini dan Rp 799.999,99 pada laporan lain');
    expect(warning.message).toContain('melebihi pagu Rp 1.000.000,00');
  });

  it('given a month of 1.5 rupiah over a pagu written "1000000", when checked, then the details give every amount with two places as the message does and the pagu as the PK writes it', () => {
    const [warning] = budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K1', spent: '1000001.5' }] }));
    expect(warning.details).toMatchObject({ spent: '1000001.50', spentInOtherReports: '0.00', yearTotal: '1000001.50', pagu: '1000000' });
    expect(warning.message).toContain('sebesar Rp 1.000.001,50 melebihi pagu kegiatan itu untuk setahun, Rp 1.000.000,00');
  });

  it('given a month that spends nothing on a kegiatan whose year is already over its pagu, when checked, then there is no warning: the figure to re-check is elsewhere', () => {
    expect(budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K1', spent: '0' }], spentInOtherReports: new Map([['K1', '1500000']]) }))).toEqual([]);
    expect(budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K1', spent: '0.01' }], spentInOtherReports: new Map([['K1', '1500000']]) }))[0].code).toBe('REALISASI.BUDGET_OVER_PAGU');
  });

  it('given a kegiatan whose pagu is null, when any amount is reported, then there is no warning', () => {
    expect(budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K2', spent: '999999999999' }] }))).toEqual([]);
  });

  it('given no PK in force or a kegiatan the PK in force does not have, when checked, then there is no warning', () => {
    expect(budgetOverPaguWarnings(input({ pk: null, budget: [{ kegiatanCode: 'K1', spent: '999999999' }] }))).toEqual([]);
    expect(budgetOverPaguWarnings(input({ budget: [{ kegiatanCode: 'K9', spent: '999999999' }] }))).toEqual([]);
  });

  it('given a PK Perubahan that raised the pagu, when checked against it, then the warning is gone', () => {
    const structure = aStructure();
    structure.programs[0].kegiatan[0].pagu = '20000000';
    expect(budgetOverPaguWarnings(input({ pk: aPkInForce(structure, 2), budget: [{ kegiatanCode: 'K1', spent: '10000000' }] }))).toEqual([]);
  });

  it('given two kegiatan both beyond their pagu, when checked, then each gets its own warning in the order of the report', () => {
    const structure = aStructure();
    structure.programs[0].kegiatan[1].pagu = '500000';
    const warnings = budgetOverPaguWarnings(input({
      pk: aPkInForce(structure), budget: [{ kegiatanCode: 'K2', spent: '600000' }, { kegiatanCode: 'K1', spent: '900000' }], spentInOtherReports: new Map([['K1', '200000']]),
    }));
    expect(warnings.map((w) => [w.code, w.details.kegiatanCode])).toEqual([['REALISASI.MONTH_BUDGET_OVER_PAGU', 'K2'], ['REALISASI.BUDGET_OVER_PAGU', 'K1']]);
  });
});
