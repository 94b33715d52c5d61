import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EventStore, EventStoreModule } from '@kinerja/event-store';
import { AppConfig, Clock, ROOT_LOGGER } from '@kinerja/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createMailer, Mailer } from '../mail/mailer';
import { OutboxDispatcher } from '../notifications/outbox-dispatcher';
import { ReminderRecorder } from '../notifications/reminder-recorder';
import { DISPENSASI_NOTICE_OPTIONS, DispensasiNotices, type DispensasiNoticeOptions } from './dispensasi/dispensasi-notices';
import { DispensasiOutbox } from './dispensasi/dispensasi-outbox';
import { CATATAN_REVIU_NOTICE_OPTIONS, CatatanReviuNotices, type CatatanReviuNoticeOptions } from './catatan-reviu/catatan-reviu-notices';
import { CatatanReviuNoticeOutbox } from './catatan-reviu/catatan-reviu-notice-outbox';
import { CatatanReviuProcessManager } from './catatan-reviu/catatan-reviu-process-manager';
import { DispensasiProcessManager } from './dispensasi/dispensasi-process-manager';
import { PK_LKJ_NOTICE_OPTIONS, PkLkjNotices, type PkLkjNoticeOptions } from './pk-lkj/pk-lkj-notices';
import { PkLkjNoticeOutbox } from './pk-lkj/pk-lkj-notice-outbox';
import { PkLkjProcessManager } from './pk-lkj/pk-lkj-process-manager';
import { INTEGRITY_ALERT_NOTICE_OPTIONS, IntegrityAlertNotices, type IntegrityAlertNoticeOptions } from './integrity-alert/integrity-alert-notices';
import { IntegrityAlertNoticeOutbox } from './integrity-alert/integrity-alert-notice-outbox';
import { OfficeDirectory } from './facts/office-directory';
import { OfficeHistoryReader } from './facts/office-history.reader';
import { NoticeRecorder } from './notice-recorder';
import { ReminderJobs } from './reminder-jobs';
import { ReminderRunner } from './reminder-runner';
import { REMINDER_OPTIONS, ReminderOptions, ReminderScheduleLeader } from './schedule/reminder-schedule-leader';

const DS = getDataSourceToken();

/**
 * Reminders in the worker: the runner, its job handlers, the schedule leader and the prompt dispensasi
 * notices (`dispensasi`: their poll and delay), and the catatan reviu notices (`catatanReviu`: their
 * poll), the PK and LKj notices (`pkLkj`: the same) and the integrity alert notices (`integrityAlert`:
 * the same); their jobs lost or failed are recovered as QueueRuntimeModule's `recovery` says. Needs
 * QueueRuntimeModule.
 */
@Module({})
export class RemindersModule {
  static forWorker(
    options: Partial<ReminderOptions> = {}, dispensasi: Partial<DispensasiNoticeOptions> = {}, catatanReviu: Partial<CatatanReviuNoticeOptions> = {},
    pkLkj: Partial<PkLkjNoticeOptions> = {}, integrityAlert: Partial<IntegrityAlertNoticeOptions> = {},
  ): DynamicModule {
    return {
      module: RemindersModule,
      imports: [EventStoreModule],
      providers: [
        { provide: REMINDER_OPTIONS, useValue: { leaderIntervalMs: 15_000, ...options } satisfies ReminderOptions },
        { provide: Mailer, useFactory: (c: AppConfig, l: Logger) => createMailer(c, l.child({ component: 'mail' })), inject: [AppConfig, ROOT_LOGGER] },
        { provide: OfficeDirectory, useFactory: (ds: DataSource) => new OfficeDirectory(ds), inject: [DS] },
        { provide: OfficeHistoryReader, useFactory: (ds: DataSource) => new OfficeHistoryReader(ds), inject: [DS] },
        { provide: ReminderRecorder, useFactory: (ds: DataSource, es: EventStore) => new ReminderRecorder(ds, es), inject: [DS, EventStore] },
        {
          provide: OutboxDispatcher,
          useFactory: (ds: DataSource, m: Mailer, l: Logger) => new OutboxDispatcher(ds, m, l.child({ component: 'outbox' })),
          inject: [DS, Mailer, ROOT_LOGGER],
        },
        {
          provide: ReminderRunner,
          useFactory: (d: OfficeDirectory, h: OfficeHistoryReader, r: ReminderRecorder, o: OutboxDispatcher, l: Logger) =>
            new ReminderRunner(d, h, r, o, l.child({ component: 'reminders' })),
          inject: [OfficeDirectory, OfficeHistoryReader, ReminderRecorder, OutboxDispatcher, ROOT_LOGGER],
        },
        ReminderJobs,
        ReminderScheduleLeader,
        { provide: DispensasiOutbox, useFactory: (ds: DataSource) => new DispensasiOutbox(ds), inject: [DS] },
        {
          provide: DispensasiProcessManager,
          useFactory: (ds: DataSource, es: EventStore, o: DispensasiOutbox, c: Clock) => new DispensasiProcessManager(ds, es, o, c),
          inject: [DS, EventStore, DispensasiOutbox, Clock],
        },
        { provide: DISPENSASI_NOTICE_OPTIONS, useValue: { pollMs: 1000, delayMs: 15_000, ...dispensasi } satisfies DispensasiNoticeOptions },
        DispensasiNotices,
        { provide: CatatanReviuNoticeOutbox, useFactory: (ds: DataSource) => new CatatanReviuNoticeOutbox(ds), inject: [DS] },
        { provide: NoticeRecorder, useFactory: (ds: DataSource, es: EventStore) => new NoticeRecorder(ds, es), inject: [DS, EventStore] },
        {
          provide: CatatanReviuProcessManager,
          useFactory: (ds: DataSource, es: EventStore, o: CatatanReviuNoticeOutbox, c: Clock) => new CatatanReviuProcessManager(ds, es, o, c),
          inject: [DS, EventStore, CatatanReviuNoticeOutbox, Clock],
        },
        { provide: CATATAN_REVIU_NOTICE_OPTIONS, useValue: { pollMs: 1000, ...catatanReviu } satisfies CatatanReviuNoticeOptions },
        CatatanReviuNotices,
        { provide: PkLkjNoticeOutbox, useFactory: (ds: DataSource) => new PkLkjNoticeOutbox(ds), inject: [DS] },
        {
          provide: PkLkjProcessManager,
          useFactory: (ds: DataSource, es: EventStore, o: PkLkjNoticeOutbox, c: Clock) => new PkLkjProcessManager(ds, es, o, c),
          inject: [DS, EventStore, PkLkjNoticeOutbox, Clock],
        },
        { provide: PK_LKJ_NOTICE_OPTIONS, useValue: { pollMs: 1000, ...pkLkj } satisfies PkLkjNoticeOptions },
        PkLkjNotices,
        { provide: IntegrityAlertNoticeOutbox, useFactory: (ds: DataSource) => new IntegrityAlertNoticeOutbox(ds), inject: [DS] },
        { provide: INTEGRITY_ALERT_NOTICE_OPTIONS, useValue: { pollMs: 1000, ...integrityAlert } satisfies IntegrityAlertNoticeOptions },
        IntegrityAlertNotices,
      ],
      exports: [
        ReminderRunner, ReminderScheduleLeader, OutboxDispatcher, Mailer, DispensasiNotices, DispensasiOutbox, DispensasiProcessManager,
        CatatanReviuNotices, CatatanReviuNoticeOutbox, CatatanReviuProcessManager, PkLkjNotices, PkLkjNoticeOutbox, PkLkjProcessManager,
        IntegrityAlertNotices, IntegrityAlertNoticeOutbox,
      ],
    };
  }
}
