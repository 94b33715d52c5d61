import { randomUUID } from 'node:crypto';
import { EventStore } from '@kinerja/event-store';
import pino from 'pino';
import { aStructure } from '../../../domain/testing/builders';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { LogOnlyMailer } from '../mail/mailer';
import { localInstant } from './plan/office-time';
import type { ReminderRunner } from './reminder-runner';
import { reminderRunnerOn, seedOffice, type ScenarioOffice } from './reminders-year.scenario.testing';

/**
 * Offices onboarded late: the PK of 2025 first approved on 20 November 2025 (day 5), so January–October
 * are due 5 December as November is. Each gets ONE escalation on 6 December listing every report still
 * owed, and nothing more on the next runs — also right after an upgrade from the planner that
 * escalated each month under its own key.
 */
const officeOf = (code: string, name: string): ScenarioOffice => ({
  code, name, zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [
    { id: randomUUID(), username: `kasubbag.kul.${code}`, role: 'KASUBBAG', subbagian: 'KUL', email: `kul@${code}.test` },
    { id: randomUUID(), username: `kasubbag.pdi.${code}`, role: 'KASUBBAG', subbagian: 'PDI', email: `pdi@${code}.test` },
    { id: randomUUID(), username: `sekretaris.${code}`, role: 'SEKRETARIS', subbagian: null, email: `sekretaris@${code}.test` },
  ],
});
const situbondo = officeOf('kpu-situbondo', 'KPU Kabupaten Situbondo');
const lumajang = officeOf('kpu-lumajang', 'KPU Kabupaten Lumajang');
const probolinggo = officeOf('kpu-probolinggo', 'KPU Kabupaten Probolinggo');
const APPROVED = '2025-11-20T03:00:00.000Z';
const mm = (month: number) => String(month).padStart(2, '0');
const wib = (day: number, month = 12, hour = 8) => localInstant({ year: 2025, month, day }, hour, 'Asia/Jakarta');

describe('an office onboarded late: one escalation for the months of its catch-up deadline, once', () => {
  let db: TestDatabase;
  let runner: ReminderRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    const events = new EventStore(db.dataSource);
    const logger = pino({ level: 'silent' });
    runner = reminderRunnerOn(db.dataSource, events, new LogOnlyMailer(logger), logger);
    for (const office of [situbondo, lumajang, probolinggo]) await seedOffice(db.dataSource, events, office, APPROVED);
  });

  afterAll(() => db?.drop());

  const escalations = (keys: string[], office: ScenarioOffice) => keys.filter((k) => k.startsWith(`overdue:${office.code}:`));
  const mails = (key: string): Promise<Array<{ to_address: string; subject: string }>> =>
    db.dataSource.query(`SELECT to_address, subject FROM notification_outbox WHERE reminder_key = $1`, [key]);

  /** What the planner before grouping (one escalation per month) recorded, as it recorded it. */
  async function recordedPerMonth(office: ScenarioOffice, months: number[]) {
    for (const month of months) {
      await db.dataSource.query(
        `INSERT INTO reminders (satker_code, reminder_key, kind, due_at, recipients, payload, recorded_at) VALUES ($1, $2, 'OVERDUE_ESCALATION', $3, 1, '{}'::jsonb, $3)`,
        [office.code, `overdue:${office.code}:2025-${mm(month)}`, wib(6)],
      );
    }
  }

  it('reminds each Kasubbag once on 1 December of January–November, and escalates nothing before 6 December', async () => {
    const dec1 = await runner.run(wib(1));
    expect(dec1.recorded.filter((k) => k.startsWith(`before-deadline:${situbondo.code}:`)).sort()).toEqual([
      `before-deadline:${situbondo.code}:2025-01..2025-11:KUL:2025-12-01`, `before-deadline:${situbondo.code}:2025-01..2025-11:PDI:2025-12-01`,
    ]);
    expect(escalations((await runner.run(wib(5, 12, 23))).recorded, situbondo)).toEqual([]);
  });

  it('sends exactly one escalation on 6 December, to the Sekretaris, and none on the next hourly run', async () => {
    await recordedPerMonth(lumajang, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    await recordedPerMonth(probolinggo, [9, 10]);
    const dec6 = await runner.run(wib(6));
    const key = `overdue:${situbondo.code}:2025-01..2025-11`;
    expect(escalations(dec6.recorded, situbondo)).toEqual([key]);
    expect(await mails(key)).toEqual([{ to_address: `sekretaris@${situbondo.code}.test`, subject: 'Eskalasi: 22 laporan realisasi Januari–November 2025 terlambat — KPU Kabupaten Situbondo' }]);

    const nextHour = await runner.run(wib(6, 12, 9));
    expect(nextHour.recorded).toEqual([]);
    expect(escalations((await runner.run(wib(20))).recorded, situbondo)).toEqual([]);
  });

  it('after an upgrade on the morning of 6 December, sends nothing for months escalated under their own key that morning', async () => {
    // Lumajang had every month escalated by the former planner before the upgrade: nothing more.
    expect(escalations((await runner.run(wib(6, 12, 10))).recorded, lumajang)).toEqual([]);
    const [row] = await db.dataSource.query(`SELECT 1 FROM reminders WHERE reminder_key = $1`, [`overdue:${lumajang.code}:2025-01..2025-11`]);
    expect(row).toBeUndefined();
  });

  it('after an upgrade, a range some of whose months were escalated under their own key is sent without them', async () => {
    const key = `overdue:${probolinggo.code}:2025-01..2025-11`;
    const [row] = await db.dataSource.query(`SELECT payload FROM reminders WHERE reminder_key = $1`, [key]);
    expect(row.payload.periods.map((p: { month: number }) => p.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 11]);
    expect(row.payload.reports).toHaveLength(18);
    expect((await mails(key))[0].subject).toBe('Eskalasi: 18 laporan realisasi Januari–Agustus, November 2025 terlambat — KPU Kabupaten Probolinggo');
  });
});
