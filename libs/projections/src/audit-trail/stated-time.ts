import type { RecordedEvent } from '@kinerja/event-store';
import type { CatatanReviuEvent } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import type { CapaianTahunLaluImported } from '@kinerja/domain/lkj/capaian-tahun-lalu';
import type { LkjEvent } from '@kinerja/domain/lkj/lkj.events';
import type { PkEvent } from '@kinerja/domain/perjanjian-kinerja/pk.events';
import type { RatingScaleEvent } from '@kinerja/domain/rating-scale/rating-scale.events';
import type { RealisasiEvent } from '@kinerja/domain/realisasi/realisasi.events';
import type { ReportDeadlineEvent } from '@kinerja/domain/report-deadline-extension/report-deadline-extension.events';
import type { IntegrityAlertResolved } from './integrity.events';

/** The events that say, in their data, when what they record happened. Identity events do not. */
type TimedEvent = PkEvent | RealisasiEvent | CatatanReviuEvent | RatingScaleEvent | LkjEvent | CapaianTahunLaluImported | ReportDeadlineEvent | IntegrityAlertResolved;

/** A text field of `D` named `…At`: the moment the event states. */
type TimeField<D> = { [K in keyof D]: K extends `${string}At` ? (D[K] extends string ? K : never) : never }[keyof D];

/**
 * The field of each event type holding the moment it states it happened (`approvedAt` of a PK's
 * approval …), as the domain set it from the command's clock. It is the recording time for anything
 * done through the application, but not for history loaded later on its people's behalf (seed:demo
 * dates the Ketua's approval of the 2024 PK 16 January 2024): the trail shows both.
 */
const STATED_TIME_FIELD: { [E in TimedEvent as E['type']]: TimeField<E['data']> } & { ReminderSent: string } = {
  PkDrafted: 'draftedAt', PkIndicatorsChanged: 'changedAt', PkSubmitted: 'submittedAt', PkApproved: 'approvedAt', PkReturned: 'returnedAt',
  PkRevisionOpened: 'openedAt', PkRevisionWithdrawn: 'withdrawnAt',
  RealisasiDraftSaved: 'savedAt', RealisasiSubmitted: 'submittedAt', RealisasiApproved: 'approvedAt', RealisasiReturned: 'returnedAt',
  RealisasiRevisionOpened: 'openedAt', RealisasiRevisionWithdrawn: 'withdrawnAt',
  CatatanReviuWritten: 'writtenAt', TindakLanjutSubmitted: 'submittedAt', CatatanReviuClosed: 'closedAt', CatatanReviuReopened: 'reopenedAt',
  RatingScaleSet: 'setAt',
  LkjRequested: 'requestedAt', LkjProduced: 'producedAt', LkjMarkedStale: 'markedAt', LkjSigned: 'signedAt',
  CapaianTahunLaluImported: 'importedAt',
  ReportDeadlineExtended: 'grantedAt',
  IntegrityAlertResolved: 'resolvedAt',
  ReminderSent: 'sentAt',
};

/** When the event says it happened; null when its type states no moment or its data holds none that reads as one. */
export function statedTimeOf(event: Pick<RecordedEvent, 'type' | 'data'>): Date | null {
  const field = (STATED_TIME_FIELD as Record<string, string | undefined>)[event.type];
  if (field === undefined) return null;
  const value = (event.data as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
