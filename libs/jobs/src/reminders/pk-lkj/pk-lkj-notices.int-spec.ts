import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { lkjStreamId } from '@kinerja/domain/lkj/lkj.events';
import { pkStreamId } from '@kinerja/domain/perjanjian-kinerja/pk-stream-id';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock } from '@kinerja/platform';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../../../../../test/support/test-database';
import { waitFor } from '../../lkj/testing/lkj-scenario.testing';
import { InProcessSmtp, startInProcessSmtp } from '../../mail/in-process-smtp.testing';
import { closeNoticeWorkers, insertOffices, insertUser, startNoticeWorker } from '../notice-worker.testing';
import { PkLkjNoticeOutbox } from './pk-lkj-notice-outbox';
import { PkLkjNotices } from './pk-lkj-notices';

/**
 * Jember's PK 2026 submitted by its Sekretaris, returned by the Ketua, submitted again and approved by
 * the Plh Sekretaris, then its LKj produced and marked stale: each step is announced within seconds
 * (inbox and e-mail through a real SMTP server) to whoever acts next and nobody else, once.
 */
describe('PK and LKj notices', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let events: EventStore;
  let worker: TestingModule;
  const prefix = testRedisPrefix();
  const clock = new ControllableClock(new Date('2026-01-12T03:00:00Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-pk-lkj-'));
  const id = () => randomUUID();
  const people = {
    ketua: { id: id(), satker: 'kpu-jember', username: 'ketua', role: 'KETUA', fullName: 'Ali Ketua' },
    sekretaris: { id: id(), satker: 'kpu-jember', username: 'sekretaris', role: 'SEKRETARIS', fullName: 'Siti Sekretaris' },
    plh: { id: id(), satker: 'kpu-jember', username: 'plh.sekretaris', role: 'SEKRETARIS', fullName: 'Plh Sekretaris' },
    inspektorat: { id: id(), satker: 'kpu-jember', username: 'inspektorat', role: 'INSPEKTORAT', fullName: 'Inspektorat Jember' },
  };
  const pk = pkStreamId('kpu-jember', 2026);

  async function append(stream: string, type: string, data: Record<string, unknown>, actor: { id: string; role: string }): Promise<void> {
    await events.append(stream, 'any', [{ type, data }], { tenantId: 'kpu-jember', actorId: actor.id, actorRole: actor.role, correlationId: id() });
  }
  const inbox = async (userId: string) => (await db.dataSource.query(
    `SELECT kind, subject, body, data FROM notifications WHERE recipient_id = $1 ORDER BY created_at, kind`, [userId],
  )) as Array<{ kind: string; subject: string; body: string; data: Record<string, unknown> }>;
  const kinds = async (userId: string) => (await inbox(userId)).map((n) => n.kind);
  const mailsTo = (username: string) => smtp.received.filter((m) => m.to[0] === `${username}@kinerja.test`).map((m) => m.subject);

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    events = new EventStore(db.dataSource);
    await insertOffices(db, [['kpu-jember', 'KPU Kabupaten Jember', null]]);
    for (const p of Object.values(people)) await insertUser(db, p);
    worker = await startNoticeWorker({ db, smtp, clock, prefix, dataDir, pkLkjPollMs: 100 });
    await append(pk, 'PkDrafted', { satker: 'kpu-jember', year: 2026, version: 1, structure: { programs: [] }, draftedBy: people.sekretaris.id, draftedAt: '2026-01-05T02:00:00.000Z' }, people.sekretaris);
  });

  afterAll(() => closeNoticeWorkers([worker], { db, smtp, prefix, dataDir }));

  it('given the Sekretaris submits the PK, then the Ketua and the Plh Sekretaris (inbox and e-mail) are asked to approve it, not the submitter nor the Inspektorat', async () => {
    await append(pk, 'PkSubmitted', { version: 1, submittedBy: people.sekretaris.id, submittedAt: '2026-01-12T03:00:00.000Z' }, people.sekretaris);
    await waitFor(async () => mailsTo('ketua').length === 1 && mailsTo('plh.sekretaris').length === 1, 'the reviewers told of the submission', 20_000);
    const [notice] = await inbox(people.ketua.id);
    expect(notice).toMatchObject({ kind: 'PK_SUBMITTED', subject: 'PK 2026 (versi 1) diajukan untuk disetujui — KPU Kabupaten Jember' });
    expect(notice.body).toMatch(/^Yth\. Ketua dan Sekretaris,\n\nSekretaris \(Siti Sekretaris\) mengajukan Perjanjian Kinerja tahun 2026 \(versi 1\) KPU Kabupaten Jember/);
    expect(notice.data).toMatchObject({ audience: { role: 'PK_REVIEWERS' }, delivery: { role: 'PK_REVIEWERS', vacantRoles: [] }, pk: { year: 2026, version: 1 } });
    expect(await kinds(people.plh.id)).toEqual(['PK_SUBMITTED']);
    expect(await inbox(people.sekretaris.id)).toEqual([]);
    expect(await inbox(people.inspektorat.id)).toEqual([]);
  });

  it('given the Ketua returns it, then the submitter is told why; given it approved by the Plh Sekretaris after a new submission, then the submitter is told once', async () => {
    await append(pk, 'PkReturned', { version: 1, returnedBy: people.ketua.id, returnedByRole: 'KETUA', reason: 'Target K1.1 terlalu rendah.', returnedAt: '2026-01-13T03:00:00.000Z' }, people.ketua);
    await waitFor(async () => mailsTo('sekretaris').length === 1, 'the submitter told of the return', 20_000);
    const [returned] = await inbox(people.sekretaris.id);
    expect(returned).toMatchObject({ kind: 'PK_RETURNED', subject: 'PK 2026 (versi 1) dikembalikan — KPU Kabupaten Jember' });
    expect(returned.body).toContain('dikembalikan oleh Ketua (Ali Ketua) pada Selasa, 13 Januari 2026.\nAlasan pengembalian: Target K1.1 terlalu rendah.');

    await append(pk, 'PkSubmitted', { version: 1, submittedBy: people.sekretaris.id, submittedAt: '2026-01-14T03:00:00.000Z' }, people.sekretaris);
    // Told before it is decided (a submission approved before its notice is planned asks nobody).
    await waitFor(async () => (await kinds(people.ketua.id)).length === 2, 'the Ketua asked again', 20_000);
    expect((await inbox(people.ketua.id)).map((n) => n.subject)).toContain('PK 2026 (versi 1) diajukan kembali untuk disetujui — KPU Kabupaten Jember');
    await append(pk, 'PkApproved', { version: 1, approvedBy: people.plh.id, approvedByRole: 'SEKRETARIS', approvedAt: '2026-01-14T04:00:00.000Z', supersedesVersion: null }, people.plh);
    await waitFor(async () => mailsTo('sekretaris').length === 2, 'the submitter told of the approval', 20_000);
    const outbox = new PkLkjNoticeOutbox(db.dataSource);
    await waitFor(async () => (await outbox.pending()).length === 0, 'every job done', 20_000);
    // The test's clock stands still: every row has the same created_at, so they are compared as sets.
    expect((await kinds(people.sekretaris.id)).sort()).toEqual(['PK_APPROVED', 'PK_RETURNED']);
    const told = (await inbox(people.sekretaris.id)).find((n) => n.kind === 'PK_APPROVED')!.body;
    // A first version is followed by the reports of the whole year (pkVersionForMonth), not from the day of approval.
    const applies = 'disetujui oleh Sekretaris (Plh Sekretaris) pada Rabu, 14 Januari 2026.\nPK ini berlaku untuk laporan realisasi seluruh bulan tahun 2026, mulai bulan Januari 2026.';
    expect(told).toContain(applies);
    expect(smtp.received.find((m) => m.to[0] === 'sekretaris@kinerja.test' && m.subject.startsWith('PK 2026 (versi 1) disetujui'))!.text).toContain(applies);
    expect(await kinds(people.ketua.id)).toEqual(['PK_SUBMITTED', 'PK_SUBMITTED']);

    const notices = worker.get(PkLkjNotices, { strict: false });
    const [approved] = await db.dataSource.query(`SELECT o.satker_code, o.stream_id, o.event_id FROM pk_lkj_notice_outbox o JOIN events e ON e.event_id = o.event_id WHERE e.type = 'PkApproved'`);
    const again = await notices.announce({ satker: approved.satker_code, streamId: approved.stream_id, eventId: approved.event_id });
    expect(again.recorded).toBeNull();
    expect(mailsTo('sekretaris')).toHaveLength(2);
  });

  it('given the final LKj produced and then marked stale, then the Ketua and every Sekretaris are told each once; a draft tells nobody', async () => {
    const lkj = lkjStreamId('kpu-jember', 2026);
    const system = { id: 'system', role: 'SYSTEM' };
    const produced = (version: number, draft: boolean) => ({ version, draft, files: [], modelDigest: 'abc', producedAt: '2027-01-10T02:00:00.000Z' });
    await append(lkj, 'LkjRequested', { satker: 'kpu-jember', year: 2026, version: 1, draft: true, reason: 'REQUESTED', suggestions: [], requestedBy: people.sekretaris.id, requestedAt: '2027-01-09T02:00:00.000Z' }, people.sekretaris);
    await append(lkj, 'LkjProduced', produced(1, true), system);
    await append(lkj, 'LkjRequested', { satker: 'kpu-jember', year: 2026, version: 2, draft: false, reason: 'ALL_APPROVED', suggestions: [], requestedBy: 'system', requestedAt: '2027-01-10T01:00:00.000Z' }, system);
    await append(lkj, 'LkjProduced', produced(2, false), system);
    await append(lkj, 'LkjMarkedStale', { version: 2, reason: 'Perjanjian Kinerja Perubahan disetujui setelah LKj dibuat.', markedAt: '2027-02-01T02:00:00.000Z' }, system);
    await waitFor(async () => mailsTo('ketua').filter((s) => s.startsWith('LKj')).length === 2, 'the Ketua told of the LKj', 20_000);
    const outbox = new PkLkjNoticeOutbox(db.dataSource);
    await waitFor(async () => (await outbox.pending()).length === 0, 'every job done', 20_000);
    for (const p of [people.ketua, people.sekretaris, people.plh]) {
      expect((await kinds(p.id)).filter((k) => k.startsWith('LKJ')).sort()).toEqual(['LKJ_PRODUCED', 'LKJ_STALE']);
    }
    expect(mailsTo('plh.sekretaris').filter((s) => s.startsWith('LKj')).sort()).toEqual([
      'LKj 2026 versi 2 selesai dibuat — KPU Kabupaten Jember', 'LKj 2026 versi 2 tidak lagi mutakhir — KPU Kabupaten Jember',
    ]);
    expect(await inbox(people.inspektorat.id)).toEqual([]);
  });

  it('given the office\'s only active Sekretaris submits a PK Perubahan, then the Ketua alone is asked, greeted as the Ketua alone', async () => {
    await db.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [people.plh.id]);
    const plhBefore = (await kinds(people.plh.id)).length;
    await append(pk, 'PkRevisionOpened', {
      version: 2, basedOnVersion: 1, reason: 'Refocusing anggaran.', structure: { programs: [] }, openedBy: people.sekretaris.id, openedAt: '2026-06-15T02:00:00.000Z',
    }, people.sekretaris);
    await append(pk, 'PkSubmitted', { version: 2, submittedBy: people.sekretaris.id, submittedAt: '2026-06-15T03:00:00.000Z' }, people.sekretaris);
    await waitFor(async () => mailsTo('ketua').some((s) => s.startsWith('PK Perubahan 2026')), 'the Ketua asked to approve the PK Perubahan', 20_000);
    const notice = (await inbox(people.ketua.id)).find((n) => n.subject.startsWith('PK Perubahan 2026'))!;
    expect(notice.body).toMatch(/^Yth\. Ketua,\n\nSekretaris \(Siti Sekretaris\) mengajukan Perjanjian Kinerja Perubahan tahun 2026 \(versi 2\)/);
    expect(await kinds(people.plh.id)).toHaveLength(plhBefore);
  });

  it('given the Ketua approves that PK Perubahan on 5 August, then its submitter is told (inbox and e-mail) that August\'s reports are the first to follow it', async () => {
    await append(pk, 'PkApproved', { version: 2, approvedBy: people.ketua.id, approvedByRole: 'KETUA', approvedAt: '2026-08-05T03:00:00.000Z', supersedesVersion: 1 }, people.ketua);
    await waitFor(async () => mailsTo('sekretaris').some((s) => s.startsWith('PK Perubahan 2026 (versi 2) disetujui')), 'the submitter told of the approval', 20_000);
    const applies = 'PK ini menggantikan versi 1 dan berlaku untuk laporan realisasi mulai bulan Agustus 2026; laporan bulan-bulan sebelumnya tetap mengikuti versi 1.';
    expect((await inbox(people.sekretaris.id)).find((n) => n.subject.startsWith('PK Perubahan 2026 (versi 2) disetujui'))!.body).toContain(applies);
    expect(smtp.received.find((m) => m.to[0] === 'sekretaris@kinerja.test' && m.subject.startsWith('PK Perubahan 2026 (versi 2) disetujui'))!.text).toContain(applies);
  });
});
