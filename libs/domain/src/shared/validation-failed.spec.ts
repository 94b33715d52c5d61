import { readableFieldPath, validationFailed } from './validation-failed';

describe('a request refused for its fields (400 VALIDATION.FAILED)', () => {
  const problem = (field: string, message = 'wajib diisi') => ({ field, constraint: 'isDefined', message });

  it('given paths through lists, then a person reads the items counted from 1, as the domain refusals count them', () => {
    expect(readableFieldPath('holidays.1.date')).toBe('hari libur butir ke-2, tanggal (holidays.1.date)');
    expect(readableFieldPath('lines.0.evidence.1.fileName')).toBe('baris ke-1, bukti dukung butir ke-2, nama berkas (lines.0.evidence.1.fileName)');
    expect(readableFieldPath('programs.0.kegiatan.2.indicators.10.target.value')).toBe('program butir ke-1, kegiatan butir ke-3, indikator butir ke-11, target, nilai (programs.0.kegiatan.2.indicators.10.target.value)');
    expect(readableFieldPath('entries.0')).toBe('entries butir ke-1');
    expect(readableFieldPath('target.month')).toBe('target, bulan (target.month)');
    expect(readableFieldPath('warna.x')).toBe('warna, x');
    expect(readableFieldPath('name')).toBe('nama (name)');
  });

  it('given a field named like a property every object inherits, then it is printed as sent, never the inherited value', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
      expect(readableFieldPath(name)).toBe(name);
      expect(readableFieldPath(`lines.0.${name}`)).toBe(`baris ke-1, ${name} (lines.0.${name})`);
    }
  });

  it('given one problem, then the message names its field and what is wrong, and details carry it for a client', () => {
    const error = validationFailed([problem('holidays.1.date', 'harus berupa tanggal ISO 8601, misalnya 2025-01-31')]);
    expect(error).toMatchObject({ code: 'VALIDATION.FAILED', kind: 'validation' });
    expect(error.message).toBe('Data yang dikirim tidak valid: hari libur butir ke-2, tanggal (holidays.1.date): harus berupa tanggal ISO 8601, misalnya 2025-01-31.');
    expect(error.details).toEqual({ fields: [problem('holidays.1.date', 'harus berupa tanggal ISO 8601, misalnya 2025-01-31')] });
  });

  it('given more than three problems, then the message names the first three and counts the rest', () => {
    const error = validationFailed(['a', 'b', 'c', 'd', 'e'].map((f) => problem(f)));
    expect(error.message).toBe('Data yang dikirim tidak valid: a: wajib diisi; b: wajib diisi; c: wajib diisi; dan 2 masalah lain (lihat details.fields).');
    expect(error.details.fields).toHaveLength(5);
  });

  it('given a field message ending in a full stop, then the sentence does not end in two', () => {
    expect(validationFailed([problem('name', 'Nama wajib diisi.')]).message).toBe('Data yang dikirim tidak valid: nama (name): Nama wajib diisi.');
  });

  it('given only the first problems of many, then the message says how many there were and details how many were left out', () => {
    const error = validationFailed([problem('x.0'), problem('x.1')], 250);
    expect(error.message).toBe('Data yang dikirim tidak valid: 250 masalah; 2 yang pertama disebutkan, perbaiki lalu kirim lagi untuk melihat sisanya. '
      + 'Di antaranya x butir ke-1: wajib diisi; x butir ke-2: wajib diisi.');
    expect(error.details).toMatchObject({ fieldsOmitted: 248 });
  });
});
