import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { catatanReviuStreamId } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../../../../../test/support/test-database';
import { waitFor } from '../../lkj/testing/lkj-scenario.testing';
import { InProcessSmtp, startInProcessSmtp } from '../../mail/in-process-smtp.testing';
import { closeNoticeWorkers, insertOffices, insertUser, startNoticeWorker } from '../notice-worker.testing';
import { CatatanReviuNoticeOutbox } from './catatan-reviu-notice-outbox';
import { CatatanReviuNotices } from './catatan-reviu-notices';

/**
 * A review note written by the province's Inspektorat on Jember, answered by Jember's Sekretaris and
 * closed: each step is announced within seconds (inbox and e-mail), to the people who must act next
 * and nobody else, once — a job run again records nothing.
 */
describe('catatan reviu notices', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let events: EventStore;
  let worker: TestingModule;
  const prefix = testRedisPrefix();
  const clock = new ControllableClock(new Date('2025-05-10T03:00:00Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-catatan-'));
  const id = () => randomUUID();
  const people = {
    sekretaris: { id: id(), satker: 'kpu-jember', username: 'sekretaris', role: 'SEKRETARIS', fullName: 'Sekretaris Jember' },
    inspektoratKab: { id: id(), satker: 'kpu-jember', username: 'inspektorat.kab', role: 'INSPEKTORAT', fullName: 'Inspektorat Jember' },
    inspektoratProv: { id: id(), satker: 'kpu-jatim', username: 'inspektorat.prov', role: 'INSPEKTORAT', fullName: 'Inspektorat Jatim' },
    sekretarisLain: { id: id(), satker: 'kpu-bondowoso', username: 'sekretaris.bdw', role: 'SEKRETARIS', fullName: 'Sekretaris Bondowoso' },
    ketuaSitubondo: { id: id(), satker: 'kpu-situbondo', username: 'ketua.stb', role: 'KETUA', fullName: 'Ketua Situbondo' },
  };
  const noteId = id();
  const stream = catatanReviuStreamId('kpu-jember', noteId);

  async function append(type: string, data: Record<string, unknown>, actor: { id: string; role: string }): Promise<void> {
    await events.append(stream, 'any', [{ type, data: { noteId, ...data } }], { tenantId: 'kpu-jember', actorId: actor.id, actorRole: actor.role, correlationId: id() });
  }
  const inbox = async (userId: string) => (await db.dataSource.query(
    `SELECT satker_code, kind, subject, body FROM notifications WHERE recipient_id = $1 ORDER BY created_at, kind`, [userId],
  )) as Array<{ satker_code: string; kind: string; subject: string; body: string }>;
  const mailsTo = (username: string) => smtp.received.filter((m) => m.to[0] === `${username}@kinerja.test`).map((m) => m.subject);

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    events = new EventStore(db.dataSource);
    await insertOffices(db, [
      ['kpu-jatim', 'KPU Provinsi Jawa Timur', null], ['kpu-jember', 'KPU Kabupaten Jember', null],
      ['kpu-bondowoso', 'KPU Kabupaten Bondowoso', null], ['kpu-situbondo', 'KPU Kabupaten Situbondo', null],
    ]);
    for (const p of Object.values(people)) await insertUser(db, p);
    worker = await startNoticeWorker({ db, smtp, clock, prefix, dataDir, catatanReviuPollMs: 100 });
  });

  afterAll(() => closeNoticeWorkers([worker], { db, smtp, prefix, dataDir }));

  it("given the province's finding on Jember, when it is written, then Jember's Sekretaris (inbox and e-mail) and nobody else is told, in Bahasa Indonesia", async () => {
    await append('CatatanReviuWritten', {
      satker: 'kpu-jember', target: { kind: 'MONTH', year: 2025, month: 3 }, category: 'TEMUAN', title: 'Bukti dukung Maret tidak lengkap',
      description: 'Daftar hadir kegiatan tidak dilampirkan.', recommendation: 'Lampirkan daftar hadir.', writtenBy: people.inspektoratProv.id, writtenAt: '2025-05-10T02:00:00.000Z',
    }, { id: people.inspektoratProv.id, role: 'INSPEKTORAT' });
    await waitFor(async () => (await inbox(people.sekretaris.id)).length === 1 && mailsTo('sekretaris').length === 1, 'the Sekretaris told of the finding', 20_000);
    const [notice] = await inbox(people.sekretaris.id);
    expect(notice).toMatchObject({
      satker_code: 'kpu-jember', kind: 'CATATAN_REVIU_WRITTEN',
      subject: 'Temuan baru dari Inspektorat KPU Provinsi Jawa Timur: Bukti dukung Maret tidak lengkap — KPU Kabupaten Jember',
    });
    expect(notice.body).toContain('Inspektorat KPU Provinsi Jawa Timur (Inspektorat Jatim) menulis temuan "Bukti dukung Maret tidak lengkap" atas bulan Maret 2025 pada KPU Kabupaten Jember.');
    expect(notice.body).toContain('Temuan ini wajib ditindaklanjuti');
    for (const other of [people.inspektoratKab, people.inspektoratProv, people.sekretarisLain]) expect(await inbox(other.id)).toEqual([]);
  });

  it("given the Sekretaris answers, then the author's office's Inspektorat (the province's, in its own inbox) is told, not the kabupaten's", async () => {
    await append('TindakLanjutSubmitted', { number: 1, response: 'Daftar hadir sudah diunggah.', submittedBy: people.sekretaris.id, submittedAt: '2025-05-10T03:00:00.000Z' },
      { id: people.sekretaris.id, role: 'SEKRETARIS' });
    await waitFor(async () => (await inbox(people.inspektoratProv.id)).length === 1 && mailsTo('inspektorat.prov').length === 1, 'the province told of the answer', 20_000);
    const [notice] = await inbox(people.inspektoratProv.id);
    expect(notice).toMatchObject({ satker_code: 'kpu-jatim', kind: 'TINDAK_LANJUT_SUBMITTED', subject: 'Tindak lanjut ke-1 atas temuan "Bukti dukung Maret tidak lengkap" — KPU Kabupaten Jember' });
    expect(notice.body).toContain('Sekretaris KPU Kabupaten Jember (Sekretaris Jember) menyampaikan tindak lanjut ke-1');
    // An answered note is open: reopening it is refused (409 CATATAN_REVIU.NOT_CLOSED), so the notice does not ask for it.
    expect(notice.body).toContain('Bila belum, biarkan temuan ini tetap terbuka: Sekretaris KPU Kabupaten Jember dapat menyampaikan tindak lanjut berikutnya.');
    expect(notice.body).not.toContain('buka kembali');
    expect(await inbox(people.inspektoratKab.id)).toEqual([]);
  });

  it('given the finding closed, then the Sekretaris is told once: the job run again records and sends nothing', async () => {
    await append('CatatanReviuClosed', { conclusion: 'Tindak lanjut memadai.', closedBy: people.inspektoratProv.id, closedAt: '2025-05-10T04:00:00.000Z' },
      { id: people.inspektoratProv.id, role: 'INSPEKTORAT' });
    await waitFor(async () => (await inbox(people.sekretaris.id)).length === 2, 'the Sekretaris told of the closing', 20_000);
    const outbox = new CatatanReviuNoticeOutbox(db.dataSource);
    await waitFor(async () => (await outbox.pending()).length === 0, 'every job done', 20_000);
    const closing = (await inbox(people.sekretaris.id)).find((n) => n.kind === 'CATATAN_REVIU_CLOSED');
    expect(closing).toMatchObject({ kind: 'CATATAN_REVIU_CLOSED', subject: 'Temuan ditutup: Bukti dukung Maret tidak lengkap — KPU Kabupaten Jember' });
    expect(closing?.body).toMatch(/^Yth\. Sekretaris,\n\nInspektorat KPU Provinsi Jawa Timur \(Inspektorat Jatim\) menutup temuan "Bukti dukung Maret tidak lengkap"/);

    const notices = worker.get(CatatanReviuNotices, { strict: false });
    const [closed] = await db.dataSource.query(`SELECT o.satker_code, o.stream_id, o.event_id FROM catatan_reviu_notice_outbox o JOIN events e ON e.event_id = o.event_id WHERE e.type = 'CatatanReviuClosed'`);
    const again = await notices.announce({ satker: closed.satker_code, streamId: closed.stream_id, eventId: closed.event_id });
    expect(again.recorded).toBeNull();
    expect(await inbox(people.sekretaris.id)).toHaveLength(2);
    expect(mailsTo('sekretaris')).toHaveLength(2);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = 'notifications:kpu-jember' AND type = 'ReminderSent'`);
    expect(n).toBe(3);
  });

  it('given an office with no active Sekretaris, when a finding is written on it, then its Ketua is told why it receives it and to have a Sekretaris appointed, since only a Sekretaris answers', async () => {
    const situbondoNote = id();
    await events.append(catatanReviuStreamId('kpu-situbondo', situbondoNote), 'any', [{ type: 'CatatanReviuWritten', data: {
      noteId: situbondoNote, satker: 'kpu-situbondo', target: { kind: 'YEAR', year: 2025 }, category: 'TEMUAN', title: 'PK belum ditandatangani',
      description: 'PK 2025 belum ditandatangani Ketua.', recommendation: 'Tandatangani PK.', writtenBy: people.inspektoratProv.id, writtenAt: '2025-05-10T05:00:00.000Z',
    } }], { tenantId: 'kpu-situbondo', actorId: people.inspektoratProv.id, actorRole: 'INSPEKTORAT', correlationId: id() });
    await waitFor(async () => (await inbox(people.ketuaSitubondo.id)).length === 1, 'the Ketua told of the finding', 20_000);
    const [notice] = await inbox(people.ketuaSitubondo.id);
    expect(notice.subject).toBe('Temuan baru dari Inspektorat KPU Provinsi Jawa Timur: PK belum ditandatangani (tidak ada Sekretaris aktif) — KPU Kabupaten Situbondo');
    expect(notice.body).toContain('KPU Kabupaten Situbondo tidak memiliki Sekretaris aktif; pemberitahuan yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Ketua.');
    expect(notice.body).toContain('mohon minta Admin Kinerja membuat akun Sekretaris (atau Plh. Sekretaris) untuk KPU Kabupaten Situbondo');
    const [{ data }] = await db.dataSource.query(`SELECT data FROM notifications WHERE recipient_id = $1`, [people.ketuaSitubondo.id]);
    expect(data.delivery).toEqual({ role: 'KETUA', vacantRoles: ['SEKRETARIS'] });
  });
});
