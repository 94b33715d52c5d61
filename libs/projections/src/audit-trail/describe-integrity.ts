import { formatDateTimeId } from '@kinerja/domain';
import type { RecordedEvent } from '@kinerja/event-store';
import { identityStreamId } from '@kinerja/identity/events/identity.events';
import { DEFAULT_TIME_ZONE } from '@kinerja/identity/identity.types';
import type { AuditTrailState } from './audit-trail.state';
import type { Description } from './describe.types';
import { DAMAGE_WORDS, sha256OfFileSubject, STORED_FILE_KINDS, type IntegrityAlertResolved } from './integrity.events';

/**
 * The office's time zone as its identity events last recorded it (kept under `satker` on
 * `identity:<satker>` by the identity describer); the default zone of an office when none was.
 */
function officeTimeZone(state: AuditTrailState, satker: string): string {
  const office = state.recall<{ timeZone?: unknown }>(satker, identityStreamId(satker), 'satker');
  return typeof office?.timeZone === 'string' ? office.timeZone : DEFAULT_TIME_ZONE;
}

/** The Inspektorat's closing of an integrity alert, with the reason and when the damage was detected, on the office's clock. */
export function describeIntegrity(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (event.type !== 'IntegrityAlertResolved') return null;
  const { data } = event as unknown as IntegrityAlertResolved;
  const at = data.brokenSequence === null ? '' : ` pada urutan ${data.brokenSequence}`;
  const file = STORED_FILE_KINDS[data.kind];
  const what = file
    ? `${file} tidak cocok dengan SHA-256-nya`
    : `rantai integritas rusak, peristiwa ${DAMAGE_WORDS[data.kind] ?? data.kind}${at}`;
  const sha256 = typeof data.subject === 'string' ? sha256OfFileSubject(data.subject) : null;
  const about = sha256 === null ? '' : ` (${sha256})`;
  const detected = formatDateTimeId(data.detectedAt, officeTimeZone(state, event.tenantId));
  return {
    subjectKind: 'LAINNYA',
    summary: `Menutup peringatan integritas #${data.alertId}: ${what}${about}, terdeteksi ${detected}.`,
    reason: data.reason,
  };
}
