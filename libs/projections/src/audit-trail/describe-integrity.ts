import type { RecordedEvent } from '@kinerja/event-store';
import type { Description } from './describe.types';
import type { IntegrityAlertResolved } from './integrity.events';

const WHAT: Record<string, string> = {
  evidence_mismatch: 'berkas bukti dukung tidak cocok dengan SHA-256-nya',
  digest_mismatch: 'rantai tidak cocok dengan digest bertanda tangan',
};

/** The Inspektorat's closing of an integrity alert, with the reason. */
export function describeIntegrity(event: RecordedEvent): Description | null {
  if (event.type !== 'IntegrityAlertResolved') return null;
  const { data } = event as unknown as IntegrityAlertResolved;
  const what = WHAT[data.kind] ?? `rantai integritas rusak (${data.kind}${data.brokenSequence === null ? '' : `, urutan ${data.brokenSequence}`})`;
  const about = data.subject?.startsWith('evidence:') ? ` (${data.subject.slice('evidence:'.length)})` : '';
  return {
    subjectKind: 'LAINNYA',
    summary: `Menutup peringatan integritas #${data.alertId}: ${what}${about}, terdeteksi ${data.detectedAt}.`,
    reason: data.reason,
  };
}
