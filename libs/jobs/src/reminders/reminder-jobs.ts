import { Injectable } from '@nestjs/common';
import { Clock } from '@kinerja/platform';
import { OutboxDispatcher } from '../notifications/outbox-dispatcher';
import type { JobPayloads } from '../queues';
import { JobHandler } from '../queue-runtime/job-handler.decorator';
import { ReminderRunner } from './reminder-runner';

/** The BullMQ side of reminders: the scheduler only says "now"; what is due is decided from PostgreSQL. */
@Injectable()
export class ReminderJobs {
  constructor(
    private readonly runner: ReminderRunner,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
  ) {}

  @JobHandler('reminders.run')
  run(payload: JobPayloads['reminders.run']) {
    return this.runner.run(this.clock.now(), payload.timeZone);
  }

  @JobHandler('notifications.dispatch')
  dispatch() {
    return this.dispatcher.dispatchDue(this.clock.now());
  }
}
