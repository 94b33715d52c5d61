import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice, login } from '../support/identity-fixtures';
import { approveJemberPk, createJemberOffice, jemberPkBody, submitMonth } from './workflow/jember-office.fixture';

// F8 (weak passwords, admin-set passwords never changed) and F1/F5 (one person, two accounts) over HTTP.
describe('passwords an administrator sets, and one person behind one e-mail address', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let other: FixtureOffice;
  let rootAdminToken: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const users = (satker: string) => `/api/v1/satker/${satker}/users`;
  const signIn = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });

  beforeAll(async () => {
    t = await createTestApp();
    ({ own, other, rootAdminToken } = await createTwoOffices(t));
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the password rule on create, reset and own change', () => {
    it.each([
      ['12345678', 'USER.PASSWORD_TOO_COMMON'],
      ['password', 'USER.PASSWORD_TOO_COMMON'],
      ['11111111', 'USER.PASSWORD_TOO_COMMON'],
      ['bismillah', 'USER.PASSWORD_TOO_COMMON'],
      ['zqzqzqzqzq', 'USER.PASSWORD_TOO_PREDICTABLE'],
      ['dup.b.dup.b', 'USER.PASSWORD_CONTAINS_USERNAME'],
      ['dup.b', 'USER.PASSWORD_TOO_WEAK'],
      ['kinerja2025!', 'USER.PASSWORD_CONTAINS_SERVICE_NAME'],
    ])('refuses creating a user with %s (422 %s, in Indonesian) and creates nothing', async (password, code) => {
      const response = await t.http.post(users(own.code)).set(as(own.users.ADMIN.token))
        .send({ username: 'dup.b', fullName: 'Duplikat B', role: 'KETUA', password });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code });
      expect(response.body.message).toMatch(/Kata sandi/);
      expect([401, 423]).toContain((await signIn('dup.b', password)).status); // no such account: refused like any unknown name
    });

    it('refuses a common password on reset and on one’s own change', async () => {
      const reset = await t.http.post(`${users(own.code)}/${own.users.KETUA.id}/password`).set(as(own.users.ADMIN.token)).send({ newPassword: 'aaaaaaaa' });
      expect({ status: reset.status, code: reset.body.code }).toEqual({ status: 422, code: 'USER.PASSWORD_TOO_PREDICTABLE' });
      const change = await t.http.post('/api/v1/auth/password').set(as(own.users.INSPEKTORAT.token))
        .send({ currentPassword: 'fixture-password-1', newPassword: 'Indonesia1945!' });
      expect({ status: change.status, code: change.body.code }).toEqual({ status: 422, code: 'USER.PASSWORD_TOO_COMMON' });
    });
  });

  describe('a password an administrator set must be changed first', () => {
    it('marks a new account: login says so, and only /auth/me and /auth/password answer until it is changed', async () => {
      const created = await t.http.post(users(other.code)).set(as(other.users.ADMIN.token))
        .send({ username: 'pegawai.baru', fullName: 'Pegawai Baru', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect(created.status).toBe(201);
      const first = await signIn('pegawai.baru', 'meja-kursi-lemari');
      expect({ status: first.status, passwordChangeRequired: first.body.passwordChangeRequired }).toEqual({ status: 200, passwordChangeRequired: true });
      const token = first.body.accessToken;
      const blocked = await t.http.get(`/api/v1/satker/${other.code}/subbagian`).set(as(token));
      expect({ status: blocked.status, code: blocked.body.code }).toEqual({ status: 403, code: 'AUTH.PASSWORD_CHANGE_REQUIRED' });
      expect(blocked.body.message).toContain('menu Ubah Kata Sandi');
      expect((await t.http.get('/api/v1/auth/me').set(as(token))).status).toBe(200);
      const changed = await t.http.post('/api/v1/auth/password').set(as(token)).send({ currentPassword: 'meja-kursi-lemari', newPassword: 'sepeda-biru-di-taman' });
      expect(changed.status).toBe(204);
      const again = await signIn('pegawai.baru', 'sepeda-biru-di-taman');
      expect(again.body.passwordChangeRequired).toBe(false);
      expect((await t.http.get(`/api/v1/satker/${other.code}/subbagian`).set(as(again.body.accessToken))).status).toBe(200);
    });

    it('marks an account after a reset, and ends its sessions', async () => {
      const created = await t.http.post(users(own.code)).set(as(own.users.ADMIN.token))
        .send({ username: 'staf.reset', fullName: 'Staf Reset', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect(created.status).toBe(201);
      const path = `${users(own.code)}/${created.body.id}/password`;
      expect((await t.http.post(path).set(as(own.users.ADMIN.token)).send({ newPassword: 'awan-hujan-petir-1' })).status).toBe(204);
      const signedIn = await signIn('staf.reset', 'awan-hujan-petir-1');
      expect(signedIn.body.passwordChangeRequired).toBe(true);
      const blocked = await t.http.get(`/api/v1/satker/${own.code}/subbagian`).set(as(signedIn.body.accessToken));
      expect({ status: blocked.status, code: blocked.body.code }).toEqual({ status: 403, code: 'AUTH.PASSWORD_CHANGE_REQUIRED' });
    });

    it('does not mark the first administrator, whose password the operator chose', async () => {
      const response = await signIn(t.config.ADMIN_USERNAME, t.config.ADMIN_PASSWORD!);
      expect(response.body.passwordChangeRequired).toBe(false);
    });
  });

  describe('one e-mail address, one person', () => {
    it('refuses an address another active account has, in any case, without naming its office (409 USER.EMAIL_TAKEN)', async () => {
      const first = await t.http.patch(`${users(own.code)}/${own.users.KASUBBAG.id}`).set(as(own.users.ADMIN.token)).send({ email: 'budi@kpu.go.id' });
      expect(first.status).toBe(200);
      const elsewhere = await t.http.post(users(other.code)).set(as(rootAdminToken))
        .send({ username: 'budi.lagi', fullName: 'Budi', email: 'Budi@KPU.go.id', role: 'SEKRETARIS', password: 'meja-kursi-lemari' });
      expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({ status: 409, code: 'USER.EMAIL_TAKEN' });
      expect(elsewhere.body.message).not.toContain(own.code);
      const patched = await t.http.patch(`${users(own.code)}/${own.users.SEKRETARIS.id}`).set(as(own.users.ADMIN.token)).send({ email: 'BUDI@kpu.go.id' });
      expect({ status: patched.status, code: patched.body.code }).toEqual({ status: 409, code: 'USER.EMAIL_TAKEN' });
    });

    it('refuses a review by an account with the e-mail of the account that submitted (403 PK.OWN_SUBMISSION)', async () => {
      const base = `/api/v1/satker/${own.code}/pk/2025`;
      const sekretaris = own.users.SEKRETARIS;
      expect((await t.http.patch(`${users(own.code)}/${sekretaris.id}`).set(as(own.users.ADMIN.token)).send({ email: 'siti@kpu.go.id' })).status).toBe(200);
      // Subbagian the PK names: the fixture office has PDI and KUL; add what jemberPkBody uses.
      for (const code of ['HSDM', 'TPH']) {
        await t.http.post(`/api/v1/satker/${own.code}/subbagian`).set(as(own.users.ADMIN.token)).send({ code, name: `Sub. Bagian ${code}` });
      }
      expect((await t.http.post(base).set(as(sekretaris.token)).send(jemberPkBody())).status).toBe(201);
      expect((await t.http.post(`${base}/submit`).set(as(sekretaris.token)).send({})).status).toBe(200);
      // The Sekretaris's account is closed and their address given to the Ketua's account: the same person.
      const closed = await t.http.patch(`${users(own.code)}/${sekretaris.id}`).set(as(own.users.ADMIN.token)).send({ active: false });
      expect(closed.status).toBe(200);
      const moved = await t.http.patch(`${users(own.code)}/${own.users.KETUA.id}`).set(as(own.users.ADMIN.token)).send({ email: 'Siti@kpu.go.id' });
      expect(moved.status).toBe(200);
      const ketua = await login(t, own.users.KETUA.username, 'fixture-password-1');
      for (const action of ['approve', 'return']) {
        const refused = await t.http.post(`${base}/${action}`).set(as(ketua)).send(action === 'return' ? { reason: 'Periksa lagi.' } : {});
        expect({ status: refused.status, code: refused.body.code, sameEmail: refused.body.details?.sameEmail }).toEqual({ status: 403, code: 'PK.OWN_SUBMISSION', sameEmail: true });
      }
      // Another address: someone else, who may approve.
      expect((await t.http.patch(`${users(own.code)}/${own.users.KETUA.id}`).set(as(own.users.ADMIN.token)).send({ email: 'ketua@kpu.go.id' })).status).toBe(200);
      expect((await t.http.post(`${base}/approve`).set(as(ketua)).send({})).status).toBe(200);
    });

    it('counts an account of the same office under the same full name as the same person: a Plt without a second address (403 PK.OWN_SUBMISSION, sameName)', async () => {
      const base = `/api/v1/satker/${other.code}/pk/2025`;
      const sekretaris = other.users.SEKRETARIS;
      for (const code of ['HSDM', 'TPH']) {
        await t.http.post(`/api/v1/satker/${other.code}/subbagian`).set(as(rootAdminToken)).send({ code, name: `Sub. Bagian ${code}` });
      }
      expect((await t.http.post(base).set(as(sekretaris.token)).send(jemberPkBody())).status).toBe(201);
      expect((await t.http.post(`${base}/submit`).set(as(sekretaris.token)).send({})).status).toBe(200);
      const { body: person } = await t.http.get(`${users(other.code)}/${sekretaris.id}`).set(as(rootAdminToken));
      // The same person as Plt Ketua: another account, no e-mail, the name written with a title and other spacing.
      const plt = await t.http.post(users(other.code)).set(as(rootAdminToken))
        .send({ username: 'plt.ketua.bwi', fullName: `  ${String(person.fullName).toLowerCase()} , S.Kom`, role: 'KETUA', password: 'meja-kursi-lemari' });
      expect(plt.status).toBe(201);
      const pltToken = await login(t, 'plt.ketua.bwi', 'meja-kursi-lemari');
      const refused = await t.http.post(`${base}/approve`).set(as(pltToken)).send({});
      expect({ status: refused.status, code: refused.body.code, sameName: refused.body.details?.sameName }).toEqual({ status: 403, code: 'PK.OWN_SUBMISSION', sameName: true });
      expect(refused.body.message).toContain('nama lengkap yang sama');
      expect((await t.http.post(`${base}/approve`).set(as(other.users.KETUA.token)).send({})).status).toBe(200);
    });

    it('counts "Agus Setiawan, S.Kom" and "AGUS  SETIAWAN" of one office as one person: the one cannot approve what the other submitted (403 PK.OWN_SUBMISSION, sameName)', async () => {
      const base = `/api/v1/satker/${other.code}/pk/2026`;
      const sekretaris = other.users.SEKRETARIS;
      for (const code of ['HSDM', 'TPH']) {
        const made = await t.http.post(`/api/v1/satker/${other.code}/subbagian`).set(as(rootAdminToken)).send({ code, name: `Sub. Bagian ${code}` });
        expect([201, 409]).toContain(made.status);
      }
      const renamed = await t.http.patch(`${users(other.code)}/${sekretaris.id}`).set(as(rootAdminToken)).send({ fullName: 'Agus Setiawan, S.Kom' });
      expect({ status: renamed.status, fullName: renamed.body.fullName }).toEqual({ status: 200, fullName: 'Agus Setiawan, S.Kom' });
      expect((await t.http.post(base).set(as(sekretaris.token)).send(jemberPkBody())).status).toBe(201);
      expect((await t.http.post(`${base}/submit`).set(as(sekretaris.token)).send({})).status).toBe(200);
      const plt = await t.http.post(users(other.code)).set(as(rootAdminToken))
        .send({ username: 'plt.agus.bwi', fullName: 'AGUS  SETIAWAN', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect({ status: plt.status, fullName: plt.body.fullName }).toEqual({ status: 201, fullName: 'AGUS SETIAWAN' });
      const refused = await t.http.post(`${base}/approve`).set(as(await login(t, 'plt.agus.bwi', 'meja-kursi-lemari'))).send({});
      expect({ status: refused.status, code: refused.body.code, sameName: refused.body.details?.sameName }).toEqual({ status: 403, code: 'PK.OWN_SUBMISSION', sameName: true });
      expect((await t.http.post(`${base}/approve`).set(as(other.users.KETUA.token)).send({})).status).toBe(200);
    });

    it('lets a deactivated account’s address be given again, and refuses reactivating it while taken', async () => {
      const reactivated = await t.http.patch(`${users(own.code)}/${own.users.SEKRETARIS.id}`).set(as(own.users.ADMIN.token)).send({ active: true });
      expect(reactivated.status).toBe(200); // siti@ is free again: the Ketua has another address now
      expect((await t.http.patch(`${users(own.code)}/${own.users.KETUA.id}`).set(as(own.users.ADMIN.token)).send({ email: 'budi.cadangan@kpu.go.id' })).status).toBe(200);
      expect((await t.http.patch(`${users(own.code)}/${own.users.KASUBBAG.id}`).set(as(own.users.ADMIN.token)).send({ active: false })).status).toBe(200);
      expect((await t.http.patch(`${users(own.code)}/${own.users.KETUA.id}`).set(as(own.users.ADMIN.token)).send({ email: 'budi@kpu.go.id' })).status).toBe(200);
      const back = await t.http.patch(`${users(own.code)}/${own.users.KASUBBAG.id}`).set(as(own.users.ADMIN.token)).send({ active: true });
      expect({ status: back.status, code: back.body.code }).toEqual({ status: 409, code: 'USER.EMAIL_TAKEN' });
    });
  });

  describe('an e-mail address is plain ASCII and names a person whatever its +tag, for good (F5)', () => {
    const zeroWidth = 'budi\u200b@kpu-jember.go.id';
    const BWI = 'kpu-kab-bondowoso';
    let tokens: Awaited<ReturnType<typeof createJemberOffice>>;
    let ids: Record<string, string>;
    const patchEmail = (username: string, email: string) =>
      t.http.patch(`${users(BWI)}/${ids[`${username}.${BWI}`]}`).set(as(rootAdminToken)).send({ email });

    beforeAll(async () => {
      tokens = await createJemberOffice(t, BWI);
      const listed = await t.http.get(users(BWI)).set(as(rootAdminToken));
      ids = Object.fromEntries(listed.body.map((u: { username: string; id: string }) => [u.username, u.id]));
      expect((await patchEmail('kasubbag.pdi', 'budi@kpu-jember.go.id')).status).toBe(200);
    });

    it.each([
      ['a zero-width space', zeroWidth],
      ['a fullwidth letter', 'ｂudi@kpu-jember.go.id'],
      ['a dotless i', 'budı@kpu-jember.go.id'],
      ['an accented domain', 'budi@kpu-jembér.go.id'],
    ])('refuses an address with %s (400, naming the field, in Indonesian), on change and on create', async (_, email) => {
      const patched = await patchEmail('sekretaris', email);
      expect({ status: patched.status, code: patched.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
      expect(patched.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email', message: expect.stringMatching(/ASCII/) })]));
      const created = await t.http.post(users(BWI)).set(as(rootAdminToken))
        .send({ username: 'budi.kembar', fullName: 'Budi Kembar', email, role: 'KETUA', password: 'meja-kursi-lemari' });
      expect({ status: created.status, code: created.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    });

    it('takes an address with a +tag for the same person (409 USER.EMAIL_TAKEN), whatever its case', async () => {
      for (const email of ['budi+sek@kpu-jember.go.id', 'BUDI+x@KPU-jember.go.id']) {
        const patched = await patchEmail('sekretaris', email);
        expect({ status: patched.status, code: patched.body.code }).toEqual({ status: 409, code: 'USER.EMAIL_TAKEN' });
      }
      const created = await t.http.post(users(BWI)).set(as(rootAdminToken))
        .send({ username: 'budi.kembar', fullName: 'Budi Kembar', email: 'budi+kembar@kpu-jember.go.id', role: 'KETUA', password: 'meja-kursi-lemari' });
      expect({ status: created.status, code: created.body.code }).toEqual({ status: 409, code: 'USER.EMAIL_TAKEN' });
    });

    it('refuses the approval of a report by an account with the submitter’s address, even after the submitter’s address changed (403 REALISASI.OWN_SUBMISSION)', async () => {
      await approveJemberPk(t, tokens, 2024, BWI);
      await submitMonth(t, tokens, 1, 'PDI', false, BWI); // submitted by kasubbag.pdi while it had budi@
      const path = `/api/v1/satker/${BWI}/realisasi/2024/1/PDI`;
      expect((await patchEmail('kasubbag.pdi', 'pdi@kpu-jember.go.id')).status).toBe(200);
      for (const email of ['Budi@kpu-jember.go.id', 'budi+sek@kpu-jember.go.id']) {
        expect((await patchEmail('sekretaris', email)).status).toBe(200); // budi@ is free now: nobody active has it
        for (const action of ['approve', 'return']) {
          const refused = await t.http.post(`${path}/${action}`).set(as(tokens.sekretaris)).send(action === 'return' ? { reason: 'Periksa lagi.' } : {});
          expect({ status: refused.status, code: refused.body.code, sameEmail: refused.body.details?.sameEmail })
            .toEqual({ status: 403, code: 'REALISASI.OWN_SUBMISSION', sameEmail: true });
        }
      }
      // The Sekretaris's own address: someone else, who may approve.
      expect((await patchEmail('sekretaris', 'sekretaris@kpu-jember.go.id')).status).toBe(200);
      expect((await t.http.post(`${path}/approve`).set(as(tokens.sekretaris)).send({})).status).toBe(200);
    });
  });

  describe('a password is not the owner’s name, nor the administrator’s one in other clothes (F8)', () => {
    it('refuses a password made of the owner’s full name (422 USER.PASSWORD_CONTAINS_NAME)', async () => {
      const created = await t.http.post(users(own.code)).set(as(own.users.ADMIN.token))
        .send({ username: 'staf.nama', fullName: 'Budi Santoso', email: 'budi.santoso@kpu.go.id', role: 'KETUA', password: 'santoso1980' });
      expect({ status: created.status, code: created.body.code, word: created.body.details?.word }).toEqual({ status: 422, code: 'USER.PASSWORD_CONTAINS_NAME', word: 'santoso' });
    });

    it('refuses one’s own change to the administrator’s password with a space or a character more (422 USER.PASSWORD_TOO_SIMILAR)', async () => {
      const created = await t.http.post(users(own.code)).set(as(own.users.ADMIN.token))
        .send({ username: 'staf.ganti', fullName: 'Staf Baru', role: 'KETUA', password: 'Tulip-Orbit-9472' });
      expect(created.status).toBe(201);
      const token = (await signIn('staf.ganti', 'Tulip-Orbit-9472')).body.accessToken;
      for (const newPassword of [' Tulip-Orbit-9472', 'tulip-orbit-9472', 'Tulip-Orbit-9473']) {
        const change = await t.http.post('/api/v1/auth/password').set(as(token)).send({ currentPassword: 'Tulip-Orbit-9472', newPassword });
        expect({ status: change.status, code: change.body.code }).toEqual({ status: 422, code: 'USER.PASSWORD_TOO_SIMILAR' });
        expect(change.body.message).toMatch(/terlalu mirip/);
      }
      const changed = await t.http.post('/api/v1/auth/password').set(as(token)).send({ currentPassword: 'Tulip-Orbit-9472', newPassword: 'sepeda-biru-di-taman' });
      expect(changed.status).toBe(204);
    });
  });
});
