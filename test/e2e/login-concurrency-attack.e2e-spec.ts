import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FIXTURE_PASSWORD, login } from '../support/identity-fixtures';

/**
 * The re-test's finding 1: each limit was read before the password was verified and the failure
 * counted after it, so requests sent at the same moment all passed the checks (1000 concurrent
 * logins from one address: 999 verified, the right password among them let in). Now every attempt
 * is reserved against the address before it is verified, one attempt per name is checked at a time,
 * and each process verifies a bounded number of passwords at once (503 AUTH.LOGIN_BUSY beyond).
 * Requests go through a real socket, all at once; addresses come from X-Forwarded-For.
 */
describe('login under concurrent attack: every attempt is counted before its password is checked', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOG_LEVEL: 'error', LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '6', LOGIN_RATE_PER_MINUTE: '20', LOGIN_VERIFICATIONS_IN_FLIGHT: '2', LOGIN_VERIFICATION_QUEUE: '4' },
    });
    await createTwoOffices(t);
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => t?.close());

  const post = async (path: string, body: object, address: string, token?: string) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, retryAfter: response.headers.get('retry-after') };
  };
  const login$ = (username: string, password: string, address: string) => post('/api/v1/auth/login', { username, password }, address);
  const tally = (answers: Array<{ status: number }>) =>
    answers.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
  /** Wrong passwords from fresh addresses, one after another, until the account lock answers; the 401s it took. */
  const failuresUntilAccountLock = async (username: string, net: string) => {
    for (let i = 1; i <= 20; i++) {
      const answer = await login$(username, 'tebakan-berurutan', `${net}.${i}`);
      if (answer.status === 423) return i - 1;
      expect(answer.status).toBe(401);
    }
    throw new Error('the account never locked');
  };

  it('300 logins at once from one address, the right password among them: at most three are checked, none signs in', async () => {
    const ketua = 'ketua.kpu-kab-jember';
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => login$(ketua, i === 270 ? FIXTURE_PASSWORD : `tebakan-${i}`, '203.0.113.10')),
    );
    const counts = tally(answers);
    expect(counts[200]).toBeUndefined();
    expect(counts[401] ?? 0).toBeLessThanOrEqual(3);
    // Everything else was refused before its password was looked at, each with Retry-After.
    for (const answer of answers.filter((a) => a.status !== 401)) {
      expect([409, 423, 429, 503]).toContain(answer.status);
      expect(answer.retryAfter).toEqual(expect.stringMatching(/^\d+$/));
    }
  });

  it('60 logins at once for one account, one address each: the account lock still counts exactly six failures', async () => {
    const sekretaris = 'sekretaris.kpu-kab-banyuwangi';
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login$(sekretaris, `tebakan-${i}`, `198.51.100.${i + 1}`)));
    const verified = tally(answers)[401] ?? 0;
    expect(verified).toBeLessThanOrEqual(6);
    // What the burst did not use up, one at a time: six failures in all lock the account.
    expect(verified + (await failuresUntilAccountLock(sekretaris, '198.51.101'))).toBe(6);
    expect((await login$(sekretaris, FIXTURE_PASSWORD, '198.51.102.1')).body.details).toMatchObject({ lock: 'account' });
  });

  it('40 password changes at once with a stolen token and wrong current passwords: at most three are checked', async () => {
    const kasubbag = 'kasubbag.kpu-kab-banyuwangi';
    const token = await login(t, kasubbag, FIXTURE_PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post('/api/v1/auth/password', { currentPassword: `tebakan-${i}`, newPassword: 'kata-sandi-baru-yang-kuat-9' }, '192.0.2.77', token),
      ),
    );
    const counts = tally(answers);
    expect(counts[204]).toBeUndefined();
    expect(counts[422] ?? 0).toBeLessThanOrEqual(3);
  });

  it('a flood of logins at unknown names from many addresses: past the bound, 503 AUTH.LOGIN_BUSY at once', async () => {
    const answers = await Promise.all(Array.from({ length: 80 }, (_, i) => login$(`tidak.ada.${i}`, 'tebakan', `100.64.${i}.1`)));
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]).toMatchObject({ body: { code: 'AUTH.LOGIN_BUSY' }, retryAfter: expect.stringMatching(/^\d+$/) });
    expect(busy[0].body.message).toMatch(/Layanan masuk sedang sibuk/);
    expect(answers.every((a) => a.status === 401 || a.status === 503)).toBe(true);
  });

  it('answers concurrent attempts at a name that matches no account as at one that does: one at a time, three failures, then the lock', async () => {
    const burst = async (username: string, address: string) => {
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login$(username, `tebakan-${i}`, address)));
      const statuses = [...new Set(answers.map((a) => a.status))].sort();
      const byStatus = statuses.map((status) => {
        const a = answers.find((x) => x.status === status)!;
        return { status, code: a.body.code, message: a.body.message, lock: a.body.details?.lock, retryAfterMinutes: a.retryAfter === undefined ? undefined : Math.round(Number(a.retryAfter) / 60) };
      });
      return { byStatus, failures: answers.filter((a) => a.status === 401).length };
    };
    const real = await burst('kasubbag.kpu-kab-jember', '192.0.2.90');
    const unknown = await burst('tidak.pernah.ada', '192.0.2.91');
    expect(real).toEqual(unknown);
    expect(real.failures).toBe(3);
  });

  it('signs a double click in twice: the second login waits for the first instead of being refused', async () => {
    const [first, second] = await Promise.all([login$('admin.kpu-kab-jember', FIXTURE_PASSWORD, '192.0.2.95'), login$('admin.kpu-kab-jember', FIXTURE_PASSWORD, '192.0.2.95')]);
    expect([first.status, second.status]).toEqual([200, 200]);
  });

  it('takes a double-clicked password change once, answering both, and counts no failure', async () => {
    const signedIn = await login$('kasubbag.kpu-kab-jember', FIXTURE_PASSWORD, '192.0.2.96');
    expect(signedIn.status).toBe(200);
    const owner = signedIn.body.accessToken as string;
    const change = () => post('/api/v1/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'layang-layang-biru-7' }, '192.0.2.96', owner);
    const answers = await Promise.all([change(), change()]);
    expect(answers.map((a) => a.status)).toEqual([204, 204]);
    expect((await login$('kasubbag.kpu-kab-jember', 'layang-layang-biru-7', '192.0.2.97')).status).toBe(200);
  });

  it('signs thirty colleagues behind one office address in at once: no correct login is refused for failures nobody made', async () => {
    const names = ['inspektorat.kpu-kab-jember', 'sekretaris.kpu-kab-jember', 'admin.kpu-kab-banyuwangi', 'ketua.kpu-kab-banyuwangi', 'inspektorat.kpu-kab-banyuwangi'];
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login$(names[i % names.length], FIXTURE_PASSWORD, '192.0.2.200')));
    expect(answers.filter((a) => a.status === 429)).toEqual([]);
    // At most a moment's wait, never a minute's: busy (503, Retry-After ≤ 2) while the process's verifications are full.
    expect(answers.every((a) => a.status === 200 || (a.status === 503 && Number(a.retryAfter) <= 2))).toBe(true);
  });
});
