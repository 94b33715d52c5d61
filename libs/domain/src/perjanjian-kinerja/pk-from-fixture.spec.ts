import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorsOf, validatePkStructure } from './pk-structure.validate';
import { pkFromFixture, type PkFixture } from './pk-from-fixture';

const fixture: PkFixture = JSON.parse(readFileSync(join(__dirname, '../../../../data/pk-kpu-jember-2024.json'), 'utf8'));

describe('The Jember 2024 fixture as a DraftPk payload', () => {
  const payload = pkFromFixture(fixture);
  const rows = indicatorsOf(payload.structure).map((r) => r.indicator);

  it('given the fixture, then the payload names the office, the year and its four subbagian', () => {
    expect(payload).toMatchObject({ satker: 'kpu-kab-jember', year: 2024, subbagianCodes: ['PDI', 'KUL', 'HSDM', 'TPH'] });
  });

  it('given the fixture, then 18 indicators in 2 programs and 7 kegiatan, all valid', () => {
    expect(rows).toHaveLength(18);
    expect(payload.structure.programs.map((p) => p.kegiatan.length)).toEqual([3, 4]);
    expect(() => validatePkStructure(payload.structure, payload.subbagianCodes)).not.toThrow();
  });

  it('given the fixture, then every target is exactly the transcribed one, as a decimal string', () => {
    const expected = fixture.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indikator.map((i) => ({ code: i.code, value: String(i.target), unit: i.unit }))));
    expect(rows.map((r) => ({ code: r.code, value: r.target.kind === 'SINGLE' ? r.target.value : null, unit: r.unit }))).toEqual(expected);
    expect(new Set(rows.map((r) => (r.target.kind === 'SINGLE' ? r.target.value : '')))).toEqual(new Set(['1', '2', '12']));
  });

  it('given the fixture, then every indicator is SUM and higher-is-better, PIC from its kegiatan', () => {
    expect(rows.every((r) => r.aggregation === 'SUM' && r.polarity === 'HIGHER_IS_BETTER')).toBe(true);
    expect(rows.find((r) => r.code === 'K5.1')?.picSubbagian).toBe('PDI');
  });

  it('given the three 12-Layanan indicators, then each has a plan of 1 every month; the others none', () => {
    const planned = rows.filter((r) => r.monthlyPlan !== null);
    expect(planned.map((r) => r.code)).toEqual(['K4.1', 'K5.1', 'K6.1']);
    expect(planned.every((r) => r.monthlyPlan!.length === 12 && r.monthlyPlan!.every((v) => v === '1'))).toBe(true);
  });

  it('given no pagu in the report, then every pagu is null', () => {
    expect(payload.structure.programs.flatMap((p) => p.kegiatan).every((k) => k.pagu === null)).toBe(true);
  });
});
