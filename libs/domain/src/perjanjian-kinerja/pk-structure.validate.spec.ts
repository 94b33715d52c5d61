import { DomainError } from '../shared/domain-error';
import { anIndicator, aStructure, SUBBAGIAN } from '../../testing/builders';
import { normalizedPkStructure, validatePkStructure } from './pk-structure.validate';
import type { PkIndicator, PkStructure } from './pk-structure.types';

function refusalOf(structure: PkStructure): string | null {
  try {
    validatePkStructure(structure, SUBBAGIAN);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
const withIndicator = (overrides: Partial<PkIndicator>) => aStructure([anIndicator(overrides)]);
const twelve = (v: string) => Array.from({ length: 12 }, () => v);

describe('PK structure rules', () => {
  it('given a complete structure, then it is accepted', () => {
    expect(refusalOf(aStructure())).toBeNull();
  });

  it('given no program, then it is refused', () => {
    expect(refusalOf({ programs: [] })).toBe('PK.EMPTY_STRUCTURE');
  });

  it('given a kegiatan without indicators, then it is refused', () => {
    expect(refusalOf(aStructure([]))).toBe('PK.EMPTY_STRUCTURE');
  });

  it('given two indicators with the same code, then it is refused', () => {
    expect(refusalOf(aStructure([anIndicator(), anIndicator()]))).toBe('PK.DUPLICATE_CODE');
  });

  it('given two kegiatan with the same code, then it is refused', () => {
    const s = aStructure();
    s.programs[0].kegiatan[1].code = 'K1';
    expect(refusalOf(s)).toBe('PK.DUPLICATE_CODE');
  });

  it('given a PIC that is not a subbagian of the office, then it is refused', () => {
    expect(refusalOf(withIndicator({ picSubbagian: 'KEU' }))).toBe('PK.UNKNOWN_PIC');
  });

  it('given an empty unit, then it is refused', () => {
    expect(refusalOf(withIndicator({ unit: ' ' }))).toBe('PK.INVALID_FIELD');
    expect(refusalOf(withIndicator({ unit: '\u3164\u2800\u0301' }))).toBe('PK.INVALID_FIELD');
  });

  it('given a name or unit stacking combining marks, then it is refused; accents as people write them are kept', () => {
    expect(refusalOf(withIndicator({ name: 'Persentase L\u0338\u0322\u034e\u0317aporan' }))).toBe('PK.INVALID_FIELD');
    expect(refusalOf(withIndicator({ unit: '\u0301%' }))).toBe('PK.INVALID_FIELD');
    expect(() => validatePkStructure(withIndicator({ name: 'Indeks Kepuasan Layanan Pe\u0301mangku Kepentingan' }), SUBBAGIAN)).not.toThrow();
  });

  it('given a name, unit or sasaran holding a bidi override (U+202E) or a zero-width character, then it is refused naming the field', () => {
    const fieldOf = (structure: PkStructure): unknown[] | null => {
      try {
        validatePkStructure(normalizedPkStructure(structure), SUBBAGIAN);
        return null;
      } catch (error) {
        if (error instanceof DomainError) return [error.code, error.details.field, error.message];
        throw error;
      }
    };
    expect(fieldOf(withIndicator({ code: 'K1.1', name: 'Persentase \u202eLaporan' }))).toEqual(['PK.INVALID_FIELD', 'Nama indikator K1.1', expect.stringContaining('U+202E')]);
    expect(fieldOf(withIndicator({ code: 'K1.1', name: 'Persentase\u200bLaporan' }))).toEqual(['PK.INVALID_FIELD', 'Nama indikator K1.1', expect.stringContaining('tidak terlihat')]);
    expect(fieldOf(withIndicator({ code: 'K1.1', unit: 'Lap\u2060oran' }))?.[1]).toBe('Satuan indikator K1.1');
    expect(fieldOf(withIndicator({ code: 'K1.1', sasaran: 'Terwujudnya \u202elayanan' }))?.[1]).toBe('Sasaran indikator K1.1');
    expect(fieldOf(withIndicator({ code: 'K1.1', sasaran: 'Terwujudnya\ufeff layanan' }))?.[1]).toBe('Sasaran indikator K1.1'); // a BOM prints nothing
    const kegiatan = aStructure();
    kegiatan.programs[0].kegiatan[0].name = 'Pengelolaan\u200d Keuangan';
    expect(fieldOf(kegiatan)?.[1]).toBe('Nama kegiatan K1');
    const program = aStructure();
    program.programs[0].name = '\u202eProgram Dukungan Manajemen';
    expect(fieldOf(program)?.[1]).toBe('Nama program P1');
  });

  it('given a sasaran stacking combining marks, not a text, or longer than 1000 characters, then it is refused; null or absent is accepted', () => {
    expect(refusalOf(withIndicator({ sasaran: 'Terwujudnya L\u0338\u0322\u034e\u0317ayanan' }))).toBe('PK.INVALID_FIELD');
    expect(refusalOf(withIndicator({ sasaran: 12 as never }))).toBe('PK.INVALID_FIELD');
    expect(refusalOf(withIndicator({ sasaran: 'a'.repeat(1001) }))).toBe('PK.INVALID_FIELD');
    expect(refusalOf(withIndicator({ sasaran: null }))).toBeNull();
    expect(refusalOf(withIndicator({ sasaran: 'Terwujudnya layanan perkantoran yang prima' }))).toBeNull();
  });

  it('given names and a sasaran pasted with line breaks and tabs, then they are stored on one line; a blank sasaran is stored null', () => {
    const pasted = aStructure([anIndicator({ code: 'K1.1', name: 'Persentase\r\nLaporan \t Keuangan ', unit: ' Laporan\n', sasaran: 'Terwujudnya\nlayanan\n\nyang prima' })]);
    pasted.programs[0].name = 'Program\nDukungan  Manajemen';
    pasted.programs[0].kegiatan[0].name = '\tPengelolaan Keuangan';
    const stored = normalizedPkStructure(pasted);
    expect(() => validatePkStructure(stored, SUBBAGIAN)).not.toThrow();
    expect(stored.programs[0].name).toBe('Program Dukungan Manajemen');
    expect(stored.programs[0].kegiatan[0].name).toBe('Pengelolaan Keuangan');
    expect(stored.programs[0].kegiatan[0].indicators[0]).toMatchObject({ name: 'Persentase Laporan Keuangan', unit: 'Laporan', sasaran: 'Terwujudnya layanan yang prima' });
    expect(normalizedPkStructure(withIndicator({ sasaran: ' \n ' })).programs[0].kegiatan[0].indicators[0].sasaran).toBeNull();
    expect('sasaran' in normalizedPkStructure(withIndicator({})).programs[0].kegiatan[0].indicators[0]).toBe('sasaran' in anIndicator());
    expect(normalizedPkStructure({ programs: 'x' } as never)).toEqual({ programs: 'x' });
  });

  it('given an unknown aggregation, then it is refused', () => {
    expect(refusalOf(withIndicator({ aggregation: 'MEDIAN' as never }))).toBe('PK.INVALID_FIELD');
  });

  it('given a target written as a JS number or with a sign, then it is refused (decimal strings only)', () => {
    expect(refusalOf(withIndicator({ target: { kind: 'SINGLE', value: 12 as never } }))).toBe('PK.INVALID_TARGET');
    expect(refusalOf(withIndicator({ target: { kind: 'SINGLE', value: '-1' } }))).toBe('PK.INVALID_TARGET');
  });

  it('given a target carrying the fields of the other kind (a SINGLE with min/max, a RANGE with value), then it is refused and the fields named', () => {
    expect(refusalOf(withIndicator({ target: { kind: 'SINGLE', value: '1', min: 'abc', max: '-5' } as never }))).toBe('PK.INVALID_TARGET');
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '1', max: '2', value: 'zzz' } as never }))).toBe('PK.INVALID_TARGET');
    expect(refusalOf(withIndicator({ target: { kind: 'SINGLE', value: '1', min: null } as never }))).toBe('PK.INVALID_TARGET');
    let caught: unknown = null;
    try {
      validatePkStructure(withIndicator({ code: 'A3', target: { kind: 'RANGE', min: '1', max: '2', value: 'zzz' } as never }), SUBBAGIAN);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ details: { indicator: 'A3', kind: 'RANGE', fields: ['value'] } });
    expect((caught as Error).message).toBe('Target indikator A3 berjenis RANGE memakai min dan max saja; hapus value, atau ubah jenisnya (kind) bila yang dimaksud target tunggal (SINGLE).');
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '1', max: '2' } }))).toBeNull();
  });

  it('given a target of 0 where higher is better, then it is refused, saying to make the indicator lower-is-better if 0 is the goal, else to enter the target to reach', () => {
    expect(() => validatePkStructure(withIndicator({ code: 'A1', target: { kind: 'SINGLE', value: '0' } }), SUBBAGIAN)).toThrow(expect.objectContaining({
      code: 'PK.TARGET_ZERO',
      message: 'Target indikator A1 tidak boleh 0 bila semakin tinggi semakin baik: capaiannya (realisasi ÷ target) tidak dapat dihitung, dan '
        + '"paling sedikit 0" bukanlah target. Bila 0 memang yang hendak dicapai (mis. 0 temuan), indikator ini semakin rendah semakin baik: '
        + 'ubah polaritasnya menjadi LOWER_IS_BETTER (semakin rendah semakin baik). Bila tidak, isi target yang hendak dicapai (lebih dari 0).',
      details: { indicator: 'A1', polarity: 'HIGHER_IS_BETTER' },
    }));
  });

  it('given a target of 0 where lower is better ("0 temuan"), then it is accepted', () => {
    expect(refusalOf(withIndicator({ target: { kind: 'SINGLE', value: '0' }, polarity: 'LOWER_IS_BETTER' }))).toBeNull();
  });

  it('given a range whose lower end is not below its upper end, then it is refused', () => {
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '8', max: '7' } }))).toBe('PK.INVALID_RANGE');
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '7', max: '7' } }))).toBe('PK.INVALID_RANGE');
  });

  it('given a range from 0 where higher is better, then it is refused, saying why and what to use instead', () => {
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '0', max: '8' } }))).toBe('PK.RANGE_MIN_ZERO');
    expect(() => validatePkStructure(withIndicator({ target: { kind: 'RANGE', min: '0', max: '8' } }), SUBBAGIAN)).toThrow(expect.objectContaining({
      kind: 'validation',
      message: 'Target indikator K1.1: rentang 0–8 tidak boleh berbatas bawah 0 bila semakin tinggi semakin baik, karena realisasi 0 akan dinilai tercapai 100%. '
        + 'Gunakan target tunggal (mis. 8) atau batas bawah lebih dari 0.',
      details: { indicator: 'K1.1', min: '0', max: '8' },
    }));
  });

  it('given a range from 0 where lower is better ("paling banyak 2 temuan"), then it is accepted', () => {
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '0', max: '2' }, polarity: 'LOWER_IS_BETTER' }))).toBeNull();
  });

  it('given a range whose ends are equal, then the refusal says to use a single target', () => {
    expect(() => validatePkStructure(withIndicator({ target: { kind: 'RANGE', min: '7', max: '7.0' } }), SUBBAGIAN))
      .toThrow('Target indikator K1.1: batas bawah harus lebih kecil dari batas atas; bila keduanya sama, gunakan target tunggal 7.0.');
  });

  it('given a range 7–8, then it is accepted', () => {
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '7', max: '8' } }))).toBeNull();
  });

  it('given a monthly plan of 1 each month for a SUM target of 12, then it is accepted', () => {
    expect(refusalOf(withIndicator({ monthlyPlan: twelve('1') }))).toBeNull();
  });

  it('given a plan of 11 values, then it is refused', () => {
    expect(refusalOf(withIndicator({ monthlyPlan: twelve('1').slice(1) }))).toBe('PK.INVALID_PLAN');
  });

  it('given a plan that does not add up to the annual target, then it is refused', () => {
    expect(refusalOf(withIndicator({ monthlyPlan: twelve('2') }))).toBe('PK.PLAN_MISMATCH');
  });

  it('given a LAST indicator, then its plan must end on the target', () => {
    const plan = ['10', '20', '30', '40', '50', '60', '70', '80', '90', '95', '98', '100'];
    expect(refusalOf(withIndicator({ aggregation: 'LAST', target: { kind: 'SINGLE', value: '100' }, unit: '%', monthlyPlan: plan }))).toBeNull();
    expect(refusalOf(withIndicator({ aggregation: 'LAST', target: { kind: 'SINGLE', value: '90' }, unit: '%', monthlyPlan: plan }))).toBe('PK.PLAN_MISMATCH');
  });

  it('given a range target, then a plan adding up to a value inside the range is accepted', () => {
    const plan = [...twelve('0').slice(0, 11), '7.5'];
    expect(refusalOf(withIndicator({ target: { kind: 'RANGE', min: '7', max: '8' }, monthlyPlan: plan }))).toBeNull();
  });

  it('given a plan with a negative or unreadable month, then the refusal names that month and what a figure looks like', () => {
    const plan = twelve('1');
    plan[2] = '-1';
    let message = '';
    try {
      validatePkStructure(withIndicator({ monthlyPlan: plan }), SUBBAGIAN);
    } catch (error) {
      message = (error as DomainError).message;
      expect((error as DomainError).code).toBe('PK.INVALID_PLAN');
    }
    expect(message).toMatch(/^Rencana aksi indikator \S+ bulan Maret harus berupa angka desimal tidak negatif .*\(nilai yang dikirim: "-1"\)\.$/);
  });

  it('given a pagu that is not a rupiah amount, then the refusal says two places, not the six of a figure', () => {
    const s = aStructure();
    s.programs[0].kegiatan[0].pagu = '120.000.000';
    let message = '';
    try {
      validatePkStructure(s, SUBBAGIAN);
    } catch (error) {
      message = (error as DomainError).message;
    }
    expect(message).toContain('2 angka di belakang titik');
    expect(message).not.toContain('6 angka');
  });

  it('given a pagu of 0, then the refusal says to fill in the DIPA pagu, or to leave it empty while unknown and what that costs (no absorption)', () => {
    const s = aStructure();
    s.programs[0].kegiatan[0].pagu = '0';
    expect(() => validatePkStructure(s, SUBBAGIAN)).toThrow(expect.objectContaining({
      code: 'PK.INVALID_PAGU',
      message: 'Pagu kegiatan K1 harus lebih dari 0 rupiah: isi pagu kegiatan ini menurut DIPA. Bila pagunya belum diketahui, kosongkan dahulu (null) '
        + 'dan isi setelah diketahui (pada PK yang sudah disetujui, melalui PK Perubahan); selama ada kegiatan tanpa pagu, penyerapan anggaran '
        + 'kegiatan itu dan penyerapan anggaran satker secara keseluruhan belum dapat dihitung.',
      details: { kegiatan: 'K1' },
    }));
  });

  it('given a pagu of 0 or with more than 2 decimals, then it is refused', () => {
    const s = aStructure();
    s.programs[0].kegiatan[0].pagu = '0';
    expect(refusalOf(s)).toBe('PK.INVALID_PAGU');
    s.programs[0].kegiatan[0].pagu = '10.123';
    expect(refusalOf(s)).toBe('PK.INVALID_PAGU');
  });
});
