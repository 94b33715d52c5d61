import type { CapaianTahunLaluImported, LkjEventType, PkEventType, RatingScaleEventType, RealisasiEvent, ReportDeadlineEventType } from '@kinerja/domain';
import type { CatatanReviuEventType } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import type { IdentityEventType } from '@kinerja/identity/events/identity.events';
import { REMINDER_SENT } from '@kinerja/jobs/notifications/reminder-recorder';
import { DESCRIBED_EVENT_TYPES } from './describe-event';
import type { IntegrityAlertResolved } from './integrity.events';

/** Every event type the code base records. A type added to one of these unions fails to compile here until it is listed. */
type RecordedEventType =
  | PkEventType | RealisasiEvent['type'] | CatatanReviuEventType | RatingScaleEventType | LkjEventType
  | CapaianTahunLaluImported['type'] | IdentityEventType | IntegrityAlertResolved['type'] | typeof REMINDER_SENT | ReportDeadlineEventType;

const EVERY_TYPE: Record<RecordedEventType, true> = {
  PkDrafted: true, PkIndicatorsChanged: true, PkSubmitted: true, PkApproved: true, PkReturned: true, PkRevisionOpened: true, PkRevisionWithdrawn: true,
  RealisasiDraftSaved: true, RealisasiSubmitted: true, RealisasiApproved: true, RealisasiReturned: true, RealisasiRevisionOpened: true,
  RealisasiRevisionWithdrawn: true,
  CatatanReviuWritten: true, TindakLanjutSubmitted: true, CatatanReviuClosed: true, CatatanReviuReopened: true,
  RatingScaleSet: true,
  LkjRequested: true, LkjProduced: true, LkjMarkedStale: true, LkjSigned: true, CapaianTahunLaluImported: true,
  SatkerCreated: true, SatkerUpdated: true, SatkerMoved: true, SatkerDeactivated: true, SatkerReactivated: true, SatkerProfileChanged: true,
  SubbagianCreated: true, SubbagianUpdated: true, SubbagianDeactivated: true, SubbagianReactivated: true,
  UserCreated: true, UserUpdated: true, UserDeactivated: true, UserReactivated: true, UserPasswordChanged: true, UserLockedOut: true, UserUnlocked: true, HariLiburChanged: true,
  IntegrityAlertResolved: true,
  ReminderSent: true,
  ReportDeadlineExtended: true,
};

describe('the audit trail in words: every event type', () => {
  it('has words for every event type recorded, none left to "Peristiwa … tercatat"', () => {
    expect(Object.keys(EVERY_TYPE).filter((type) => !DESCRIBED_EVENT_TYPES.has(type))).toEqual([]);
  });
});
