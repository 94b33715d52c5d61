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
  @ApiOperation({ summary: 'My notifications, newest first; `unread=true` for the unread only' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    return this.inbox.list(user, { unreadOnly: query.unread ?? false, limit: query.limit ?? 20, offset: query.offset ?? 0 });
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications as read' })
  @ApiOkResponse({ type: MarkAllReadDto })
  markAll(@CurrentUser() user: AuthenticatedUser): Promise<MarkAllReadDto> {
    return this.inbox.markAllRead(user, this.clock.now());
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications as read (again: no change)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiResponse({ status: 404, type: ErrorBody, description: 'NOTIFICATION.NOT_FOUND: not one of mine' })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param() params: NotificationIdParams): Promise<NotificationDto> {
    return this.inbox.markRead(user, params.id, this.clock.now());
  }
}
