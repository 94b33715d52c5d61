import { randomUUID } from 'node:crypto';
import { EventStore } from '@kinerja/event-store';
import pino from 'pino';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { LogOnlyMailer } from '../mail/mailer';
import { OfficeDirectory } from './facts/office-directory';
import { localInstant, OfficeTimeZone } from './plan/office-time';
import type { ReminderRunner } from './reminder-runner';
import { officeA, officeB, perform, reminderRunnerOn, seedOffice } from './reminders-year.scenario.testing';

/**
 * The administrator recorded Friday 28 March 2025 as a libur nasional and Monday 31 March as cuti
 * bersama. A report submitted on Thursday waits: the Sekretaris gets no digest on either day, from
 * the 08:00 run or any later one, and Tuesday's digest lists it.
 */
const on = (day: string, hour: number, zone: OfficeTimeZone = officeA.zone) => {
  const [year, month, d] = day.split('-').map(Number);
  return localInstant({ year, month, day: d }, hour, zone);
};

describe('no approval digest on a recorded national holiday or cuti bersama', () => {
  let db: TestDatabase;
  let runner: ReminderRunner;
  const digests = (keys: string[]) => keys.filter((k) => k.startsWith('approval-digest:')).sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    const events = new EventStore(db.dataSource);
    const logger = pino({ level: 'silent' });
    runner = reminderRunnerOn(db.dataSource, events, new LogOnlyMailer(logger), logger);
    for (const office of [officeA, officeB]) {
      await seedOffice(db.dataSource, events, office);
      await perform(events, { office, month: 2, subbagian: 'KUL', kind: 'submit', at: on('2025-03-27', 10, office.zone) });
    }
    // As HariLiburService writes a year's list.
    const admin = randomUUID();
    await db.dataSource.query(`INSERT INTO hari_libur_years (year, version, changed_by, changed_at) VALUES (2025, 1, $1, now())`, [admin]);
    await db.dataSource.query(
      `INSERT INTO hari_libur (date, year, name, kind, recorded_by, recorded_at) VALUES
         ('2025-03-28', 2025, 'Libur nasional (uji)', 'LIBUR_NASIONAL', $1, now()),
         ('2025-03-31', 2025, 'Cuti bersama (uji)', 'CUTI_BERSAMA', $1, now())`,
      [admin],
    );
  });

  afterAll(() => db?.drop());

  it('sends no digest on the libur nasional, at 08:00 or at the hourly runs after it', async () => {
    for (const hour of [8, 9, 15]) expect(digests((await runner.run(on('2025-03-28', hour))).recorded)).toEqual([]);
  });

  it('sends none on the cuti bersama either, also when one office is planned alone (the dispensasi job)', async () => {
    const jember = await new OfficeDirectory(db.dataSource).office(officeA.code);
    expect(digests((await runner.runOffice(jember!, on('2025-03-31', 8))).recorded)).toEqual([]);
    expect(digests((await runner.run(on('2025-03-31', 8))).recorded)).toEqual([]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM reminders WHERE kind = 'APPROVAL_DIGEST'`);
    expect(n).toBe(0);
  });

  it("reads the holiday by each office's own date: 08:00 WIT on 1 April, still 31 March in UTC, sends Jayapura's digest", async () => {
    const summary = await runner.run(on('2025-04-01', 8, officeB.zone), officeB.zone);
    expect(digests(summary.recorded)).toEqual([`approval-digest:${officeB.code}:2025-04-01`]);
  });

  it("sends Tuesday's digest listing the report that waited over the holidays", async () => {
    expect(digests((await runner.run(on('2025-04-01', 8))).recorded)).toEqual([`approval-digest:${officeA.code}:2025-04-01`]);
    const mails: Array<{ to_address: string; body: string }> = await db.dataSource.query(
      `SELECT to_address, body FROM notification_outbox WHERE reminder_key = $1 ORDER BY to_address`, [`approval-digest:${officeA.code}:2025-04-01`],
    );
    expect(mails.map((m) => m.to_address)).toEqual(['sekretaris@jember.test']);
    expect(mails[0].body).toContain('Februari 2025');
  });
});
