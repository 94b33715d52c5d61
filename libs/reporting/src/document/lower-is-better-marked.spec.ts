import { blocksOf, sectionOf, tableRows, textsOf } from '../testing/document-blocks';
import { jemberLkjWith, lowerIsBetter } from '../testing/jember-variants';

const NOTE = '*) Indikator yang makin kecil makin baik; capaiannya dihitung dengan rumus pada subbab 3.1.';
const ANALYSIS = 'Indikator ini makin kecil makin baik; capaiannya dihitung dengan rumus pada subbab 3.1.';

describe('Tabel 3.2 and 3.2 tell which indicators are lower-is-better', () => {
  it('given K4.1 lower-is-better, then Tabel 3.2 marks its name with "*)" and says under the table what the mark means', () => {
    const model = jemberLkjWith({ 'K4.1': lowerIsBetter('INVERSE_DIFFERENCE') });
    const rows = tableRows(model, 'tabel-3-2');
    expect(rows.find((r) => r[0] === '4.1')!.slice(0, 2)).toEqual(['4.1', 'Layanan Perkantoran *)']);
    expect(rows.filter((r) => r[1]?.endsWith('*)')).map((r) => r[0])).toEqual(['4.1']);
    const blocks = blocksOf(model);
    const table = blocks.findIndex((b) => b.kind === 'table' && b.id === 'tabel-3-2');
    expect(blocks[table + 1]).toMatchObject({ kind: 'paragraph', text: NOTE });
  });

  it('given K4.1 lower-is-better, then its analysis says so right after its target and realisasi, and no other indicator\'s does', () => {
    const model = jemberLkjWith({ 'K4.1': lowerIsBetter('INVERSE_RATIO') });
    const blocks = sectionOf(model, 'bab-3-2-4');
    const table = blocks.findIndex((b) => b.kind === 'table' && b.id === 'tabel-analisis-4.1');
    expect(blocks[table + 1]).toMatchObject({ kind: 'paragraph', text: ANALYSIS });
    expect(textsOf(blocksOf(model)).filter((t) => t === ANALYSIS)).toHaveLength(1);
  });

  it('given Jember 2024, whose indicators are all higher-is-better, then nothing is marked and no note is added', () => {
    const model = jemberLkjWith({});
    expect(tableRows(model, 'tabel-3-2').some((r) => r.some((c) => c.includes('*)')))).toBe(false);
    expect(textsOf(blocksOf(model)).filter((t) => t.includes('makin kecil'))).toEqual([]);
  });
});
