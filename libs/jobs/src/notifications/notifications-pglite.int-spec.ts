import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '@kinerja/event-store';
import { createDataSource, createRootLogger, migrateDatabase } from '@kinerja/platform';
import { DataSource } from 'typeorm';
import { LogOnlyMailer } from '../mail/mailer';
import { OfficeHistoryReader } from '../reminders/facts/office-history.reader';
import type { PlannedReminder } from '../reminders/plan/reminder-plan.types';
import { NotificationInbox } from './notification-inbox';
import { OutboxDispatcher } from './outbox-dispatcher';
import { ReminderRecorder } from './reminder-recorder';

// PGlite loads its WebAssembly with a dynamic import, which Jest's module sandbox cannot do: it is
// served from a child process, exactly as the embedded start serves it (a loopback socket).
const SERVE_PGLITE = `
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(process.argv[1]);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  process.stdout.write(server.getServerConn() + '\\n');
`;

function servePglite(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVE_PGLITE, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: `postgres://postgres@${chunk.toString().trim()}/postgres`, child }));
    child.once('exit', (code) => reject(new Error(`PGlite server exited with ${code}`)));
  });
}

/** The embedded start (PGlite, PostgreSQL 17 in WebAssembly) runs the same reminder SQL. */
describe('reminders on the embedded PGlite database', () => {
  let dir: string;
  let pg: { url: string; child: ChildProcess };
  let ds: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kinerja-pglite-'));
    pg = await servePglite(dir);
    await migrateDatabase(pg.url);
    ds = await createDataSource({ url: pg.url, poolSize: 2 }).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    pg?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('records once, lists the inbox, marks read, sweeps the outbox and reads report streams', async () => {
    const reminder: PlannedReminder = {
      key: 'overdue:kpu-jember:2025-03', kind: 'OVERDUE_ESCALATION', satker: 'kpu-jember', audience: { role: 'SEKRETARIS' },
      dueAt: '2025-04-06T01:00:00.000Z', localDate: '2025-04-06', period: { year: 2025, month: 3 }, periods: [{ year: 2025, month: 3 }], deadline: { year: 2025, month: 4, day: 5 }, reports: [],
    };
    const owner = { id: '0b7b1f84-5d0e-4a7e-9d1c-1f3a2b4c5d6e', satker: 'kpu-jember' };
    const recorder = new ReminderRecorder(ds, new EventStore(ds));
    const message = { subject: 'Eskalasi', body: 'Yth. Sekretaris,' };
    const now = new Date('2025-04-06T01:00:00.000Z');
    const recipient = { userId: owner.id, fullName: 'Sekretaris', email: 'sekretaris@jember.test' };
    expect(await recorder.record(reminder, message, [recipient], now)).toEqual({ key: reminder.key, recipients: 1, emails: 1 });
    expect(await recorder.record(reminder, message, [recipient], now)).toBeNull();
    const inbox = new NotificationInbox(ds);
    const page = await inbox.list(owner, { unreadOnly: true, limit: 10, offset: 0 });
    expect(page).toMatchObject({ total: 1, unreadCount: 1 });
    expect((await inbox.markRead(owner, page.items[0].id, now)).readAt).toBe(now.toISOString());
    expect(await inbox.markAllRead(owner, now)).toEqual({ marked: 0 });
    const logger = createRootLogger({ level: 'silent', format: 'json' });
    expect(await new OutboxDispatcher(ds, new LogOnlyMailer(logger), logger).dispatchDue(now)).toEqual({ sent: 0, skipped: 1, failed: 0 });
    const history = await new OfficeHistoryReader(ds).read('kpu-jember', { pk: [2024, 2025], reports: [2025] }, new Map());
    expect(history.pk.size).toBe(0);
  });
});
