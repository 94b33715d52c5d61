import { desiredSchedules } from './reminder-schedules';

describe('the Job Schedulers reminders need', () => {
  it('one at 08:00 local per time zone that has an office, plus the hourly catch-up and the outbox sweep', () => {
    const schedules = desiredSchedules(['Asia/Jayapura', 'Asia/Jakarta', 'Asia/Jakarta']);
    expect(schedules.map((s) => [s.id, s.repeat.pattern, s.repeat.tz ?? null, s.name])).toEqual([
      ['reminders-at-8-Asia-Jakarta', '0 8 * * *', 'Asia/Jakarta', 'reminders.run'],
      ['reminders-at-8-Asia-Jayapura', '0 8 * * *', 'Asia/Jayapura', 'reminders.run'],
      ['reminders-catch-up', '5 * * * *', null, 'reminders.run'],
      ['notifications-dispatch', '* * * * *', null, 'notifications.dispatch'],
    ]);
    expect(schedules[1].data).toEqual({ timeZone: 'Asia/Jayapura', reason: 'schedule' });
  });

  it('ids contain no ":" (BullMQ refuses them in job ids derived from the scheduler)', () => {
    for (const s of desiredSchedules(['Asia/Makassar'])) expect(s.id).not.toContain(':');
  });
});
