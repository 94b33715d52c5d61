import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsHexColor, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength,
  ValidateIf, ValidateNested, ValidationError,
} from 'class-validator';
import type { ArgumentMetadata } from '@nestjs/common';
import type { DomainError } from '@kinerja/domain';
import { SUBBAGIAN_CODE_PATTERN } from '@kinerja/identity';
import { createValidationPipe } from './configure-http';
import { IsFreeText } from './free-text.validator';
import { IsNotBlank } from './not-blank.validator';
import { IsOptionalButNotNull } from './optional-but-not-null.validator';
import { FieldProblem, flattenValidationErrors, requestValidationError, validationFailed } from './validation-errors';

function error(property: string, constraints: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('class-validator failures as one error body', () => {
  it('given an unknown field, then it is named and said to be unknown, in Indonesian', () => {
    expect(flattenValidationErrors([error('peran', { whitelistValidation: 'property peran should not exist' })])).toEqual([
      { field: 'peran', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
    ]);
  });

  it('given nested errors, then each field gets its dotted path', () => {
    const nested = error('indicators', {}, [error('2', {}, [error('target', { isInt: 'target must be an integer number' })])]);
    expect(flattenValidationErrors([nested])).toEqual([
      { field: 'indicators.2.target', constraint: 'isInt', message: 'harus berupa bilangan bulat' },
    ]);
  });

  it('given a constraint with an English message and no rule to find it by, then Kinerja\'s message, never the English one', () => {
    expect(flattenValidationErrors([error('x', { isKodeSatker: 'x must be a satker code' })])).toEqual([
      { field: 'x', constraint: 'isKodeSatker', message: 'nilainya tidak valid' },
    ]);
  });

  it('given more field problems than an answer should carry, then the first 100 and how many more, said in the message', () => {
    const fields = Array.from({ length: 250 }, (_, i) => ({ field: `items.${i}.date`, constraint: 'isCalendarDate', message: 'bukan tanggal' }));
    const error = validationFailed(fields);
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.details.fields).toEqual(fields.slice(0, 100));
    expect(error.details.fieldsOmitted).toBe(150);
    expect(error.message).toBe('Data yang dikirim tidak valid: 250 masalah; 100 yang pertama disebutkan, perbaiki lalu kirim lagi untuk melihat sisanya. '
      + 'Di antaranya items butir ke-1, tanggal (items.0.date): bukan tanggal; items butir ke-2, tanggal (items.1.date): bukan tanggal; items butir ke-3, tanggal (items.2.date): bukan tanggal.');
    expect(validationFailed(fields.slice(0, 100)).details).toEqual({ fields: fields.slice(0, 100) });
  });

  it('is the stable code VALIDATION.FAILED with every field in details', () => {
    const result = requestValidationError([error('a', { isString: 'a must be a string' }), error('b', { isDefined: 'b should not be null or undefined' })]);
    expect(result.code).toBe('VALIDATION.FAILED');
    expect((result.details.fields as unknown[]).length).toBe(2);
  });
});

describe('the validation pipe of every request, with class-validator itself', () => {
  class Credentials {
    @IsString() @MinLength(1) @MaxLength(64) username: string;
    @IsString() @MinLength(1) @MaxLength(128) password: string;
  }
  class Indicator {
    @IsString() @Length(1, 32) code: string;
    @Matches(/^\d{4}$/, { message: 'tahun harus empat angka' }) year: string;
  }
  class Draft {
    @ValidateNested({ each: true }) @Type(() => Indicator) indicators: Indicator[];
    @IsOptional() @IsIn(['a']) note?: string;
  }
  class Change {
    @IsOptionalButNotNull() @IsString() @MinLength(3) name?: string;
    @IsOptionalButNotNull() @IsBoolean() active?: boolean;
    @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail() email?: string | null;
  }
  class Notification {
    @IsUUID() id: string;
  }

  class Report {
    @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => Indicator) lines: Indicator[];
    @IsInt() @Min(1) @Max(99) size: number;
    @IsString() @MaxLength(5) narrative: string;
  }
  class Colours {
    @IsOptional() @IsHexColor() plain?: string;
    @IsOptional() @IsHexColor({ message: 'warna harus kode heksadesimal, mis. #ff0000' }) own?: string;
  }
  class Codes {
    @IsOptional() @Matches(SUBBAGIAN_CODE_PATTERN) subbagian?: string;
    @IsOptional() @Matches(/^x+$/) other?: string;
  }
  class Period {
    @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
    @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
  }

  async function fieldsOf(metatype: new () => object, value: unknown, type: ArgumentMetadata['type'] = 'body'): Promise<FieldProblem[]> {
    try {
      await createValidationPipe().transform(value, { type, metatype });
    } catch (error) {
      return (error as DomainError).details.fields as FieldProblem[];
    }
    return [];
  }

  it('given items of a list of texts that break a rule of each item, then each such item is named, counted from 0, not the list', async () => {
    class Saran {
      @IsArray() @IsString({ each: true }) @IsNotBlank({ each: true }) @MaxLength(10, { each: true }) @IsFreeText({ multiline: true }, { each: true })
      suggestions: string[];
    }
    expect(await fieldsOf(Saran, { suggestions: ['Saran satu', ' ', 'Saran tiga'] })).toEqual([
      { field: 'suggestions.1', constraint: 'isNotBlank', message: 'tidak boleh hanya berisi spasi atau karakter yang tidak terlihat' },
    ]);
    expect(await fieldsOf(Saran, { suggestions: ['a', 'panjang sekali', 'b', 'terlalu panjang'] })).toEqual([
      { field: 'suggestions.1', constraint: 'maxLength', message: 'paling banyak 10 karakter' },
      { field: 'suggestions.3', constraint: 'maxLength', message: 'paling banyak 10 karakter' },
    ]);
    // The message that reads the value reads the item's: the character of each is named.
    expect(await fieldsOf(Saran, { suggestions: ['a', 'x\u202ey', 'b\u200b'] })).toEqual([
      { field: 'suggestions.1', constraint: 'isFreeText', message: expect.stringMatching(/^berisi pengatur arah teks yang tidak terlihat \(U\+202E\)/) },
      { field: 'suggestions.2', constraint: 'isFreeText', message: expect.stringMatching(/^berisi karakter tak terlihat seperti spasi lebar-nol \(U\+200B\)/) },
    ]);
    expect(await fieldsOf(Saran, { suggestions: ['a', 5] })).toEqual([{ field: 'suggestions.1', constraint: 'isString', message: 'harus berupa teks' }]);
    const error = await createValidationPipe().transform({ suggestions: ['Saran pertama', ' ', 'Saran ketiga'] }, { type: 'body', metatype: Saran }).catch((e: DomainError) => e);
    expect((error as DomainError).message).toMatch(/saran butir ke-2 \(suggestions\.1\): tidak boleh hanya berisi spasi/);
  });

  it('given a required field missing or null, then it is required, once, not "too long", "too short" and "must be text"', async () => {
    const required = [{ field: 'password', constraint: 'isDefined', message: 'wajib diisi' }];
    expect(await fieldsOf(Credentials, { username: 'admin' })).toEqual(required);
    expect(await fieldsOf(Credentials, { username: 'admin', password: null })).toEqual(required);
    expect(await fieldsOf(Credentials, {})).toEqual([{ ...required[0], field: 'username' }, required[0]]);
  });

  it('given a value of the wrong kind, then only that, once: not also the bounds it cannot meet', async () => {
    expect(await fieldsOf(Credentials, { username: 'admin', password: 7 })).toEqual([
      { field: 'password', constraint: 'isString', message: 'harus berupa teks' },
    ]);
    expect(await fieldsOf(Report, { lines: 'a', size: '45', narrative: 'ok' })).toEqual([
      { field: 'lines', constraint: 'isArray', message: 'harus berupa daftar' },
      { field: 'size', constraint: 'isInt', message: 'harus berupa bilangan bulat dari 1 sampai 99, sebagai angka tanpa tanda kutip' },
    ]);
    expect(await fieldsOf(Report, { lines: [], size: 4.5, narrative: 'ok' })).toEqual([
      { field: 'size', constraint: 'isInt', message: 'harus berupa bilangan bulat dari 1 sampai 99' },
    ]);
  });

  it('given a value of the right kind out of its bounds, then every bound it breaks, each named', async () => {
    expect(await fieldsOf(Report, { lines: [{ code: 'K1', year: '2024' }, { code: 'K2', year: '2024' }, { code: 'K3', year: '2024' }], size: 100, narrative: 'panjang' })).toEqual([
      { field: 'lines', constraint: 'arrayMaxSize', message: 'paling banyak 2 butir' },
      { field: 'size', constraint: 'max', message: 'paling besar 99' },
      { field: 'narrative', constraint: 'maxLength', message: 'paling banyak 5 karakter' },
    ]);
    expect(await fieldsOf(Report, { lines: [], size: 0, narrative: '' })).toEqual([{ field: 'size', constraint: 'min', message: 'paling kecil 1' }]);
    expect(await fieldsOf(Credentials, { username: '', password: 'b' })).toEqual([
      { field: 'username', constraint: 'minLength', message: 'paling sedikit 1 karakter' },
    ]);
  });

  it('given something other than objects where @ValidateNested expects them, then Indonesian, never class-validator\'s English', async () => {
    expect(await fieldsOf(Draft, { indicators: 'a' })).toEqual([{ field: 'indicators', constraint: 'nestedValidation', message: 'harus berupa daftar objek' }]);
    expect(await fieldsOf(Draft, { indicators: [7] })).toEqual([{ field: 'indicators.0', constraint: 'nestedValidation', message: 'harus berupa objek' }]);
  });

  it('given a list where an item of a list of objects is expected, at any depth, then that item is not an object (never a 500 further on)', async () => {
    class Program {
      @IsString() name: string;
      @IsArray() @ValidateNested({ each: true }) @Type(() => Report) reports: Report[];
    }
    class Plan {
      @IsArray() @ValidateNested({ each: true }) @Type(() => Program) programs: Program[];
    }
    const report = { lines: [{ code: 'K1', year: '2024' }], size: 1, narrative: 'ok' };
    expect(await fieldsOf(Report, { lines: [[]], size: 1, narrative: 'ok' })).toEqual([{ field: 'lines.0', constraint: 'nestedValidation', message: 'harus berupa objek' }]);
    expect(await fieldsOf(Report, { lines: [[{ code: 'K1', year: '2024' }]], size: 1, narrative: 'ok' }))
      .toEqual([{ field: 'lines.0', constraint: 'nestedValidation', message: 'harus berupa objek' }]);
    expect(await fieldsOf(Plan, { programs: [{ name: 'P', reports: [report, [report]] }] }))
      .toEqual([{ field: 'programs.0.reports.1', constraint: 'nestedValidation', message: 'harus berupa objek' }]);
    expect(await fieldsOf(Plan, { programs: [{ name: 'P', reports: [report] }] })).toEqual([]);
  });

  it('given a rule Kinerja has no words for, then a message in Indonesian all the same; the DTO\'s own message is kept', async () => {
    expect(await fieldsOf(Colours, { plain: 'merah', own: 'merah' })).toEqual([
      { field: 'plain', constraint: 'isHexColor', message: 'nilainya tidak valid' },
      { field: 'own', constraint: 'isHexColor', message: 'warna harus kode heksadesimal, mis. #ff0000' },
    ]);
  });

  it('given a code that does not match its pattern, then what the code is made of, in words', async () => {
    const [subbagian, other] = await fieldsOf(Codes, { subbagian: 'hsdm', other: 'y' });
    expect(subbagian).toEqual({ field: 'subbagian', constraint: 'matches', message: expect.stringContaining('huruf besar A–Z, angka 0–9') });
    expect(other).toEqual({ field: 'other', constraint: 'matches', message: 'formatnya tidak sesuai: harus cocok dengan pola ^x+$' });
  });

  it('given a field named like a prototype key, at any depth, then it is unknown like any other', async () => {
    const body = JSON.parse('{"username":"a","password":"b","__proto__":{"isAdmin":true},"constructor":{"prototype":1}}');
    expect(await fieldsOf(Credentials, body)).toEqual([
      { field: '__proto__', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
      { field: 'constructor', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
      { field: 'constructor.prototype', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
    ]);
    const nested = JSON.parse('{"indicators":[{"code":"K1","year":"2024","__proto__":{}}],"extra":1}');
    expect(await fieldsOf(Draft, nested)).toEqual([
      { field: 'indicators.0.__proto__', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
      { field: 'extra', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
    ]);
  });

  it.each([
    ['an exponent', '1e1'], ['hexadecimal', '0x1'], ['a leading zero', '010'], ['a space', ' 6'], ['a sign', '+6'], ['a fraction', '6.0'], ['a word', 'x'],
  ])('given a whole number in a path or a query written with %s, then refused with its bounds, once', async (_what, month) => {
    for (const type of ['query', 'param'] as const) {
      expect(await fieldsOf(Period, { year: '2024', month }, type)).toEqual([{
        field: 'month', constraint: 'isInt',
        message: 'harus berupa bilangan bulat dari 1 sampai 12, ditulis hanya dengan angka 0–9 (tanpa tanda, spasi, titik, eksponen atau nol di depan)',
      }]);
    }
  });

  it('given a whole number in a query that is empty or given twice, then it says so, and nothing about its bounds failing', async () => {
    expect(await fieldsOf(Period, { year: '2024', month: '' }, 'query')).toEqual([
      { field: 'month', constraint: 'isNotEmpty', message: 'tidak boleh kosong; isi dengan bilangan bulat dari 1 sampai 12' },
    ]);
    expect(await fieldsOf(Period, { year: '2024', month: ['6', '7'] }, 'query')).toEqual([
      { field: 'month', constraint: 'isInt', message: 'hanya boleh diberikan sekali, sebagai satu bilangan bulat dari 1 sampai 12' },
    ]);
  });

  it('given plain digits in a path or a query, then the number; other fields are still judged alongside a loose one', async () => {
    expect(await fieldsOf(Period, { year: '2024', month: '12' }, 'query')).toEqual([]);
    expect(await fieldsOf(Period, { year: '2024', month: '0' }, 'query')).toEqual([{ field: 'month', constraint: 'min', message: 'paling kecil 1' }]);
    expect(await fieldsOf(Period, { year: '99999', month: '1e1', day: '1' }, 'query')).toEqual([
      expect.objectContaining({ field: 'month', constraint: 'isInt' }),
      { field: 'day', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
      { field: 'year', constraint: 'max', message: 'paling besar 2100' },
    ]);
  });

  it('given an unknown field, even null, then it is unknown rather than required', async () => {
    expect(await fieldsOf(Credentials, { username: 'a', password: 'b', x: null })).toEqual([
      { field: 'x', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
    ]);
  });

  it('given the rules class-validator names differently from its decorators, then the Indonesian message all the same', async () => {
    expect(await fieldsOf(Notification, { id: 'not-a-uuid' })).toEqual([{ field: 'id', constraint: 'isUuid', message: 'harus berupa UUID' }]);
    expect(await fieldsOf(Draft, { indicators: [{ code: 'K'.repeat(300), year: '2024' }] })).toEqual([
      { field: 'indicators.0.code', constraint: 'isLength', message: 'panjangnya harus 1 sampai 32 karakter' },
    ]);
  });

  it('given a rule with a message of its DTO, then that message; a missing nested field is required', async () => {
    expect(await fieldsOf(Draft, { indicators: [{ code: 'K1', year: '24' }, { year: '2024' }, null] })).toEqual([
      { field: 'indicators.0.year', constraint: 'matches', message: 'tahun harus empat angka' },
      { field: 'indicators.1.code', constraint: 'isDefined', message: 'wajib diisi' },
      { field: 'indicators.2', constraint: 'isDefined', message: 'wajib diisi' },
    ]);
  });

  it('given null for a field of a partial update that cannot be emptied, then isNotNull; left out, nothing', async () => {
    const notNull = { constraint: 'isNotNull', message: 'tidak boleh null; hilangkan kolom ini bila tidak diubah' };
    expect(await fieldsOf(Change, { name: null, active: null })).toEqual([{ field: 'name', ...notNull }, { field: 'active', ...notNull }]);
    expect(await fieldsOf(Change, {})).toEqual([]);
    expect(await fieldsOf(Change, { email: null })).toEqual([]);
    expect(await fieldsOf(Change, { name: 'ab', active: 'ya' })).toEqual([
      { field: 'name', constraint: 'minLength', message: 'paling sedikit 3 karakter' },
      { field: 'active', constraint: 'isBoolean', message: 'harus bernilai true atau false' },
    ]);
  });

  it('given a list where an object is expected, then its items are unknown fields and the object\'s fields are missing', async () => {
    expect(await fieldsOf(Credentials, ['admin'])).toEqual([
      { field: '0', constraint: 'whitelistValidation', message: 'kolom ini tidak dikenal' },
      { field: 'username', constraint: 'isDefined', message: 'wajib diisi' },
      { field: 'password', constraint: 'isDefined', message: 'wajib diisi' },
    ]);
  });
});
