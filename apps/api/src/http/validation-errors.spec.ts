import { Type } from 'class-transformer';
import {
  IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, MinLength, ValidateIf, ValidateNested, ValidationError,
} from 'class-validator';
import type { DomainError } from '@kinerja/domain';
import { createValidationPipe } from './configure-http';
import { IsOptionalButNotNull } from './optional-but-not-null.validator';
import { FieldProblem, flattenValidationErrors, requestValidationError } from './validation-errors';

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

  it('given a constraint with no translation, then the message of its DTO is kept', () => {
    const [problem] = flattenValidationErrors([error('x', { isKodeSatker: 'kode satker tidak sah' })]);
    expect(problem.message).toBe('kode satker tidak sah');
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

  async function fieldsOf(metatype: new () => object, value: unknown): Promise<FieldProblem[]> {
    try {
      await createValidationPipe().transform(value, { type: 'body', metatype });
    } catch (error) {
      return (error as DomainError).details.fields as FieldProblem[];
    }
    return [];
  }

  it('given a required field missing or null, then it is required, once, not "too long", "too short" and "must be text"', async () => {
    const required = [{ field: 'password', constraint: 'isDefined', message: 'wajib diisi' }];
    expect(await fieldsOf(Credentials, { username: 'admin' })).toEqual(required);
    expect(await fieldsOf(Credentials, { username: 'admin', password: null })).toEqual(required);
    expect(await fieldsOf(Credentials, {})).toEqual([{ ...required[0], field: 'username' }, required[0]]);
  });

  it('given a wrong value, then every rule it breaks', async () => {
    expect(await fieldsOf(Credentials, { username: 'admin', password: 7 })).toEqual([
      { field: 'password', constraint: 'maxLength', message: 'terlalu panjang' },
      { field: 'password', constraint: 'minLength', message: 'terlalu pendek' },
      { field: 'password', constraint: 'isString', message: 'harus berupa teks' },
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
      { field: 'indicators.0.code', constraint: 'isLength', message: 'panjangnya tidak sesuai' },
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
      { field: 'name', constraint: 'minLength', message: 'terlalu pendek' },
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
