import { jember2024LkjInput, JEMBER_SUGGESTIONS } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { sectionOf, textsOf } from '../testing/document-blocks';

/** The Sekretaris' own saran replace the generated ones; without them 4.2 is never a placeholder. */
describe('Saran: whose they are', () => {
  it('given the Sekretaris\' saran, when the LKj is built, then 4.2 lists exactly those, blanks dropped', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [...JEMBER_SUGGESTIONS, '  '] }));
    expect(model).toMatchObject({ suggestions: JEMBER_SUGGESTIONS, suggestionsFrom: 'SEKRETARIS' });
    expect(textsOf(sectionOf(model, 'bab-4-2'))).toEqual([
      'Untuk meningkatkan kinerja KPU Kabupaten Jember di masa yang akan datang, disarankan sebagai berikut:',
      ...JEMBER_SUGGESTIONS,
      expect.stringMatching(/^Demikian Laporan Kinerja ini dibuat/),
    ]);
  });

  it('given no saran (the final the process manager asks for), then 4.2 says they follow from the measurement and lists them', () => {
    const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }));
    expect(model.suggestionsFrom).toBe('DATA');
    const texts = textsOf(sectionOf(model, 'bab-4-2'));
    expect(texts[0]).toBe(
      'Berdasarkan hasil pengukuran dan analisis capaian kinerja Tahun 2024 di atas, untuk meningkatkan kinerja KPU ' +
        'Kabupaten Jember di masa yang akan datang disarankan sebagai berikut:',
    );
    expect(texts.slice(1, -1)).toEqual(model.suggestions);
    expect(model.suggestions.length).toBeGreaterThan(0);
    expect(texts.join(' ')).not.toMatch(/Belum ada saran/);
  });
});
