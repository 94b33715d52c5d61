import { ValidationError } from 'class-validator';
import { flattenValidationErrors, requestValidationError } from './validation-errors';

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
