import { validateSync } from 'class-validator';
import { IsNotBlank, NOT_BLANK_MESSAGE } from './not-blank.validator';

class Named {
  @IsNotBlank() name: unknown;
}

function errorsOf(name: unknown): string[] {
  const dto = Object.assign(new Named(), { name });
  return validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('a required name (IsNotBlank)', () => {
  it('given spaces, format characters, blank-looking letters or lone combining marks only, then it is refused', () => {
    for (const name of ['   ', '\u200b\u200b', '\u3164\u3164', '\u2800\u2800', '\u0301\u0301', '\u115f\u1160\uffa0 '])
      expect(errorsOf(name)).toEqual([NOT_BLANK_MESSAGE]);
  });

  it('given one character a reader can see, then it passes (length is other validators’ business)', () => {
    for (const name of ['PDI', ' a ', '\u3164x', 'é', '1']) expect(errorsOf(name)).toEqual([]);
  });
});
