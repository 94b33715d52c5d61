import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { ControllableClock } from '@kinerja/platform';
import { createTestDatabase, TestDatabase, testRedisPrefix } from '../../../../../test/support/test-database';
import { waitFor } from '../../lkj/testing/lkj-scenario.testing';
import { InProcessSmtp, startInProcessSmtp } from '../../mail/in-process-smtp.testing';
import { closeNoticeWorkers, insertOffices, insertUser, startNoticeWorker } from '../notice-worker.testing';
import { IntegrityAlertNoticeOutbox } from './integrity-alert-notice-outbox';

/**
 * Alerts recorded before the alert notices shipped (rows of `integrity_alerts` with none in
 * `integrity_alert_notice_outbox`, as the release before wrote them): when two workers start at once,
 * are restarted and catch up again, each alert still open is announced once to each of its watchers,
 * and a closed one not at all.
 */
describe('integrity alerts open when the alert notices shipped', () => {
  let db: TestDatabase;
  let smtp: InProcessSmtp;
  let workers: TestingModule[] = [];
  const prefix = testRedisPrefix();
  const clock = new ControllableClock(new Date('2026-12-07T13:45:00Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-integrity-open-before-'));
  const person = (username: string, role: string, satker: string) => ({ id: randomUUID(), username, role, satker });
  const watchers = [person('insp.jember', 'INSPEKTORAT', 'kpu-kab-jember'), person('insp.jatim', 'INSPEKTORAT', 'kpu-prov-jatim'), person('admin.jember', 'ADMIN', 'kpu-kab-jember')];
  const others = [person('sekretaris.jember', 'SEKRETARIS', 'kpu-kab-jember'), person('admin.jatim', 'ADMIN', 'kpu-prov-jatim')];
  let open: number;
  let closed: number;

  const startWorker = () => startNoticeWorker({ db, smtp, clock, prefix, dataDir, pkLkjPollMs: null, integrityAlertPollMs: 100 });
  const stopWorkers = async () => {
    await Promise.all(workers.map((w) => w.close()));
    workers = [];
  };
  const count = async (sql: string, parameters: unknown[] = []) => ((await db.dataSource.query(sql, parameters))[0] as { n: number }).n;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startInProcessSmtp();
    await insertOffices(db, [
      ['kpu-ri', 'KPU Republik Indonesia', null], ['kpu-prov-jatim', 'KPU Provinsi Jawa Timur', 'kpu-ri'], ['kpu-kab-jember', 'KPU Kabupaten Jember', 'kpu-prov-jatim'],
    ]);
    for (const p of [...watchers, ...others]) await insertUser(db, p);
    // As the release before recorded them: the alert alone, no outbox row.
    [{ id: closed }] = await db.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, broken_sequence, broken_event_id, detail, resolved_at, resolved_by, resolution_reason)
       VALUES ('kpu-kab-jember', '2026-11-02T01:00:00Z', 'cli', 'modified', 12, $1, 'isi peristiwa tidak cocok dengan hash-nya', '2026-11-03T01:00:00Z', 'system', 'Dipulihkan dari cadangan.')
       RETURNING id::int AS id`,
      [randomUUID()],
    );
    [{ id: open }] = await db.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, kind, broken_sequence, broken_event_id, detail, damage_key)
       VALUES ('kpu-kab-jember', '2026-12-01T02:00:00Z', 'digest', 'modified', 169, $1, 'isi peristiwa tidak cocok dengan hash-nya', '169')
       RETURNING id::int AS id`,
      [randomUUID()],
    );
  });

  afterAll(() => closeNoticeWorkers(workers, { db, smtp, prefix, dataDir }));

  it('given an open and a closed alert never announced, when two workers start at once, then the open one is announced once to each watcher', async () => {
    workers = await Promise.all([startWorker(), startWorker()]);
    await waitFor(async () => smtp.received.length >= watchers.length, 'the watchers told of the open alert', 20_000);
    const outbox = new IntegrityAlertNoticeOutbox(db.dataSource);
    await waitFor(async () => (await outbox.pending()).length === 0, 'the job done', 20_000);
    for (const p of watchers) {
      const notices = await db.dataSource.query(`SELECT subject, data FROM notifications WHERE recipient_id = $1`, [p.id]);
      expect(notices).toEqual([expect.objectContaining({ subject: `Peringatan integritas #${open}: jejak audit rusak — KPU Kabupaten Jember` })]);
      expect(notices[0].data).toMatchObject({ integrityAlert: { id: open, brokenSequence: 169 } });
    }
    for (const p of others) expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [p.id])).toBe(0);
    expect(await db.dataSource.query(`SELECT alert_id::int AS id FROM integrity_alert_notice_outbox`)).toEqual([{ id: open }]);
  });

  it('given the workers restarted and the catch-up run again, then nothing more is recorded or sent', async () => {
    await stopWorkers();
    const outbox = new IntegrityAlertNoticeOutbox(db.dataSource);
    expect(await outbox.recordUnannounced()).toEqual([]);
    expect(await outbox.recordUnannounced()).toEqual([]);
    workers = [await startWorker()];
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stopWorkers();
    workers = [await startWorker()];
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await count(`SELECT count(*)::int AS n FROM integrity_alert_notice_outbox`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM reminders WHERE kind = 'INTEGRITY_ALERT'`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM notifications`)).toBe(watchers.length);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(watchers.map((p) => `${p.username}@kinerja.test`).sort());
    expect(await count(`SELECT count(*)::int AS n FROM reminders WHERE reminder_key = $1`, [`integrity-alert:kpu-kab-jember:${closed}`])).toBe(0);
  });
});
