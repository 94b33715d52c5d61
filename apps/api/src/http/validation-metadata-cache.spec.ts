import 'reflect-metadata';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, Min, ValidateNested, validateSync, type ValidationError } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Line extends Base {
  @IsInt()
  @Min(1, { groups: ['strict'] })
  count!: number;
}

class Report {
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function line(values: Record<string, unknown>): Line {
  return Object.assign(new Line(), values);
}

/** Field paths and the rules they broke, in a stable order. */
function problems(errors: ValidationError[], path = ''): string[] {
  return errors
    .flatMap((e) => [
      ...Object.keys(e.constraints ?? {}).map((rule) => `${path}${e.property}:${rule}`),
      ...problems(e.children ?? [], `${path}${e.property}.`),
    ])
    .sort();
}

describe('the validation metadata cache', () => {
  beforeAll(() => cacheValidationMetadata());

  it('given the cache, when nested and inherited rules are broken, then every rule still answers', () => {
    const report = Object.assign(new Report(), { lines: [line({ name: 7, count: 1.5 }), line({ name: 'ok', count: 2, extra: true })] });

    expect(problems(validateSync(report, OPTIONS))).toEqual(['lines.0.count:isInt', 'lines.0.name:isString', 'lines.1.extra:whitelistValidation']);
    expect(problems(validateSync(report, OPTIONS))).toEqual(['lines.0.count:isInt', 'lines.0.name:isString', 'lines.1.extra:whitelistValidation']);
  });

  it('given a lookup with groups and one without, then each keeps its own answer', () => {
    const zero = line({ name: 'a', count: 0 });

    const ungrouped = { ...OPTIONS, strictGroups: true };

    expect(problems(validateSync(zero, ungrouped))).toEqual([]);
    expect(problems(validateSync(zero, { ...OPTIONS, groups: ['strict'] }))).toEqual(['count:min', 'name:whitelistValidation']);
    expect(problems(validateSync(zero, ungrouped))).toEqual([]);
    expect(problems(validateSync(zero, OPTIONS))).toEqual(['count:min']);
  });

  it('given a class already validated, when a rule is added to it, then the next validation applies the rule', () => {
    class Late {
      @IsString()
      code!: string;
    }
    const late = Object.assign(new Late(), { code: 'a', size: -1 });
    expect(problems(validateSync(late, OPTIONS))).toEqual(['size:whitelistValidation']);

    Min(0)(Late.prototype, 'size');

    expect(problems(validateSync(late, OPTIONS))).toEqual(['size:min']);
  });

  it('given a base class already validated, when a subclass is defined later, then it has both rule sets and the base keeps its own', () => {
    expect(problems(validateSync(Object.assign(new Base(), { name: 1 }), OPTIONS))).toEqual(['name:isString']);
    class Later extends Base {
      @IsInt()
      order!: number;
    }

    expect(problems(validateSync(Object.assign(new Later(), { name: 1, order: 'x' }), OPTIONS))).toEqual(['name:isString', 'order:isInt']);
    expect(problems(validateSync(Object.assign(new Base(), { name: 1, order: 'x' }), OPTIONS))).toEqual(['name:isString', 'order:whitelistValidation']);
  });

  it('given the cache, when it is installed again, then lookups are not wrapped twice', () => {
    const storage = getMetadataStorage();
    const lookup = storage.getTargetValidationMetadatas;

    cacheValidationMetadata();

    expect(storage.getTargetValidationMetadatas).toBe(lookup);
    expect(storage.getTargetValidationMetadatas(Line, '', false, false)).toBe(storage.getTargetValidationMetadatas(Line, '', false, false));
  });
});
