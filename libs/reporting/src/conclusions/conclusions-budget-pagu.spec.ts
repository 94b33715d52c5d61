import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { jemberInputWithBudget } from '../testing/jember-variants';
import { sectionOf, textsOf } from '../testing/document-blocks';

const ALL = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];
const each = (value: string) => Object.fromEntries(ALL.map((c) => [c, value]));

/** The budget sentence of BAB IV 4.1 (and of the Ikhtisar, which lists the same): no pagu, some pagu, every pagu. */
describe('BAB IV conclusions on the budget, by how much pagu the PK holds', () => {
  it('given no pagu at all, then it says the pagu is not available yet ("belum tersedia"), not that it is incomplete', () => {
    const model = buildLkjModel(jember2024LkjInput());
    const sentence = 'Data pagu anggaran belum tersedia: Perjanjian Kinerja Tahun 2024 tidak memuat pagu untuk kegiatan mana pun, ' +
      'sehingga penyerapan dan efisiensi penggunaan anggaran belum dapat disimpulkan.';
    expect(model.conclusions.at(-1)).toBe(sentence);
    expect(textsOf(sectionOf(model, 'ikhtisar-eksekutif'))).toContain(sentence);
    expect(textsOf(sectionOf(model, 'bab-3-3'))).toContain(
      'Perjanjian Kinerja Tahun 2024 belum memuat pagu anggaran untuk kegiatan mana pun (tidak ada data pagu), sehingga ' +
        'penyerapan dan efisiensi setiap kegiatan dicantumkan "tidak tersedia".',
    );
  });

  it('given no pagu but money spent, then the spending is stated beside it', () => {
    const model = buildLkjModel(jemberInputWithBudget({}, { K5: '8000000' }));
    expect(model.conclusions.at(-1)).toMatch(/belum dapat disimpulkan\. Realisasi anggaran yang dilaporkan pada Tahun 2024 sebesar Rp 96\.000\.000\.$/);
  });

  it('given a pagu on K5 only, then it says for how many kegiatan pagu is available and the absorption on those', () => {
    const model = buildLkjModel(jemberInputWithBudget({ K5: '120000000' }, { K5: '8000000', K4: '1000000' }));
    expect(model.conclusions.at(-1)).toBe(
      'Data pagu anggaran baru tersedia untuk 1 (satu) dari 7 (tujuh) kegiatan, sehingga penyerapan anggaran secara keseluruhan ' +
        'belum dapat disimpulkan; pada kegiatan yang memiliki pagu, realisasi anggaran Tahun 2024 sebesar Rp 96.000.000 dari ' +
        'pagu Rp 120.000.000 atau penyerapan 80,00%.',
    );
    expect(textsOf(sectionOf(model, 'bab-3-3'))).toContainEqual(expect.stringMatching(
      /^Pagu anggaran belum dimuat dalam Perjanjian Kinerja Tahun 2024 untuk 6 \(enam\) dari 7 \(tujuh\) kegiatan, yaitu Kegiatan Fasilitasi .*; penyerapan dan efisiensi kegiatan tersebut, serta penyerapan keseluruhan, dicantumkan "tidak tersedia"\.$/,
    ));
  });

  it('given every pagu, then the absorption of the whole office', () => {
    const model = buildLkjModel(jemberInputWithBudget(each('120000000'), each('8000000')));
    expect(model.conclusions.at(-1)).toBe('Realisasi anggaran sebesar Rp 672.000.000 dari pagu Rp 840.000.000 atau penyerapan 80,00%.');
    expect(textsOf(sectionOf(model, 'bab-3-3')).join(' ')).not.toMatch(/pagu anggaran .*(tidak ada data|belum dimuat)/);
  });
});
