// Every migration, in order. Listed by hand (not globbed) so the same list works from ts-jest,
// from the compiled dist/ and from the embedded PGlite start-up.
import { MigrationInterface } from 'typeorm';
import { Identity1795821322855 } from './1795821322855-identity';
import { EventStore1795821567013 } from './1795821567013-event-store';
import { ReadModels1795821903046 } from './1795821903046-read-models';
import { AuditTrail1795821913198 } from './1795821913198-audit-trail';
import { Notifications1795821979832 } from './1795821979832-notifications';
import { EvidenceFiles1795822016668 } from './1795822016668-evidence-files';
import { IdentityCommandResults1795822362235 } from './1795822362235-identity-command-results';
import { Lkj1795822408258 } from './1795822408258-lkj';
import { SessionChanges1795840856361 } from './1795840856361-session-changes';
import { EventStoreChecksInAppend1795920000000 } from './1795920000000-event-store-checks-in-append';
import { IdempotencyRequestFingerprint1795930000000 } from './1795930000000-idempotency-request-fingerprint';
import { IntegrityAlertSubject1795940000000 } from './1795940000000-integrity-alert-subject';
import { DropUnusedFigureSequenceIndex1795950000000 } from './1795950000000-drop-unused-figure-sequence-index';
import { IntegrityAlertResolution1795960000000 } from './1795960000000-integrity-alert-resolution';
import { LkjObligationsPerMonth1795970000000 } from './1795970000000-lkj-obligations-per-month';
import { IntegrityAlertDamageKey1795980000000 } from './1795980000000-integrity-alert-damage-key';
import { SatkerDeadlineDayHistory1795990000000 } from './1795990000000-satker-deadline-day-history';
import { UsersMustChangePassword1796110000000 } from './1796110000000-users-must-change-password';
import { UsersUniqueActiveEmail1796120000000 } from './1796120000000-users-unique-active-email';
import { UsersEmailAsPerson1796130000000 } from './1796130000000-users-email-as-person';
import { EvidenceUploads1796000000000 } from './1796000000000-evidence-uploads';
import { UsersLastFailedLogin1796140000000 } from './1796140000000-users-last-failed-login';
import { FileSweep1796150000000 } from './1796150000000-file-sweep';
import { FileSweepUploaders1796165000000 } from './1796165000000-file-sweep-uploaders';
import { DispensasiNoticeOutbox1796180000000 } from './1796180000000-dispensasi-notice-outbox';
import { SubmissionStatusFirstSubmitted1796190000000 } from './1796190000000-submission-status-first-submitted';
import { HariLibur1796205000000 } from './1796205000000-hari-libur';
import { CatatanReviuNoticeOutbox1796215000000 } from './1796215000000-catatan-reviu-notice-outbox';
import { NotificationOutboxOutcome1796225000000 } from './1796225000000-notification-outbox-outcome';
import { PkLkjNoticeOutbox1796227300000 } from './1796227300000-pk-lkj-notice-outbox';
import { IntegrityAlertNoticeOutbox1796240000000 } from './1796240000000-integrity-alert-notice-outbox';
import { OfficeClockChanges1796250000000 } from './1796250000000-office-clock-changes';
import { AuditTrailOccurredAt1796260000000 } from './1796260000000-audit-trail-occurred-at';
import { FileSweepTemporaryFiles1796272000000 } from './1796272000000-file-sweep-temporary-files';
import { SatkerKetuaSignsLkj1796285000000 } from './1796285000000-satker-ketua-signs-lkj';
import { SatkerProfiles1796295000000 } from './1796295000000-satker-profiles';
import { LkjOutboxFailures1796310000000 } from './1796310000000-lkj-outbox-failures';

type MigrationClass = new () => MigrationInterface;

export const migrations: MigrationClass[] = [Identity1795821322855, EventStore1795821567013, ReadModels1795821903046, AuditTrail1795821913198, Notifications1795821979832, EvidenceFiles1795822016668, IdentityCommandResults1795822362235, Lkj1795822408258, SessionChanges1795840856361, EventStoreChecksInAppend1795920000000, IdempotencyRequestFingerprint1795930000000, IntegrityAlertSubject1795940000000, DropUnusedFigureSequenceIndex1795950000000, IntegrityAlertResolution1795960000000, LkjObligationsPerMonth1795970000000, IntegrityAlertDamageKey1795980000000, SatkerDeadlineDayHistory1795990000000, EvidenceUploads1796000000000, UsersMustChangePassword1796110000000, UsersUniqueActiveEmail1796120000000, UsersEmailAsPerson1796130000000, UsersLastFailedLogin1796140000000, FileSweep1796150000000, FileSweepUploaders1796165000000, DispensasiNoticeOutbox1796180000000, SubmissionStatusFirstSubmitted1796190000000, HariLibur1796205000000, CatatanReviuNoticeOutbox1796215000000, NotificationOutboxOutcome1796225000000, PkLkjNoticeOutbox1796227300000, IntegrityAlertNoticeOutbox1796240000000, OfficeClockChanges1796250000000, AuditTrailOccurredAt1796260000000, FileSweepTemporaryFiles1796272000000, SatkerKetuaSignsLkj1796285000000, SatkerProfiles1796295000000, LkjOutboxFailures1796310000000];
