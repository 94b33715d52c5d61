import { CATATAN_REVIU_NOTICE_KINDS } from '../reminders/catatan-reviu/catatan-reviu-notice';
import { INTEGRITY_ALERT_NOTICE_KIND } from '../reminders/integrity-alert/integrity-alert-notice';
import { PK_LKJ_NOTICE_KINDS } from '../reminders/pk-lkj/pk-lkj-notice';
import { REMINDER_KINDS } from '../reminders/plan/reminder-plan.types';

/** The notices recorded on an event (NoticeRecorder): a catatan reviu's, a PK's or an LKj's, an integrity alert. */
export const EVENT_NOTICE_KINDS = [...PK_LKJ_NOTICE_KINDS, ...CATATAN_REVIU_NOTICE_KINDS, INTEGRITY_ALERT_NOTICE_KIND] as const;

export type EventNoticeKind = (typeof EVENT_NOTICE_KINDS)[number];

/**
 * Every `kind` an inbox row (`GET /me/notifications`) can have: the reminders (ReminderRecorder) and
 * the event notices (NoticeRecorder), each list kept beside the code that sends its kinds. The
 * OpenAPI document's enum is this list.
 */
export const NOTIFICATION_KINDS = [...REMINDER_KINDS, ...EVENT_NOTICE_KINDS] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
