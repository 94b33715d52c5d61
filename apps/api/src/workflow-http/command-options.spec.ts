import type { Request } from 'express';
import { DomainError } from '@kinerja/domain';
import { commandOptions, parseIfMatch } from './command-options';

const request = (headers: Record<string, string>) => ({ header: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;

describe('If-Match and Idempotency-Key as command options', () => {
  it('reads the version from "3", W/"3" and 3; none from an absent header or *', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch(undefined)).toBeNull();
    expect(parseIfMatch('*')).toBeNull();
  });

  it('refuses an If-Match that is not a version', () => {
    expect(() => parseIfMatch('"abc"')).toThrow(DomainError);
  });

  it('takes the version from If-Match or the body, and refuses the two disagreeing', () => {
    expect(commandOptions(request({ 'if-match': '"2"', 'idempotency-key': 'k-1' }))).toEqual({ idempotencyKey: 'k-1', expectedVersion: 2 });
    expect(commandOptions(request({}), 4)).toEqual({ idempotencyKey: null, expectedVersion: 4 });
    expect(() => commandOptions(request({ 'if-match': '"2"' }), 3)).toThrow(expect.objectContaining({ code: 'REQUEST.VERSION_MISMATCH' }));
  });
});
