import pino from 'pino';
import { EventStore } from '@kinerja/event-store';
import { LogOnlyMailer, OutboxDispatcher, ReminderRecorder, ReminderRunner } from '@kinerja/jobs';
import { OfficeDirectory } from '@kinerja/jobs/reminders/facts/office-directory';
import { OfficeHistoryReader } from '@kinerja/jobs/reminders/facts/office-history.reader';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import type { TestApp } from '../../support/test-app';
import { JEMBER } from './jember-office.fixture';

/** Runs every built-in projection up to the last event, as the worker would. */
export function drainProjections(t: TestApp): Promise<unknown> {
  return new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry()).drain();
}

/** The reminder job as the worker wires it, with a silent logger and the log-only mailer. */
export function reminderRunner(t: TestApp): ReminderRunner {
  const logger = pino({ level: 'silent' });
  const events = new EventStore(t.db.dataSource);
  return new ReminderRunner(
    new OfficeDirectory(t.db.dataSource), new OfficeHistoryReader(t.db.dataSource), new ReminderRecorder(t.db.dataSource, events),
    new OutboxDispatcher(t.db.dataSource, new LogOnlyMailer(logger), logger), logger,
  );
}

/** Jember's status matrix of 2024 after the projections are drained (the response body; 200 expected). */
export async function jemberMatrix2024<T>(t: TestApp, token: string): Promise<T> {
  await drainProjections(t);
  const response = await t.http.get(`/api/v1/satker/${JEMBER}/status-matrix/2024`).set({ Authorization: `Bearer ${token}` });
  expect(response.status).toBe(200);
  return response.body as T;
}
