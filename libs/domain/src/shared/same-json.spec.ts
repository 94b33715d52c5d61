import { sameJson } from './same-json';

describe('sameJson', () => {
  it('given the same members in another key order, then they are the same', () => {
    expect(sameJson({ a: 1, b: [{ x: 'y', z: null }] }, { b: [{ z: null, x: 'y' }], a: 1 })).toBe(true);
  });

  it.each([
    ['a changed value', { a: '1' }, { a: '2' }],
    ['a number against its text', { a: 1 }, { a: '1' }],
    ['null against blank', { a: null }, { a: '' }],
    ['an extra member', { a: 1 }, { a: 1, b: 2 }],
    ['arrays in another order', [1, 2], [2, 1]],
    ['an array against an object', [], {}],
  ])('given %s, then they differ', (_what, a, b) => {
    expect(sameJson(a, b)).toBe(false);
    expect(sameJson(b, a)).toBe(false);
  });
});
