import { JwtService } from '@nestjs/jwt';
import jsonwebtoken from 'jsonwebtoken';
import type Redis from 'ioredis';
import { REDIS } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FIXTURE_PASSWORD, FixtureOffice, login } from '../support/identity-fixtures';

// The API trusts X-Forwarded-For from loopback (a reverse proxy in front): each test signs in
// from an address of its own, so the per-address rate limit of one does not touch another.
const from = (address: string) => ({ 'X-Forwarded-For': address });

describe('authentication through HTTP', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let other: FixtureOffice;
  let rootAdminToken: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: '15', LOGIN_RATE_PER_MINUTE: '6' } });
    ({ own, other, rootAdminToken } = await createTwoOffices(t));
  });

  afterAll(() => t?.close());

  const me = (token: string) => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const attempt = (username: string, password: string, address: string) =>
    t.http.post('/api/v1/auth/login').set(from(address)).send({ username, password });
  const changePassword = (token: string, currentPassword: string, newPassword: string, address: string) =>
    t.http.post('/api/v1/auth/password').set(from(address)).set('Authorization', `Bearer ${token}`).send({ currentPassword, newPassword });

  it('signs in with the right password: a bearer token, its lifetime and the user', async () => {
    const response = await attempt('kasubbag.kpu-kab-jember', FIXTURE_PASSWORD, '10.0.0.1');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: t.config.JWT_TTL_SECONDS,
      user: { username: 'kasubbag.kpu-kab-jember', role: 'KASUBBAG', satker: 'kpu-kab-jember', subbagian: 'PDI' },
    });
    const claims = jsonwebtoken.decode(response.body.accessToken, { complete: true }) as jsonwebtoken.Jwt;
    expect(claims.header.alg).toBe('HS256');
    expect(claims.payload).toMatchObject({ sub: own.users.KASUBBAG.id, role: 'KASUBBAG', satker: 'kpu-kab-jember', subbagian: 'PDI', tv: 1 });
    expect((await me(response.body.accessToken)).body).toMatchObject({ id: own.users.KASUBBAG.id, role: 'KASUBBAG' });
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = await attempt('ketua.kpu-kab-jember', 'bukan-sandinya', '10.0.0.2');
    const unknown = await attempt('tidak.ada', 'bukan-sandinya', '10.0.0.2');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ code: 'AUTH.INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.', details: {} });
    expect([wrong.headers['www-authenticate'], unknown.headers['www-authenticate']]).toEqual(['Bearer realm="kinerja"', 'Bearer realm="kinerja"']);
  });

  it('locks the account from an address after three failures there (423 with Retry-After), even for the right password, until an admin resets it', async () => {
    const username = 'sekretaris.kpu-kab-jember';
    for (let i = 0; i < 3; i++) expect((await attempt(username, 'salah-terus', '10.0.1.1')).status).toBe(401);
    const locked = await attempt(username, FIXTURE_PASSWORD, '10.0.1.1');
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ code: 'AUTH.LOCKED', details: { lock: 'pair' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    const reset = await t.http
      .post(`/api/v1/satker/kpu-kab-jember/users/${own.users.SEKRETARIS.id}/password`)
      .set('Authorization', `Bearer ${rootAdminToken}`)
      .send({ newPassword: 'sandi-baru-sekretaris' });
    expect(reset.status).toBe(204);
    // The new password lifts the lock of the address it was locked from.
    expect((await attempt(username, 'sandi-baru-sekretaris', '10.0.1.1')).status).toBe(200);
  });

  it('limits failed logins per address (429 with Retry-After), for every account, while other addresses go on', async () => {
    const address = '10.0.2.1';
    for (let i = 0; i < 6; i++) expect((await attempt(`tebak.${i}`, 'tebakan-saja', address)).status).toBe(401);
    const limited = await attempt('ketua.kpu-kab-jember', FIXTURE_PASSWORD, address);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('AUTH.RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('ketua.kpu-kab-jember', FIXTURE_PASSWORD, '10.0.2.2')).status).toBe(200);
  });

  it('answers an unknown username exactly like an existing one: locked after the same failures, same 423 and Retry-After', async () => {
    // What a probe from one address sees: three wrong passwords, then the right one (or any), then one more.
    const probe = async (username: string, net: string) => {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await attempt(username, 'salah-terus', `${net}.1`));
      answers.push(await attempt(username, FIXTURE_PASSWORD, `${net}.1`));
      answers.push(await attempt(username, 'salah-lagi', `${net}.1`));
      return answers.map((r) => ({
        status: r.status,
        code: r.body.code,
        message: r.body.message,
        details: Object.keys(r.body.details).sort(),
        retryAfter: r.headers['retry-after'],
        retryAfterSeconds: r.body.details.retryAfterSeconds,
      }));
    };
    const existing = await probe('kasubbag.kpu-kab-banyuwangi', '10.0.8');
    const unknown = await probe('tidak.ada.di.mana.pun', '10.0.9');
    expect(existing.map((a) => a.status)).toEqual([401, 401, 401, 423, 423]);
    expect(unknown).toEqual(existing);
    expect(existing[3]).toMatchObject({ code: 'AUTH.LOCKED', retryAfter: '900', retryAfterSeconds: 900 });
    // The name is compared as a login compares it (trimmed, lower case), like an existing one.
    const other = await attempt(' Tidak.Ada.Di.Mana.Pun ', 'apa-saja', '10.0.9.1');
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 423, code: 'AUTH.LOCKED' });
    // Unknown names leave nothing in Redis that outlives the failures' memory (as long as an
    // account remembers its own, so that waiting tells nothing): storage stays bounded.
    // (Only a sign-in leaves more: its address, known to that account for 90 days.)
    const redis = t.app.get<Redis>(REDIS);
    const keys = (await redis.keys(`${t.config.REDIS_PREFIX}:*`)).filter((key) => !key.includes(':login-known-addresses:'));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(t.config.LOGIN_FAILURE_MEMORY_HOURS * 3_600_000);
    }
  });

  it('counts wrong current passwords on /auth/password as failed logins: the account locks from that address (423), for login too', async () => {
    const token = other.users.SEKRETARIS.token;
    const address = '10.0.6.1';
    for (let i = 0; i < 3; i++) {
      const wrong = await changePassword(token, 'tebakan-keliru', 'sandi-baru-sekali-1', address);
      expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 422, code: 'AUTH.CURRENT_PASSWORD_WRONG' });
    }
    const locked = await changePassword(token, FIXTURE_PASSWORD, 'sandi-baru-sekali-1', address);
    expect({ status: locked.status, code: locked.body.code, lock: locked.body.details.lock }).toEqual({ status: 423, code: 'AUTH.LOCKED', lock: 'pair' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    const signIn = await attempt('sekretaris.kpu-kab-banyuwangi', FIXTURE_PASSWORD, address);
    expect({ status: signIn.status, code: signIn.body.code }).toEqual({ status: 423, code: 'AUTH.LOCKED' });
    expect(Number(signIn.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // A stolen token's guesses do not shut the owner out: from another address they sign in.
    expect((await attempt('sekretaris.kpu-kab-banyuwangi', FIXTURE_PASSWORD, '10.0.6.2')).status).toBe(200);
  });

  it('counts wrong current passwords against the address too, and a right change clears the account’s failures', async () => {
    const token = other.users.KETUA.token;
    const address = '10.0.7.1';
    for (let i = 0; i < 2; i++) expect((await changePassword(token, 'tebakan-keliru', 'ketua-baru-sekali-1', address)).status).toBe(422);
    expect((await changePassword(token, FIXTURE_PASSWORD, 'ketua-baru-sekali-1', '10.0.7.2')).status).toBe(204);
    for (let i = 0; i < 4; i++) expect((await attempt(`tebak.lagi.${i}`, 'tebakan-saja', address)).status).toBe(401);
    const limited = await attempt('ketua.kpu-kab-banyuwangi', 'ketua-baru-sekali-1', address);
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'AUTH.RATE_LIMITED' });
    // Two failures before the change and two after would lock the account at four, had the change not cleared them.
    for (let i = 0; i < 2; i++) expect((await attempt('ketua.kpu-kab-banyuwangi', 'salah-terus', `10.0.7.${3 + i}`)).status).toBe(401);
    expect((await attempt('ketua.kpu-kab-banyuwangi', 'ketua-baru-sekali-1', '10.0.7.5')).status).toBe(200);
  });

  it('does not count successful logins against the address', async () => {
    for (let i = 0; i < 8; i++) expect((await attempt('ketua.kpu-kab-jember', FIXTURE_PASSWORD, '10.0.3.1')).status).toBe(200);
  });

  it('refuses a missing, malformed, foreign-signed or expired token with 401 and a code for each', async () => {
    expect((await t.http.get('/api/v1/auth/me')).body.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await t.http.get('/api/v1/auth/me').set('Authorization', 'Basic YWRtaW46YWRtaW4=')).body.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await me('not-a-jwt')).body.code).toBe('AUTH.TOKEN_INVALID');
    const claims = { sub: own.users.KETUA.id, role: 'ADMIN', satker: 'kpu-kab-jember', subbagian: null, tv: 1 };
    const forged = jsonwebtoken.sign(claims, 'another-secret-that-is-long-enough-0123456789', { expiresIn: 600 });
    expect((await me(forged)).status).toBe(401);
    expect((await me(forged)).body.code).toBe('AUTH.TOKEN_INVALID');
    const none = jsonwebtoken.sign(claims, '', { algorithm: 'none' });
    expect((await me(none)).body.code).toBe('AUTH.TOKEN_INVALID');
    const expired = t.app.get(JwtService).sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 5 });
    const response = await me(expired);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('AUTH.TOKEN_EXPIRED');
    // RFC 6750 §3: every 401 challenges for a bearer token; one sent and refused is invalid_token.
    const challenges = await Promise.all([t.http.get('/api/v1/auth/me'), me('not-a-jwt'), me(forged), me(expired), t.http.get('/api/v1/satker/kpu-kab-jember/pk/2024')]);
    expect(challenges.map((r) => [r.status, r.headers['www-authenticate']])).toEqual([
      [401, 'Bearer realm="kinerja"'],
      [401, 'Bearer realm="kinerja", error="invalid_token"'],
      [401, 'Bearer realm="kinerja", error="invalid_token"'],
      [401, 'Bearer realm="kinerja", error="invalid_token"'],
      [401, 'Bearer realm="kinerja"'],
    ]);
  });

  it('reads role and office from the database, not from the token', async () => {
    const claims = { sub: own.users.KETUA.id, role: 'ADMIN', satker: 'kpu-kab-jember', subbagian: null, tv: 1 };
    const escalated = t.app.get(JwtService).sign(claims, { expiresIn: 600 });
    const response = await t.http.get('/api/v1/satker/kpu-kab-jember/users').set('Authorization', `Bearer ${escalated}`);
    expect(response.status).toBe(403);
  });

  it('revokes every earlier token when the user changes their password', async () => {
    const username = 'inspektorat.kpu-kab-jember';
    const before = await login(t, username, FIXTURE_PASSWORD);
    const change = await t.http
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${before}`)
      .send({ currentPassword: FIXTURE_PASSWORD, newPassword: 'lampu-taman-baru-1' });
    expect(change.status).toBe(204);
    const old = await me(before);
    expect({ status: old.status, code: old.body.code, challenge: old.headers['www-authenticate'] })
      .toEqual({ status: 401, code: 'AUTH.TOKEN_REVOKED', challenge: 'Bearer realm="kinerja", error="invalid_token"' });
    expect((await attempt(username, FIXTURE_PASSWORD, '10.0.4.1')).status).toBe(401);
    const after = await login(t, username, 'lampu-taman-baru-1');
    expect((await me(after)).status).toBe(200);
  });

  it('answers the same password change sent several times at once with one Idempotency-Key as one change, never as a wrong password', async () => {
    const username = 'inspektorat.kpu-kab-banyuwangi';
    const token = await login(t, username, FIXTURE_PASSWORD);
    const answers = await Promise.all(Array.from({ length: 24 }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 4));
      return t.http.post('/api/v1/auth/password').set(from(`10.0.9.${i + 1}`)).set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', 'ganti-sandi-1').send({ currentPassword: FIXTURE_PASSWORD, newPassword: 'inspektorat-bwi-baru-1' });
    }));
    // A duplicate that arrives once the change is stored finds the token revoked by it (401); one
    // already past the token check answers as the first did; none is taken for a wrong password.
    for (const a of answers) expect([204, 'AUTH.TOKEN_REVOKED']).toContain(a.status === 204 ? 204 : a.body.code);
    expect(answers.filter((a) => a.status === 204 && a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    const [row] = await t.db.dataSource.query(`SELECT failed_login_count FROM users WHERE username = $1`, [username]);
    expect(Number(row.failed_login_count)).toBe(0);
    expect((await login(t, username, 'inspektorat-bwi-baru-1')).length).toBeGreaterThan(20);
  });

  it('refuses a new password that breaks the rule with 422, and a wrong current password with 422', async () => {
    const token = await login(t, 'ketua.kpu-kab-jember', FIXTURE_PASSWORD);
    const short = await t.http.post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: FIXTURE_PASSWORD, newPassword: 'pendek' });
    expect({ status: short.status, code: short.body.code }).toEqual({ status: 422, code: 'USER.PASSWORD_TOO_WEAK' });
    const wrong = await t.http.post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: 'keliru-keliru', newPassword: 'cukup-panjang-1' });
    expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 422, code: 'AUTH.CURRENT_PASSWORD_WRONG' });
    const same = await t.http.post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD });
    expect({ status: same.status, code: same.body.code }).toEqual({ status: 422, code: 'USER.PASSWORD_UNCHANGED' });
    expect((await me(token)).status).toBe(200);
  });

  it('revokes the tokens of a user who is deactivated, and lets nobody in as them', async () => {
    const token = await login(t, 'ketua.kpu-kab-jember', FIXTURE_PASSWORD);
    const deactivate = await t.http
      .patch(`/api/v1/satker/kpu-kab-jember/users/${own.users.KETUA.id}`)
      .set('Authorization', `Bearer ${rootAdminToken}`)
      .send({ active: false });
    expect(deactivate.status).toBe(200);
    expect((await me(token)).body.code).toBe('AUTH.TOKEN_REVOKED');
    const refused = await attempt('ketua.kpu-kab-jember', FIXTURE_PASSWORD, '10.0.5.1');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'AUTH.ACCOUNT_INACTIVE' });
    expect((await attempt('ketua.kpu-kab-jember', 'bukan-sandinya', '10.0.5.1')).body.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('ends the sessions of a whole office when it is deactivated', async () => {
    const token = own.users.KASUBBAG.token;
    expect((await me(token)).status).toBe(200);
    const response = await t.http
      .patch('/api/v1/satker/kpu-kab-jember')
      .set('Authorization', `Bearer ${rootAdminToken}`)
      .send({ active: false });
    expect(response.status).toBe(200);
    expect((await me(token)).body.code).toBe('AUTH.TOKEN_REVOKED');
    const closed = await attempt('kasubbag.kpu-kab-jember', FIXTURE_PASSWORD, '10.0.5.2');
    expect({ status: closed.status, code: closed.body.code }).toEqual({ status: 403, code: 'AUTH.ACCOUNT_INACTIVE' });
    expect(closed.body.message).toMatch(/^Satker Anda tidak aktif lagi/);
    // Reactivated, the office's users sign in again; the tokens from before stay revoked.
    const reactivated = await t.http.patch('/api/v1/satker/kpu-kab-jember').set('Authorization', `Bearer ${rootAdminToken}`).send({ active: true });
    expect(reactivated.status).toBe(200);
    expect((await me(token)).body.code).toBe('AUTH.TOKEN_REVOKED');
    expect((await me(await login(t, 'kasubbag.kpu-kab-jember', FIXTURE_PASSWORD))).status).toBe(200);
  });
});
