import type { Queue } from 'bullmq';
import type { JobPayloads } from '../../queues';
import type { OfficeTimeZone } from '../plan/office-time';
import { REMINDER_HOUR } from '../plan/plan-reminders';

export interface DesiredSchedule {
  id: string;
  repeat: { pattern: string; tz?: string };
  name: 'reminders.run' | 'notifications.dispatch';
  data: JobPayloads['reminders.run'] | JobPayloads['notifications.dispatch'];
}

const ZONE_PREFIX = 'reminders-at-8-';

/**
 * The Job Schedulers Kinerja needs: 08:00 local in each time zone that has an active office (the
 * moment reminders are due), an hourly catch-up for whatever a lost or failed run left (each run
 * reads every office's reports of two years, so it is not run more often), and an outbox sweep
 * every minute for e-mail retries.
 */
export function desiredSchedules(zones: OfficeTimeZone[]): DesiredSchedule[] {
  const atEight = [...new Set(zones)].sort().map((zone): DesiredSchedule => ({
    id: `${ZONE_PREFIX}${zone.replace('/', '-')}`,
    repeat: { pattern: `0 ${REMINDER_HOUR} * * *`, tz: zone },
    name: 'reminders.run',
    data: { timeZone: zone, reason: 'schedule' },
  }));
  return [
    ...atEight,
    { id: 'reminders-catch-up', repeat: { pattern: '5 * * * *' }, name: 'reminders.run', data: { timeZone: null, reason: 'catch-up' } },
    { id: 'notifications-dispatch', repeat: { pattern: '* * * * *' }, name: 'notifications.dispatch', data: {} },
  ];
}

/**
 * Makes the queue's schedulers what `desired` says: missing or changed ones are upserted, zone
 * schedulers no longer wanted are removed. Returns the ids (re)created — after a Redis data loss,
 * all of them.
 */
export async function reconcileSchedules(queue: Queue, desired: DesiredSchedule[]): Promise<string[]> {
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const changed: string[] = [];
  for (const schedule of desired) {
    const current = existing.get(schedule.id);
    if (current && current.pattern === schedule.repeat.pattern && (current.tz ?? undefined) === schedule.repeat.tz) continue;
    await queue.upsertJobScheduler(schedule.id, schedule.repeat, {
      name: schedule.name,
      data: schedule.data,
      opts: { removeOnComplete: 100, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    });
    changed.push(schedule.id);
  }
  for (const id of existing.keys()) {
    if (id.startsWith(ZONE_PREFIX) && !desired.some((d) => d.id === id)) await queue.removeJobScheduler(id);
  }
  return changed;
}
