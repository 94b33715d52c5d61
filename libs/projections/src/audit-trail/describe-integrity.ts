import type { RecordedEvent } from '@kinerja/event-store';
import type { Description } from './describe.types';
import { DAMAGE_WORDS, sha256OfFileSubject, STORED_FILE_KINDS, type IntegrityAlertResolved } from './integrity.events';

/** The Inspektorat's closing of an integrity alert, with the reason. */
export function describeIntegrity(event: RecordedEvent): Description | null {
  if (event.type !== 'IntegrityAlertResolved') return null;
  const { data } = event as unknown as IntegrityAlertResolved;
  const at = data.brokenSequence === null ? '' : ` pada urutan ${data.brokenSequence}`;
  const file = STORED_FILE_KINDS[data.kind];
  const what = file
    ? `${file} tidak cocok dengan SHA-256-nya`
    : `rantai integritas rusak, peristiwa ${DAMAGE_WORDS[data.kind] ?? data.kind}${at}`;
  const sha256 = typeof data.subject === 'string' ? sha256OfFileSubject(data.subject) : null;
  const about = sha256 === null ? '' : ` (${sha256})`;
  return {
    subjectKind: 'LAINNYA',
    summary: `Menutup peringatan integritas #${data.alertId}: ${what}${about}, terdeteksi ${data.detectedAt}.`,
    reason: data.reason,
  };
}
