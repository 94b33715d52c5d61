import { DomainError } from '../shared/domain-error';
import type { PkStructure } from '../perjanjian-kinerja/pk-structure.types';
import { decodeCapaianCsv, foldCapaianTahunLalu, parseCapaianCsv, validateCapaianTahunLalu, type CapaianTahunLaluImported } from './capaian-tahun-lalu';

const indicator = (code: string, name: string) => ({
  code, name, unit: 'Layanan', target: { kind: 'SINGLE' as const, value: '12' }, polarity: 'HIGHER_IS_BETTER' as const,
  lowerIsBetterFormula: 'INVERSE_DIFFERENCE' as const, aggregation: 'SUM' as const, monthlyPlan: null, evidenceRequired: false, picSubbagian: 'KUL',
});
const pk: PkStructure = {
  programs: [{ code: 'P1', name: 'Program', kegiatan: [{ code: 'K1', name: 'Kegiatan', pagu: null, indicators: [
    indicator('K1.1', 'Jumlah Layanan Perkantoran'), indicator('K1.2', 'Jumlah Laporan Keuangan'),
  ] }] }],
};

function refusalOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

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

describe('the bytes of an uploaded capaian CSV', () => {
  const RESAVE = 'Simpan ulang dari Excel sebagai "CSV UTF-8 (dipisahkan koma)" lalu unggah lagi; tidak ada yang disimpan.';
  const utf16le = (text: string) => Uint8Array.from(Buffer.from(text, 'utf16le'));
  const utf16be = (text: string) => Uint8Array.from(Buffer.from(text, 'utf16le').swap16());

  it('given UTF-8 with or without a BOM, when decoded, then it is the text without the BOM', () => {
    const text = 'kode;capaian\nK1.1;98,5\n# Pengelolaan Keuangan – semester\n';
    expect(decodeCapaianCsv(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCapaianCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
  });

  it.each([
    ['Excel "Teks Unicode" (FF FE BOM)', Uint8Array.from([0xff, 0xfe, ...utf16le('K1.1;100\r\n')]), 'UTF-16LE'],
    ['a FE FF BOM', Uint8Array.from([0xfe, 0xff, ...utf16be('K1.1;100\r\n')]), 'UTF-16BE'],
    ['UTF-16LE without a BOM (NUL bytes)', utf16le('K1.1;100\n'), 'UTF-16LE'],
    ['UTF-16BE without a BOM (NUL bytes)', utf16be('K1.1;100\n'), 'UTF-16BE'],
  ])('given %s, when decoded, then it is refused as UTF-16 with how to save it again', (_, bytes, encoding) => {
    const refusal = refusalOf(() => decodeCapaianCsv(bytes));
    expect({ code: refusal.code, kind: refusal.kind, details: refusal.details, message: refusal.message }).toEqual({
      code: 'CAPAIAN_TAHUN_LALU.NOT_UTF8', kind: 'validation', details: { encoding },
      message: `Berkas CSV tersimpan sebagai UTF-16 ("Teks Unicode"), bukan UTF-8. ${RESAVE}`,
    });
  });

  it('given a Windows-1252 file with bytes invalid in UTF-8, when decoded, then it is refused naming those lines', () => {
    // Windows-1252: an en dash is 0x96, "é" is 0xE9; neither can stand alone in UTF-8.
    const bytes = Buffer.concat([
      Buffer.from('kode;capaian\nK1.1;100\nPengelolaan Keuangan '), Buffer.from([0x96]), Buffer.from(' Sekretariat;98\nK1.2;caf'), Buffer.from([0xe9]), Buffer.from('\n'),
    ]);
    const refusal = refusalOf(() => decodeCapaianCsv(bytes));
    expect({ code: refusal.code, details: refusal.details, message: refusal.message }).toEqual({
      code: 'CAPAIAN_TAHUN_LALU.NOT_UTF8', details: { encoding: 'unknown', lines: [3, 4] },
      message: `Berkas CSV bukan UTF-8: baris 3, 4 berisi huruf yang tidak dapat dibaca (berkas mungkin tersimpan sebagai ANSI/Windows-1252). ${RESAVE}`,
    });
  });

  it('given more than ten lines not in UTF-8, when decoded, then ten are named and the rest counted', () => {
    const refusal = refusalOf(() => decodeCapaianCsv(Buffer.from(Array.from({ length: 12 }, () => [0x4b, 0xe9, 0x0a]).flat())));
    expect(refusal.message).toContain('baris 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 dan 2 baris lain berisi');
    expect((refusal.details.lines as number[]).length).toBe(12);
  });
});

describe('last year\'s capaian from JSON', () => {
  const items = (...entries: Array<[string, string]>) => entries.map(([ind, capaian], i) => ({ line: i + 1, indicator: ind, capaian }));

  it('given faulty items, when validated as JSON, then each is named by its position, indicator and JSON path, never by a line', () => {
    const refusal = refusalOf(() => validateCapaianTahunLalu(
      items(['K9.9', '100'], ['K1.1', 'seratus'], ['Jumlah Laporan Keuangan', '1200'], ['K1.1', '100'], ['k1.1', '90']), pk, 2024, [], 'API',
    ));
    expect(refusal.code).toBe('CAPAIAN_TAHUN_LALU.INVALID');
    expect(refusal.details.errors).toEqual([
      { item: 1, path: 'entries[0].indicator', message: 'Butir ke-1: indikator "K9.9" tidak ada di Perjanjian Kinerja 2024 (tulis kode seperti K4.1 atau nama lengkapnya).' },
      { item: 2, path: 'entries[1].capaian', message: 'Butir ke-2 (indikator K1.1): capaian "seratus" bukan angka 0–1000 (contoh: 100 atau 98,50).' },
      { item: 3, path: 'entries[2].capaian', message: 'Butir ke-3 (indikator K1.2): capaian 1200% di luar rentang 0–1000.' },
      { item: 5, path: 'entries[4].indicator', message: 'Butir ke-5: indikator K1.1 sudah ada di butir ke-4.' },
    ]);
    expect(refusal.message).not.toMatch(/Baris/i);
  });

  it('given an empty list, when validated as JSON, then it names the entries field', () => {
    expect(refusalOf(() => validateCapaianTahunLalu([], pk, 2024, [], 'API')).details.errors).toEqual([
      { item: 0, path: 'entries', message: 'Tidak ada butir capaian yang diimpor (entries kosong).' },
    ]);
  });

  it('given good items, when validated as JSON, then the entries are as from a CSV', () => {
    expect(validateCapaianTahunLalu(items(['K1.1', '100'], ['jumlah laporan keuangan', '98,5%']), pk, 2024, [], 'API')).toEqual([
      { indicatorCode: 'K1.1', capaian: '100.00' }, { indicatorCode: 'K1.2', capaian: '98.50' },
    ]);
  });
});
