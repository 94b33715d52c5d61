import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FIXTURE_PASSWORD } from '../support/identity-fixtures';

/**
 * The tester's finding F2: five wrong passwords from anywhere used to lock an account for
 * everybody, so one address could keep the Sekretaris out for good. Now a guesser locks the account
 * only from their own address (the pair lock); guessing spread over many addresses locks the
 * account for every address its owner never signed in from (the account lock). Addresses come from
 * X-Forwarded-For, trusted from loopback (TRUST_PROXY's default).
 */
describe('login lockout under attack: the guesser is stopped, the owner is not', () => {
  let t: TestApp;
  const lines: Array<Record<string, any>> = [];
  const refusals = () => lines.filter((l) => l.context === 'Auth' && l.event === 'auth.login_refused' && l.code === 'AUTH.LOCKED');

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '6', LOGIN_ACCOUNT_HARD_LIMIT: '12', LOGIN_LOCK_MINUTES: '15', LOG_LEVEL: 'info' },
      logLines: lines,
    });
    await createTwoOffices(t);
  });

  afterAll(() => t?.close());

  const attempt = (username: string, password: string, address: string) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('locks the attacker’s address after three failures (423, lock "pair"), while the owner signs in from another', async () => {
    const sekretaris = 'sekretaris.kpu-kab-jember';
    const attacker = '203.0.113.66';
    for (let i = 0; i < 3; i++) expect((await attempt(sekretaris, `tebakan-${i}`, attacker)).status).toBe(401);
    const locked = await attempt(sekretaris, FIXTURE_PASSWORD, attacker);
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ code: 'AUTH.LOCKED', details: { lock: 'pair', retryAfterSeconds: expect.any(Number) } });
    expect(locked.body.message).toMatch(/dari alamat ini\. Coba lagi setelah 15 menit, atau masuk dari perangkat atau jaringan lain/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // The owner, from an address that never signed in before: not touched by the attacker's lock.
    const owner = await attempt(sekretaris, FIXTURE_PASSWORD, '10.1.0.1');
    expect(owner.status).toBe(200);
    // The attacker's further attempts are refused without being counted: the owner stays in.
    for (let i = 0; i < 5; i++) expect((await attempt(sekretaris, `tebakan-lagi-${i}`, attacker)).status).toBe(423);
    expect((await attempt(sekretaris, FIXTURE_PASSWORD, '10.1.0.2')).status).toBe(200);
    expect(refusals().at(-1)).toMatchObject({ level: 40, lock: 'pair', username: sekretaris, address: attacker });
  });

  it('locks the account after failures spread over many addresses, for new addresses only: a known address signs in', async () => {
    const kasubbag = 'kasubbag.kpu-kab-banyuwangi';
    const office = '10.2.0.1';
    expect((await attempt(kasubbag, FIXTURE_PASSWORD, office)).status).toBe(200);
    // Six addresses, one wrong password each: no pair reaches three, the account reaches six.
    for (let i = 1; i <= 6; i++) expect((await attempt(kasubbag, 'tebakan-tersebar', `198.51.100.${i}`)).status).toBe(401);
    const stranger = await attempt(kasubbag, FIXTURE_PASSWORD, '10.2.0.99');
    expect(stranger.status).toBe(423);
    expect(stranger.body).toMatchObject({ code: 'AUTH.LOCKED', details: { lock: 'account' } });
    expect(stranger.body.message).toMatch(/hanya dapat dipakai dari perangkat atau jaringan yang pernah Anda pakai untuk masuk/);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(refusals().at(-1)).toMatchObject({ level: 40, lock: 'account', username: kasubbag, address: '10.2.0.99' });
    // The owner at the office signs in; that does not open the account to the others.
    expect((await attempt(kasubbag, FIXTURE_PASSWORD, office)).status).toBe(200);
    expect((await attempt(kasubbag, FIXTURE_PASSWORD, '10.2.0.98')).body.details).toMatchObject({ lock: 'account' });
    // A guesser at the owner's own address (the office's NAT) does not lock the owner out there too:
    // the known address is let past its pair lock to prove the password; a wrong one is still locked.
    for (let i = 0; i < 3; i++) expect((await attempt(kasubbag, 'salah-ketik', office)).status).toBe(401);
    expect((await attempt(kasubbag, 'salah-ketik-lagi', office)).body.details).toMatchObject({ lock: 'pair' });
    expect((await attempt(kasubbag, FIXTURE_PASSWORD, office)).status).toBe(200);
    expect((await attempt(kasubbag, FIXTURE_PASSWORD, '10.2.0.97')).body.details).toMatchObject({ lock: 'account' });
  });

  it("bounds guessing from the owner's known address by the hard limit: then its pair lock holds even the owner", async () => {
    const ketua = 'ketua.kpu-kab-jember';
    const office = '10.4.0.1';
    expect((await attempt(ketua, FIXTURE_PASSWORD, office)).status).toBe(200);
    for (let i = 1; i <= 6; i++) expect((await attempt(ketua, 'tebakan-tersebar', `198.51.101.${i}`)).status).toBe(401); // the account locks at 6
    // Guessing from the office itself: counted every time, past its pair lock, up to the hard limit (12).
    const fromOffice = [];
    for (let i = 7; i <= 12; i++) fromOffice.push((await attempt(ketua, `salah-ketik-${i}`, office)).status);
    expect(fromOffice).toEqual([401, 401, 401, 423, 423, 423]);
    const held = await attempt(ketua, FIXTURE_PASSWORD, office);
    expect({ status: held.status, lock: held.body.details?.lock }).toEqual({ status: 423, lock: 'pair' });
    expect((await attempt(ketua, FIXTURE_PASSWORD, '10.4.0.2')).body.details).toMatchObject({ lock: 'account' });
  });

  it('counts an IPv6 guesser by its /64 (rotating privacy addresses is one address), and never logs what is no address or no name', async () => {
    const name = 'sekretaris.kpu-kab-banyuwangi';
    for (let i = 1; i <= 3; i++) expect((await attempt(name, `tebakan-${i}`, `2001:db8:66:1::${i}`)).status).toBe(401);
    expect((await attempt(name, 'tebakan-4', '2001:db8:66:1:aaaa::9')).body.details).toMatchObject({ lock: 'pair' });
    expect((await attempt(name, FIXTURE_PASSWORD, '2001:db8:66:2::1')).status).toBe(200);

    await attempt('Sandi-Rahasia-Salah-Kolom!', 'apa-saja', 'bukan-alamat-'.repeat(20));
    const logged = JSON.stringify(lines.filter((l) => l.context === 'Auth' || l.context === 'Access'));
    expect(logged).not.toMatch(/Sandi-Rahasia-Salah-Kolom|(bukan-alamat-){6}/);
    expect(logged).toMatch(/"address":"(bukan-alamat-){4}bukan-alamat"/); // cut to 64 characters
  });

  it('answers a name that matches no account exactly like one that does, lock by lock', async () => {
    const probe = async (username: string, net: string) => {
      const steps: Array<[string, string]> = [
        ['salah-1', `${net}.1`], ['salah-2', `${net}.1`], ['salah-3', `${net}.1`], // the pair locks
        [FIXTURE_PASSWORD, `${net}.1`], // refused by the pair lock
        ['salah-4', `${net}.2`], ['salah-5', `${net}.3`], ['salah-6', `${net}.4`], // the account locks at six
        [FIXTURE_PASSWORD, `${net}.5`], // refused by the account lock
        [FIXTURE_PASSWORD, `${net}.1`], // the pair lock comes first
      ];
      const answers = [];
      for (const [password, address] of steps) answers.push(await attempt(username, password, address));
      return answers.map((r) => ({
        status: r.status,
        code: r.body.code,
        message: r.body.message,
        details: Object.keys(r.body.details).sort(),
        lock: r.body.details.lock,
        retryAfterMinutes: r.headers['retry-after'] === undefined ? undefined : Math.round(Number(r.headers['retry-after']) / 60),
      }));
    };
    const existing = await probe('ketua.kpu-kab-banyuwangi', '192.0.2');
    const unknown = await probe('tidak.ada.di.mana.pun', '198.18.0');
    expect(existing.map((a) => [a.status, a.lock])).toEqual([
      [401, undefined], [401, undefined], [401, undefined], [423, 'pair'],
      [401, undefined], [401, undefined], [401, undefined], [423, 'account'], [423, 'pair'],
    ]);
    expect(unknown).toEqual(existing);
    expect(existing[3]).toMatchObject({ code: 'AUTH.LOCKED', retryAfterMinutes: 15, details: ['lock', 'lockedUntil', 'retryAfterSeconds'] });
  });
});

describe('an administrator unlocks an account without a new password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '4' } });
  });
  afterAll(() => t?.close());

  it('lifts the account lock and forgets the failures; the owner signs in with the password they remember; the trail says so', async () => {
    const { own } = await createTwoOffices(t);
    const name = own.users.KASUBBAG.username;
    const attempt = (password: string, address: string) => t.http.post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username: name, password });
    for (let i = 1; i <= 4; i++) await attempt('salah-ketik', `10.9.0.${i}`);
    expect((await attempt(FIXTURE_PASSWORD, '10.9.0.50')).body.details).toMatchObject({ lock: 'account' });

    const admin = { Authorization: `Bearer ${own.users.ADMIN.token}` };
    const path = `/api/v1/satker/${own.code}/users/${own.users.KASUBBAG.id}/unlock`;
    const unlocked = await t.http.post(path).set(admin).send({});
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ failedAttempts: 4, lockedUntil: expect.any(String), addressLocksLifted: 0 });
    const signedIn = await attempt(FIXTURE_PASSWORD, '10.9.0.50');
    expect({ status: signedIn.status, passwordChangeRequired: signedIn.body.passwordChangeRequired }).toEqual({ status: 200, passwordChangeRequired: false });
    // Nothing left to unlock: said so, and nothing recorded.
    expect((await t.http.post(path).set(admin).send({})).body).toEqual({ failedAttempts: 0, lockedUntil: null, addressLocksLifted: 0 });
    const events = await t.db.dataSource.query(`SELECT type FROM events WHERE type = 'UserUnlocked'`);
    expect(events).toHaveLength(1);
    // One's own account is changed with one's own password, not unlocked by oneself.
    const own403 = await t.http.post(`/api/v1/satker/${own.code}/users/${own.users.ADMIN.id}/unlock`).set(admin).send({});
    expect({ status: own403.status, code: own403.body.code }).toEqual({ status: 403, code: 'USER.CANNOT_RESET_OWN_PASSWORD' });
  });
});
