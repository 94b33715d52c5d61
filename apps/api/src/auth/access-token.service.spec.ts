import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { AuthenticatedUser } from '@kinerja/identity';
import type { AppConfig } from '@kinerja/platform';
import { AccessTokenService, VERIFIED_TOKENS_KEPT } from './access-token.service';

const TTL_SECONDS = 600;
const user: AuthenticatedUser = { id: '0b9d7f4e-3c1a-4e8b-9f2d-5a6c7e8f9a0b', username: 'kasubbag.kul', fullName: 'Kasubbag KUL', role: 'KASUBBAG', satker: 'kpu-jember', subbagian: 'KUL' };

function service(secret = 'a-secret-of-at-least-thirty-two-characters') {
  const jwt = new JwtService({ secret: createSecretKey(Buffer.from(secret)), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  return { jwt, tokens: new AccessTokenService(jwt, { JWT_TTL_SECONDS: TTL_SECONDS } as AppConfig) };
}

/** A distinct UUID per number. */
const userId = (n: number) => `0b9d7f4e-3c1a-4e8b-9f2d-${n.toString(16).padStart(12, '0')}`;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(() => 'accepted', (error: { code?: string }) => error.code ?? String(error));
}

describe('reading access tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('given a token read once, when it is read again, then the same claims come back without verifying it again', async () => {
    const { jwt, tokens } = service();
    const { accessToken } = await tokens.issue(user, 3);
    const verify = jest.spyOn(jwt, 'verifyAsync');

    const first = await tokens.read(accessToken);
    const second = await tokens.read(accessToken);

    expect(first).toMatchObject({ sub: user.id, role: 'KASUBBAG', satker: 'kpu-jember', subbagian: 'KUL', tv: 3 });
    expect(second).toEqual(first);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('given a token already read, when its time has run out, then it is refused as expired, again and again', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T05:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const { tokens } = service();
    const { accessToken } = await tokens.issue(user, 1);
    await tokens.read(accessToken);

    jest.setSystemTime(new Date(Date.now() + (TTL_SECONDS - 1) * 1000));
    expect(await codeOf(tokens.read(accessToken))).toBe('accepted');
    jest.setSystemTime(new Date(Date.now() + 1000));
    expect(await codeOf(tokens.read(accessToken))).toBe('AUTH.TOKEN_EXPIRED');
    expect(await codeOf(tokens.read(accessToken))).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('given a valid token read once, when its signature or claims are altered, then the altered token is refused', async () => {
    const { tokens } = service();
    const { accessToken } = await tokens.issue(user, 1);
    await tokens.read(accessToken);
    const [header, payload, signature] = accessToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' })).toString('base64url');

    expect(await codeOf(tokens.read(`${header}.${payload}.${signature.slice(0, -2)}AA`))).toBe('AUTH.TOKEN_INVALID');
    expect(await codeOf(tokens.read(`${header}.${forgedPayload}.${signature}`))).toBe('AUTH.TOKEN_INVALID');
    expect(await codeOf(tokens.read(`${accessToken} `))).toBe('AUTH.TOKEN_INVALID');
  });

  it('given a token signed with another secret, then it is refused even by a process that verified tokens before', async () => {
    const { tokens } = service();
    const { accessToken: own } = await tokens.issue(user, 1);
    await tokens.read(own);
    const { accessToken: foreign } = await service('another-secret-of-at-least-thirty-two-chars').tokens.issue(user, 1);

    expect(await codeOf(tokens.read(foreign))).toBe('AUTH.TOKEN_INVALID');
  });

  it('given more tokens than it keeps, then the oldest are verified again and the newest are still remembered', async () => {
    const { jwt, tokens } = service();
    const issued = await Promise.all(Array.from({ length: VERIFIED_TOKENS_KEPT + 1 }, (_, i) => tokens.issue({ ...user, id: userId(i) }, 1)));
    for (const { accessToken } of issued) await tokens.read(accessToken);
    const verify = jest.spyOn(jwt, 'verifyAsync');

    await tokens.read(issued[issued.length - 1].accessToken);
    expect(verify).toHaveBeenCalledTimes(0);
    expect((await tokens.read(issued[0].accessToken)).sub).toBe(userId(0));
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['without an expiry', { sub: user.id, tv: 1, iat: 1_700_000_000 }],
    ['issued in the future', { sub: user.id, tv: 1, iat: Math.floor(Date.now() / 1000) + 3600, exp: Math.floor(Date.now() / 1000) + 7200 }],
    ['naming no user id', { sub: 'admin', tv: 1, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 }],
    ['living far longer than JWT_TTL_SECONDS', { sub: user.id, tv: 1, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 10_000_000 }],
  ])('given a token signed with the right secret but %s, then it is refused as invalid', async (_what, payload) => {
    const { jwt, tokens } = service();
    const token = await jwt.signAsync(payload);
    expect(await codeOf(tokens.read(token))).toBe('AUTH.TOKEN_INVALID');
  });
});
