import { EventStore } from '@kinerja/event-store';
import { ReminderRecorder, renderReminder } from '@kinerja/jobs';
import type { PlannedReminder } from '@kinerja/jobs';
import { createTestApp, TestApp } from '../support/test-app';
import { createTwoOffices, FixtureOffice } from '../support/identity-fixtures';

/** The in-app inbox through HTTP: each user sees their own reminders, filters, pages and marks them read. */
describe('GET/POST /api/v1/me/notifications', () => {
  let t: TestApp;
  let own: FixtureOffice;
  let other: FixtureOffice;

  const reminder = (day: number, satker: string): PlannedReminder => ({
    key: `before-deadline:${satker}:2025-01:PDI:2025-02-0${day}`,
    kind: 'BEFORE_DEADLINE',
    satker,
    audience: { role: 'KASUBBAG', subbagian: 'PDI' },
    dueAt: new Date(Date.UTC(2025, 1, day, 1)).toISOString(),
    localDate: `2025-02-0${day}`,
    period: { year: 2025, month: 1 },
    periods: [{ year: 2025, month: 1 }],
    deadline: { year: 2025, month: 2, day: 5 },
    reports: [{ year: 2025, month: 1, subbagian: 'PDI', subbagianName: 'Perencanaan, Data dan Informasi', status: 'NOT_STARTED',
      blankIndicators: [{ code: 'K2.1', name: 'Layanan Data' }], submittedAt: null, returnedAt: null, returnReason: null, moves: [] }],
  });

  beforeAll(async () => {
    t = await createTestApp();
    ({ own, other } = await createTwoOffices(t));
    const recorder = new ReminderRecorder(t.db.dataSource, new EventStore(t.db.dataSource));
    const office = { satker: own.code, name: 'KPU Kabupaten Jember', timeZone: 'Asia/Jakarta' as const, deadlineDay: 5 };
    const kasubbag = { userId: own.users.KASUBBAG.id, fullName: 'Kasubbag PDI', email: null };
    for (const day of [1, 2, 3]) {
      const r = reminder(day, own.code);
      await recorder.record(r, renderReminder(r, office), [kasubbag], new Date(r.dueAt));
    }
  });

  afterAll(() => t?.close());

  const get = (user: { token: string }, query = '') => t.http.get(`/api/v1/me/notifications${query}`).set('Authorization', `Bearer ${user.token}`);
  const post = (user: { token: string }, path: string) => t.http.post(`/api/v1/me/notifications${path}`).set('Authorization', `Bearer ${user.token}`).send({});

  it('lists my notifications newest first, in Bahasa Indonesia, with paging', async () => {
    const first = await get(own.users.KASUBBAG, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, unreadCount: 3, limit: 2, offset: 0 });
    expect(first.body.items.map((n: { data: { localDate: string } }) => n.data.localDate)).toEqual(['2025-02-03', '2025-02-02']);
    expect(first.body.items[0]).toMatchObject({
      kind: 'BEFORE_DEADLINE', readAt: null, subject: 'Pengingat: laporan realisasi Januari 2025 belum dikirim — KPU Kabupaten Jember',
      periods: [{ year: 2025, month: 1 }], data: { period: { year: 2025, month: 1 }, periods: [{ year: 2025, month: 1 }] },
    });
    const second = await get(own.users.KASUBBAG, '?limit=2&offset=2');
    expect(second.body.items.map((n: { data: { localDate: string } }) => n.data.localDate)).toEqual(['2025-02-01']);
  });

  it('gives the months of a notification recorded before reminders listed several (data.period alone) as that one month', async () => {
    await t.db.dataSource.query(
      `UPDATE notifications SET data = data - 'periods' WHERE satker_code = $1 AND reminder_key = $2`, [own.code, `before-deadline:${own.code}:2025-01:PDI:2025-02-01`],
    );
    const [oldest] = (await get(own.users.KASUBBAG, '?limit=1&offset=2')).body.items;
    expect(oldest.data.periods).toBeUndefined();
    expect(oldest.periods).toEqual([{ year: 2025, month: 1 }]);
  });

  it('shows nobody else my notifications', async () => {
    expect((await get(own.users.SEKRETARIS)).body).toMatchObject({ total: 0, unreadCount: 0, items: [] });
    expect((await get(other.users.KASUBBAG)).body).toMatchObject({ total: 0, items: [] });
  });

  it('marks one as read; the unread filter then leaves it out; another user cannot touch it', async () => {
    const [newest] = (await get(own.users.KASUBBAG)).body.items;
    expect((await post(other.users.KASUBBAG, `/${newest.id}/read`)).body.code).toBe('NOTIFICATION.NOT_FOUND');
    const read = await post(own.users.KASUBBAG, `/${newest.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await post(own.users.KASUBBAG, `/${newest.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await get(own.users.KASUBBAG, '?unread=true');
    expect(unread.body).toMatchObject({ total: 2, unreadCount: 2 });
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(newest.id);
  });

  it('marks all as read', async () => {
    expect((await post(own.users.KASUBBAG, '/read-all')).body).toEqual({ marked: 2 });
    expect((await get(own.users.KASUBBAG, '?unread=true')).body).toMatchObject({ total: 0, unreadCount: 0 });
    expect((await get(own.users.KASUBBAG)).body.total).toBe(3);
  });

  it('refuses a malformed id or filter with 400', async () => {
    expect((await post(own.users.KASUBBAG, '/not-a-uuid/read')).status).toBe(400);
    expect((await get(own.users.KASUBBAG, '?limit=0')).status).toBe(400);
    expect((await get(own.users.KASUBBAG, '?unread=maybe')).status).toBe(400);
  });
});
