import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { EventStore } from '@kinerja/event-store';
import { ControllableClock, createRootLogger } from '@kinerja/platform';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../../../../../test/support/test-database';
import { waitFor } from '../../lkj/testing/lkj-scenario.testing';
import { InProcessSmtp, startInProcessSmtp } from '../../mail/in-process-smtp.testing';
import { notificationStreamId } from '../../notifications/reminder-recorder';
import { closeNoticeWorkers, insertOffices, insertUser, startNoticeWorker } from '../notice-worker.testing';
import { IntegrityAlertNoticeOutbox } from './integrity-alert-notice-outbox';
import { IntegrityAlertNotices } from './integrity-alert-notices';

/**
 * Jember's chain found broken twice while no worker runs (the CLI, Redis away): one alert, announced
 * once the worker starts to the Inspektorat of Jember, of the province and of KPU RI and to Jember's
 * ADMIN (inbox and e-mail through a real SMTP server), nobody else; run again, restarted or found
 * again while open, nothing more.
 */
describe('integrity alert notices', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let integrity: IntegrityService;
  let worker: TestingModule | null = null;
  const prefix = testRedisPrefix();
  const clock = new ControllableClock(new Date('2026-12-07T13:45:00Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-integrity-alert-'));
  const person = (username: string, role: string, satker: string) => ({ id: randomUUID(), username, role, satker });
  const told = [
    person('insp.jember', 'INSPEKTORAT', 'kpu-kab-jember'), person('insp.jatim', 'INSPEKTORAT', 'kpu-prov-jatim'),
    person('insp.ri', 'INSPEKTORAT', 'kpu-ri'), person('admin.jember', 'ADMIN', 'kpu-kab-jember'),
  ];
  const notTold = [
    person('admin.jatim', 'ADMIN', 'kpu-prov-jatim'), person('insp.banyuwangi', 'INSPEKTORAT', 'kpu-kab-banyuwangi'),
    person('sekretaris.jember', 'SEKRETARIS', 'kpu-kab-jember'), person('ketua.jember', 'KETUA', 'kpu-kab-jember'),
  ];
  const damage = { kind: 'modified', sequence: 169, eventId: randomUUID(), detail: 'isi peristiwa tidak cocok dengan hash-nya' };

  const inbox = async (userId: string) => (await db.dataSource.query(
    `SELECT satker_code, kind, subject, body, data FROM notifications WHERE recipient_id = $1`, [userId],
  )) as Array<{ satker_code: string; kind: string; subject: string; body: string; data: Record<string, unknown> }>;
  const mailsTo = (username: string) => smtp.received.filter((m) => m.to[0] === `${username}@kinerja.test`);

  const startWorker = () => startNoticeWorker({ db, smtp, clock, prefix, dataDir, integrityAlertPollMs: 100 });

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    integrity = new IntegrityService(db.dataSource, new EventStore(db.dataSource), createRootLogger({ level: 'fatal', format: 'json' }));
    await insertOffices(db, [
      ['kpu-ri', 'KPU Republik Indonesia', null], ['kpu-prov-jatim', 'KPU Provinsi Jawa Timur', 'kpu-ri'],
      ['kpu-kab-jember', 'KPU Kabupaten Jember', 'kpu-prov-jatim'], ['kpu-kab-banyuwangi', 'KPU Kabupaten Banyuwangi', 'kpu-prov-jatim'],
    ]);
    for (const p of [...told, ...notTold]) await insertUser(db, p);
  });

  afterAll(() => closeNoticeWorkers([worker], { db, smtp, prefix, dataDir }));

  it('given the same broken link found twice while no worker runs, when the worker starts, then one alert is announced once to each Inspektorat in scope and the office\'s ADMIN, nobody else', async () => {
    const first = await integrity.recordDamage('kpu-kab-jember', 'cli', null, damage);
    const second = await integrity.recordDamage('kpu-kab-jember', 'cli-rebuild', null, damage);
    expect(first.recorded).toBe(true);
    expect(second).toEqual({ id: first.id, recorded: false });
    const outbox = new IntegrityAlertNoticeOutbox(db.dataSource);
    expect(await outbox.pending()).toEqual([{ satker: 'kpu-kab-jember', alertId: first.id, jobId: `integrity-alert.kpu-kab-jember.${first.id}` }]);

    worker = await startWorker();
    await waitFor(async () => told.every((p) => mailsTo(p.username).length === 1), 'everyone in scope told of the alert', 20_000);
    await waitFor(async () => (await outbox.pending()).length === 0, 'the job done', 20_000);
    for (const p of told) {
      const notices = await inbox(p.id);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        satker_code: p.satker, kind: 'INTEGRITY_ALERT', subject: `Peringatan integritas #${first.id}: jejak audit rusak — KPU Kabupaten Jember`,
        data: { audience: { role: 'INTEGRITY_WATCHERS', satker: 'kpu-kab-jember' }, integrityAlert: { id: first.id, kind: 'modified', brokenSequence: 169 } },
      });
      expect(notices[0].body).toMatch(/^Yth\. Inspektorat dan Administrator,\n\nKinerja mencatat peringatan integritas #\d+ untuk KPU Kabupaten Jember \(kpu-kab-jember\)/);
      expect(notices[0].body).toContain(`putus pada urutan 169: peristiwa ${damage.eventId} diubah — isi peristiwa tidak cocok dengan hash-nya.`);
      expect(notices[0].body).toContain('Mohon minta pengelola server Kinerja menjalankan npm run cli -- audit:verify --satker kpu-kab-jember, memulihkan');
      expect(mailsTo(p.username)[0].subject).toBe(notices[0].subject);
    }
    for (const p of notTold) {
      expect(await inbox(p.id)).toEqual([]);
      expect(mailsTo(p.username)).toEqual([]);
    }
    const [sent] = await db.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'ReminderSent'`, [notificationStreamId('kpu-kab-jember')]);
    expect(sent.data).toMatchObject({ kind: 'INTEGRITY_ALERT', integrityAlert: { id: first.id } });
    expect([...sent.data.recipientIds].sort()).toEqual(told.map((p) => p.id).sort());
  });

  it('given the job run again, the worker restarted and the damage found again while its alert is open, then nothing more is recorded or sent', async () => {
    const [row] = await db.dataSource.query(`SELECT satker_code, alert_id FROM integrity_alert_notice_outbox`);
    const again = await worker!.get(IntegrityAlertNotices, { strict: false }).announce({ satker: row.satker_code, alertId: Number(row.alert_id) });
    expect(again.recorded).toBeNull();

    await worker!.close();
    worker = await startWorker();
    expect((await integrity.verifyAndRecord('kpu-kab-jember', 'api', told[0].id)).alert).toBeNull(); // the chain itself is intact: nothing new
    expect((await integrity.recordDamage('kpu-kab-jember', 'digest', 'system', damage)).recorded).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM integrity_alert_notice_outbox`)).toEqual([{ n: 1 }]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM notifications`)).toEqual([{ n: told.length }]);
    expect(smtp.received).toHaveLength(told.length);
  });

  it('given an alert on an office with no ADMIN of its own, then only the Inspektorat in scope are told, and greeted alone', async () => {
    const banyuwangi = await integrity.recordDamage('kpu-kab-banyuwangi', 'cli', null, { ...damage, eventId: randomUUID() });
    const inScope = [notTold[1], told[1], told[2]];
    await waitFor(async () => mailsTo(notTold[1].username).length === 1, 'the Inspektorat of Banyuwangi told of its alert', 20_000);
    await waitFor(async () => smtp.received.length === told.length + inScope.length, 'every Inspektorat in scope told', 20_000);
    for (const p of inScope) {
      const notice = (await inbox(p.id)).find((n) => (n.data.integrityAlert as { id: number }).id === banyuwangi.id);
      expect(notice?.body).toMatch(/^Yth\. Inspektorat,\n\nKinerja mencatat peringatan integritas #\d+ untuk KPU Kabupaten Banyuwangi/);
    }
    const [sent] = await db.dataSource.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'ReminderSent'`, [notificationStreamId('kpu-kab-banyuwangi')]);
    expect([...sent.data.recipientIds].sort()).toEqual(inScope.map((p) => p.id).sort());
    expect(mailsTo('admin.jatim')).toEqual([]);
  });
});
