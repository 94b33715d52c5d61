import { echoedInput } from './echoed-input';

describe('a value typed by someone, as a message repeats it', () => {
  it('given control or format characters, then each shows as "?"', () => {
    expect(echoedInput('\u0000')).toBe('?');
    expect(echoedInput('kpu\u001b[31m\n\u200b\u2028x')).toBe('kpu?[31m???x');
  });

  it('given more than the bound, then it is cut with "…"; a plain code is kept as it is', () => {
    expect(echoedInput('a'.repeat(100))).toBe(`${'a'.repeat(64)}…`);
    expect(echoedInput('kpu-kab-jember')).toBe('kpu-kab-jember');
    expect(echoedInput('😀'.repeat(5), 3)).toBe('😀😀😀…');
  });
});
