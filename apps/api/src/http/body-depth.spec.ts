import { DomainError } from '@kinerja/domain';
import { limitBodyDepth, MAX_BODY_DEPTH, nestsDeeperThan } from './body-depth';
import { toErrorResponse } from './error-response';

/** Arrays `depth` levels deep, built without recursion. */
function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function nestedObjects(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value, b: 2 };
  return value;
}

describe('how deeply a request body nests', () => {
  it('counts the body itself as level 1 and looks past flat values', () => {
    expect(nestsDeeperThan({ a: 1, b: 'x', c: null }, 1)).toBe(false);
    expect(nestsDeeperThan({ a: [] }, 1)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(undefined, 1)).toBe(false);
  });

  it.each([
    ['arrays', nestedArrays],
    ['objects', nestedObjects],
  ])('allows %s exactly as deep as the limit and refuses one level more', (_what, nested) => {
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
  });

  it('finds the deep branch of a wide body', () => {
    const body = { programs: Array.from({ length: 50 }, (_, i) => (i === 37 ? { kegiatan: nestedArrays(40) } : { kegiatan: [{ indicators: [] }] })) };
    expect(nestsDeeperThan(body, MAX_BODY_DEPTH)).toBe(true);
  });

  it('does not overflow the stack itself, however deep (a million levels)', () => {
    expect(nestsDeeperThan(nestedArrays(1_000_000), 2_000_000)).toBe(false);
    expect(nestsDeeperThan(nestedObjects(1_000_000), MAX_BODY_DEPTH)).toBe(true);
  });

  it('as middleware: passes a sensible body on, and a deep one as 400 REQUEST.MALFORMED in Indonesian', () => {
    const next = jest.fn();
    limitBodyDepth({ body: { username: 'a', password: 'b' } } as never, {} as never, next);
    expect(next).toHaveBeenCalledWith(undefined);
    limitBodyDepth({ body: { x: nestedArrays(5000) } } as never, {} as never, next);
    const error = next.mock.calls[1][0] as DomainError;
    expect(toErrorResponse(error)).toEqual({
      status: 400,
      body: { code: 'REQUEST.MALFORMED', message: 'Isi permintaan bersarang terlalu dalam: paling banyak 32 tingkat.', details: { maxDepth: 32 } },
      headers: {},
      unexpected: false,
    });
  });
});
