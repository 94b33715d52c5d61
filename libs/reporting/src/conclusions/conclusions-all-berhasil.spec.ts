import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { generateConclusions } from './generate-conclusions';

describe('BAB IV conclusions when every indicator reached its target (Jember 2024)', () => {
  const model = buildLkjModel(jember2024LkjInput());
  const conclusions = generateConclusions({
    officeName: model.office.name,
    year: model.year,
    draft: false,
    measurement: model.measurement,
    analyses: model.analyses,
    budget: model.budget,
    targetCategories: ['Sangat Berhasil', 'Berhasil'],
  });

  it('states the scope in words and figures', () => {
    expect(conclusions[0]).toBe(
      'Pengukuran kinerja Sekretariat KPU Kabupaten Jember Tahun 2024 mencakup 18 (delapan belas) indikator kinerja ' +
        'pada 7 (tujuh) kegiatan dalam 2 (dua) program sebagaimana ditetapkan dalam Perjanjian Kinerja Tahun 2024.',
    );
  });

  it('gives the average with its category, and all 18 in one category', () => {
    expect(conclusions).toContain('Capaian rata-rata seluruh indikator kinerja Tahun 2024 sebesar 100,00% dengan kategori Berhasil.');
    expect(conclusions).toContain('Seluruh 18 (delapan belas) indikator kinerja berada pada kategori Berhasil.');
  });

  it('names no shortfall and compares with last year', () => {
    expect(conclusions).toContain('Seluruh indikator kinerja telah mencapai atau melampaui target yang ditetapkan.');
    expect(conclusions).toContain('Dibandingkan Tahun 2023, capaian 18 (delapan belas) indikator yang dapat diperbandingkan tetap sama.');
  });

  it('does not conclude on efficiency without pagu, and says no pagu was given at all (not "incomplete")', () => {
    expect(conclusions[conclusions.length - 1]).toBe(
      'Data pagu anggaran belum tersedia: Perjanjian Kinerja Tahun 2024 tidak memuat pagu untuk kegiatan mana pun, ' +
        'sehingga penyerapan dan efisiensi penggunaan anggaran belum dapat disimpulkan.',
    );
    expect(conclusions.join(' ')).not.toMatch(/tidak tersedia secara lengkap/);
  });

  it('is the model\'s own BAB IV', () => {
    expect(model.conclusions).toEqual(conclusions);
  });
});
