import type { Request } from 'express';
import { DomainError } from '@kinerja/domain';
import { commandFingerprint, commandOptions, parseIfMatch } from './command-options';

const request = (headers: Record<string, string>) => ({ header: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;

const REPORT = '/api/v1/satker/:satker/realisasi/:year/:month/:code';
/** A request as Express hands it to a controller: method, the route it matched, params, query, body, an uploaded file. */
function routed(method: string, path: string, body: unknown, extra: Partial<{ params: Record<string, string>; query: Record<string, string>; file: unknown }> = {}) {
  return {
    method, route: { path }, baseUrl: '', path: '/concrete', body,
    params: extra.params ?? { satker: 'kpu-kab-jember', year: '2026', month: '1', code: 'PDI' },
    query: extra.query ?? {},
    file: extra.file,
    header: (name: string) => ({ 'idempotency-key': 'probe-1' } as Record<string, string>)[name.toLowerCase()],
  } as unknown as Request;
}

describe('If-Match and Idempotency-Key as command options', () => {
  it('reads the version from "3", W/"3" and 3; none from an absent header or *', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch(undefined)).toBeNull();
    expect(parseIfMatch('*')).toBeNull();
  });

  it('reads the version from the weak ETag of a view (version and hash), as a client echoes it', () => {
    expect(parseIfMatch('W/"4.9f86d081884c7d65"')).toBe(4);
    expect(() => parseIfMatch('W/"4.xyz"')).toThrow(DomainError);
  });

  it('refuses an If-Match that is not a version', () => {
    expect(() => parseIfMatch('"abc"')).toThrow(DomainError);
  });

  it('takes the version from If-Match or the body, and refuses the two disagreeing', () => {
    expect(commandOptions(request({ 'if-match': '"2"', 'idempotency-key': 'k-1' }))).toEqual({ idempotencyKey: 'k-1', requestFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), expectedVersion: 2 });
    expect(commandOptions(request({}), 4)).toEqual({ idempotencyKey: null, requestFingerprint: null, expectedVersion: 4 });
    expect(() => commandOptions(request({ 'if-match': '"2"' }), 3)).toThrow(expect.objectContaining({ code: 'REQUEST.VERSION_MISMATCH' }));
  });
});

describe('the fingerprint an Idempotency-Key is bound to', () => {
  const body = { lines: [{ indicatorCode: 'K1.1', value: '1', narrative: 'x' }], budget: [] };

  it('is the same for the same command and payload, whatever the order of the keys', () => {
    const reordered = { budget: [], lines: [{ narrative: 'x', value: '1', indicatorCode: 'K1.1' }] };
    expect(commandFingerprint(routed('PUT', REPORT, body))).toBe(commandFingerprint(routed('PUT', REPORT, reordered)));
    expect(commandOptions(routed('PUT', REPORT, body)).requestFingerprint).toBe(commandFingerprint(routed('PUT', REPORT, body)));
  });

  it('differs for another command, another target, another body or another query', () => {
    const draft = commandFingerprint(routed('PUT', REPORT, body));
    expect(commandFingerprint(routed('POST', `${REPORT}/submit`, body))).not.toBe(draft);
    expect(commandFingerprint(routed('PUT', REPORT, body, { params: { satker: 'kpu-kab-jember', year: '2026', month: '2', code: 'PDI' } }))).not.toBe(draft);
    expect(commandFingerprint(routed('PUT', REPORT, { ...body, lines: [{ ...body.lines[0], value: '2' }] }))).not.toBe(draft);
    const lkj = '/api/v1/satker/:satker/lkj/:year';
    expect(commandFingerprint(routed('POST', lkj, {}, { query: { draft: 'true' } }))).not.toBe(commandFingerprint(routed('POST', lkj, {})));
  });

  it('takes no body and an empty body as the same request', () => {
    expect(commandFingerprint(routed('POST', `${REPORT}/approve`, undefined))).toBe(commandFingerprint(routed('POST', `${REPORT}/approve`, {})));
  });

  it('counts an uploaded file by its bytes', () => {
    const csv = (text: string) => routed('POST', '/api/v1/satker/:satker/capaian-tahun-lalu/:year/csv', {}, { file: { fieldname: 'file', buffer: Buffer.from(text) } });
    expect(commandFingerprint(csv('K1.1;95\n'))).toBe(commandFingerprint(csv('K1.1;95\n')));
    expect(commandFingerprint(csv('K1.1;70\n'))).not.toBe(commandFingerprint(csv('K1.1;95\n')));
  });

  it('leaves passwords out: the fingerprint is stored', () => {
    const change = (newPassword: string) => routed('POST', '/api/v1/auth/password', { currentPassword: 'lama-123456', newPassword });
    expect(commandFingerprint(change('baru-1234567'))).toBe(commandFingerprint(change('lain-1234567')));
  });
});
