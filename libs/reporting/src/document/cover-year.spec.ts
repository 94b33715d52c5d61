import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { blocksOf } from '../testing/document-blocks';

type Model = ReturnType<typeof buildLkjModel>;
const coverTitles = (model: Model) => {
  const blocks = blocksOf(model);
  return blocks.slice(0, blocks.findIndex((b) => b.kind === 'heading')).flatMap((b) => (b.kind === 'title' ? [b.text] : []));
};
const signature = (model: Model) => blocksOf(model).find((b) => b.kind === 'signature');

/** The cover names the report's year ("Tahun 2024", as the reference) and the year it is signed in, as the signature does. */
describe('the cover and the signature agree', () => {
  it('given the LKj 2024 signed on 17 January 2025 (as the reference), then the cover says Tahun 2024 and 2025', () => {
    const model = buildLkjModel(jember2024LkjInput());
    expect(coverTitles(model)).toEqual(['LAPORAN KINERJA', 'Komisi Pemilihan Umum Kabupaten Jember', 'Tahun 2024', 'SEKRETARIAT KPU KABUPATEN JEMBER', 'Kabupaten Jember, Provinsi Jawa Timur', '2025']);
    expect(signature(model)).toMatchObject({ lines: ['Jember, 17 Januari 2025', 'KOMISI PEMILIHAN UMUM KABUPATEN JEMBER', 'KETUA'] });
  });

  it('given the same LKj produced (and so signed) on 7 December 2026, then the cover says 2026, never a year the signature contradicts', () => {
    const model = buildLkjModel(jember2024LkjInput({ signing: { place: 'Jember', date: '2026-12-07' }, producedAt: '2026-12-07T05:00:00Z' }));
    expect(coverTitles(model).at(-1)).toBe('2026');
    expect(signature(model)).toMatchObject({ lines: ['Jember, 7 Desember 2026', expect.any(String), 'KETUA'] });
  });
});
