import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { NotificationInbox } from '@kinerja/jobs';
import { DataSource } from 'typeorm';
import { NotificationsController } from './notifications.controller';

/** The in-app inbox over HTTP (`/api/v1/me/notifications`). */
@Module({
  controllers: [NotificationsController],
  providers: [{ provide: NotificationInbox, useFactory: (ds: DataSource) => new NotificationInbox(ds), inject: [getDataSourceToken()] }],
})
export class NotificationsModule {}
