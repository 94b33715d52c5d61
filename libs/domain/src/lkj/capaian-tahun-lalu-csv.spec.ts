import { DomainError } from '../shared/domain-error';
import type { PkStructure } from '../perjanjian-kinerja/pk-structure.types';
import { foldCapaianTahunLalu, parseCapaianCsv, validateCapaianTahunLalu, type CapaianTahunLaluImported } from './capaian-tahun-lalu';

const indicator = (code: string, name: string) => ({
  code, name, unit: 'Layanan', target: { kind: 'SINGLE' as const, value: '12' }, polarity: 'HIGHER_IS_BETTER' as const,
  lowerIsBetterFormula: 'INVERSE_DIFFERENCE' as const, aggregation: 'SUM' as const, monthlyPlan: null, evidenceRequired: false, picSubbagian: 'KUL',
});
const pk: PkStructure = {
  programs: [{ code: 'P1', name: 'Program', kegiatan: [{ code: 'K1', name: 'Kegiatan', pagu: null, indicators: [
    indicator('K1.1', 'Jumlah Layanan Perkantoran'), indicator('K1.2', 'Jumlah Laporan Keuangan'),
  ] }] }],
};

function errorsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CAPAIAN_TAHUN_LALU.INVALID');
    return ((error as DomainError).details.errors as Array<{ message: string }>).map((e) => e.message);
  }
  throw new Error('expected a refusal');
}

describe('last year\'s capaian from CSV', () => {
  it('reads codes or names, a header, decimal commas and percent signs', () => {
    const { lines, errors } = parseCapaianCsv('\uFEFFkode;capaian\r\nK1.1;100\n\n# komentar\njumlah laporan  keuangan;98,5%\n');
    expect(errors).toEqual([]);
    expect(validateCapaianTahunLalu(lines, pk, 2024)).toEqual([
      { indicatorCode: 'K1.1', capaian: '100.00' },
      { indicatorCode: 'K1.2', capaian: '98.50' },
    ]);
  });

  it('refuses a name that several indicators share, naming their codes, and takes the codes', () => {
    const shared: PkStructure = {
      programs: [{ code: 'P1', name: 'Program', kegiatan: [
        { code: 'K4', name: 'Keuangan', pagu: null, indicators: [indicator('K4.1', 'Layanan Perkantoran')] },
        { code: 'K6', name: 'Umum', pagu: null, indicators: [indicator('K6.1', 'Layanan  perkantoran')] },
      ] }],
    };
    const { lines } = parseCapaianCsv('layanan perkantoran;98,5\n');
    expect(errorsOf(() => validateCapaianTahunLalu(lines, shared, 2026))).toEqual([
      'Baris 1: nama indikator "layanan perkantoran" dipakai oleh K4.1, K6.1; tulis kodenya agar jelas indikator yang dimaksud.',
    ]);
    expect(validateCapaianTahunLalu(parseCapaianCsv('K6.1;98,5\n').lines, shared, 2026)).toEqual([{ indicatorCode: 'K6.1', capaian: '98.50' }]);
  });

  it('refuses a line without exactly two columns, naming it', () => {
    expect(parseCapaianCsv('K1.1;100\nK1.2,100\n').errors).toEqual([
      { line: 2, message: 'Baris 2: harus berisi dua kolom "kode atau nama indikator;capaian", dipisah titik koma.' },
    ]);
  });

  it('names every faulty line in Indonesian: unknown indicator, not a number, out of range, repeated', () => {
    const { lines } = parseCapaianCsv('K9.9;100\nK1.1;seratus\nK1.2;1200\nK1.1;100\nK1.1;90\n');
    expect(errorsOf(() => validateCapaianTahunLalu(lines, pk, 2024))).toEqual([
      'Baris 1: indikator "K9.9" tidak ada di Perjanjian Kinerja 2024 (tulis kode seperti K4.1 atau nama lengkapnya).',
      'Baris 2: capaian "seratus" bukan angka 0–1000 (contoh: 100 atau 98,50).',
      'Baris 3: capaian 1200% di luar rentang 0–1000.',
      'Baris 5: indikator K1.1 sudah ada di baris 4.',
    ]);
  });

  it('names lines the parser could not read together with the faulty lines it could, in line order', () => {
    const { lines, errors } = parseCapaianCsv('K1.1;abc\nK1.2;200\nZZ;5\nK1.3\n');
    expect(errorsOf(() => validateCapaianTahunLalu(lines, pk, 2024, errors))).toEqual([
      'Baris 1: capaian "abc" bukan angka 0–1000 (contoh: 100 atau 98,50).',
      'Baris 3: indikator "ZZ" tidak ada di Perjanjian Kinerja 2024 (tulis kode seperti K4.1 atau nama lengkapnya).',
      'Baris 4: harus berisi dua kolom "kode atau nama indikator;capaian", dipisah titik koma.',
    ]);
  });

  it('refuses a file whose only line cannot be read with that line, not with "nothing imported"', () => {
    const { lines, errors } = parseCapaianCsv('K1.1,100\n');
    expect(errorsOf(() => validateCapaianTahunLalu(lines, pk, 2024, errors))).toEqual([
      'Baris 1: harus berisi dua kolom "kode atau nama indikator;capaian", dipisah titik koma.',
    ]);
  });

  it('refuses an empty import', () => {
    expect(errorsOf(() => validateCapaianTahunLalu([], pk, 2024))).toEqual(['Tidak ada baris capaian yang diimpor.']);
  });

  it('lets a later import replace the figures it names and keep the others', () => {
    const imported = (entries: Array<{ indicatorCode: string; capaian: string }>): CapaianTahunLaluImported => ({
      type: 'CapaianTahunLaluImported', data: { satker: 's', forYear: 2024, entries, source: 'CSV', importedBy: 'u', importedAt: 't' },
    });
    const map = foldCapaianTahunLalu([
      imported([{ indicatorCode: 'K1.1', capaian: '90.00' }, { indicatorCode: 'K1.2', capaian: '80.00' }]),
      imported([{ indicatorCode: 'K1.1', capaian: '100.00' }]),
    ]);
    expect([...map.entries()]).toEqual([['K1.1', '100.00'], ['K1.2', '80.00']]);
  });
});
