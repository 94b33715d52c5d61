import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice } from '../support/identity-fixtures';

/**
 * An e-mail the worker gave up on (`notification_outbox.failed_at`: refused for good, or not accepted
 * for five days) is shown to the office's ADMIN on the user, the last one, with the server's reply and
 * what to do in Indonesian. The rows are written as the dispatcher writes them
 * (`outbox-delivery.int-spec.ts` drives the dispatcher against an SMTP server answering 550).
 */
describe('the last e-mail delivery failure in the administrator’s view of users', () => {
  let t: TestApp;
  let own: FixtureOffice;

  beforeAll(async () => {
    t = await createTestApp();
    ({ own } = await createTwoOffices(t));
  });
  afterAll(() => t?.close());

  const outboxRow = (recipientId: string, key: string, at: Date, failure: 'REJECTED' | 'EXPIRED' | null, reply: string | null) =>
    t.db.dataSource.query(
      `INSERT INTO notification_outbox (satker_code, id, reminder_key, recipient_id, to_address, subject, body, message_id, created_at,
                                        next_attempt_at, attempts, last_error, failed_at, failure)
       VALUES ($1, $2, $3, $4, 'kasubbag@salah.test', $5, 'Yth. Kasubbag,', $6, $7, $7, 1, $8, $9, $10)`,
      [own.code, randomUUID(), key, recipientId, `Pengingat ${key}`, `<${randomUUID()}@reminder.kinerja>`, at, reply, failure ? at : null, failure],
    );

  it('given no failure, then the user shows none', async () => {
    const detail = await t.http.get(`/api/v1/satker/${own.code}/users/${own.users.SEKRETARIS.id}`).set({ Authorization: `Bearer ${own.users.ADMIN.token}` }).expect(200);
    expect(detail.body.lastEmailFailure).toBeNull();
  });

  it('given e-mails refused and given up, then the detail and the list show the latest, with its reply and what to do', async () => {
    const kasubbag = own.users.KASUBBAG.id;
    await outboxRow(kasubbag, 'lama', new Date('2026-11-01T01:00:00Z'), 'EXPIRED', 'connect ECONNREFUSED 10.0.0.1:25');
    await outboxRow(kasubbag, 'baru', new Date('2026-12-01T01:00:00Z'), 'REJECTED', '550 5.1.1 <kasubbag@salah.test>: Recipient address rejected: User unknown');
    await outboxRow(kasubbag, 'masih-dicoba', new Date('2026-12-02T01:00:00Z'), null, '451 4.3.0 try later');
    const auth = { Authorization: `Bearer ${own.users.ADMIN.token}` };
    const detail = (await t.http.get(`/api/v1/satker/${own.code}/users/${kasubbag}`).set(auth).expect(200)).body;
    expect(detail.lastEmailFailure).toEqual({
      at: '2026-12-01T01:00:00.000Z', to: 'kasubbag@salah.test', subject: 'Pengingat baru', failure: 'REJECTED',
      reply: '550 5.1.1 <kasubbag@salah.test>: Recipient address rejected: User unknown',
      description: 'E-mail "Pengingat baru" ke kasubbag@salah.test ditolak server e-mail penerima (550 5.1.1 <kasubbag@salah.test>: Recipient address rejected: User unknown) dan tidak dikirim ulang. Periksa alamat e-mail pengguna ini.',
    });
    const list = (await t.http.get(`/api/v1/satker/${own.code}/users`).set(auth).expect(200)).body;
    expect(list.find((u: { id: string }) => u.id === kasubbag).lastEmailFailure).toEqual(detail.lastEmailFailure);
    expect(list.find((u: { id: string }) => u.id === own.users.KETUA.id).lastEmailFailure).toBeNull();
  });
});
