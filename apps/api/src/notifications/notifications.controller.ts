import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '@kinerja/identity';
import { NotificationInbox } from '@kinerja/jobs';
import { Clock } from '@kinerja/platform';
import { CurrentUser } from '../http/current-user.decorator';
import { ErrorBody } from '../http/error-body';
import { AnyRole } from '../http/roles.decorator';
import { MarkAllReadDto, NotificationDto, NotificationIdParams, NotificationPageDto, NotificationQueryDto } from './notifications.dto';

/** The signed-in user's own inbox: reminders, escalations and digests addressed to them. */
@ApiTags('notifications')
@AnyRole()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInbox, private readonly clock: Clock) {}

  @Get()
  @ApiOperation({ summary: 'Notifikasi saya, terbaru dahulu; `unread=true` hanya yang belum dibaca' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    return this.inbox.list(user, { unreadOnly: query.unread ?? false, limit: query.limit ?? 20, offset: query.offset ?? 0 });
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menandai semua notifikasi saya sudah dibaca' })
  @ApiOkResponse({ type: MarkAllReadDto })
  markAll(@CurrentUser() user: AuthenticatedUser): Promise<MarkAllReadDto> {
    return this.inbox.markAllRead(user, this.clock.now());
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menandai satu notifikasi saya sudah dibaca (yang sudah dibaca: tidak berubah)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiResponse({ status: 404, type: ErrorBody, description: 'NOTIFICATION.NOT_FOUND: not one of mine' })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param() params: NotificationIdParams): Promise<NotificationDto> {
    return this.inbox.markRead(user, params.id, this.clock.now());
  }
}
