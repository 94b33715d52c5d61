import type { ApprovalHistoryInput } from '@kinerja/reporting';
import type { RecordedEvent } from '@kinerja/event-store';
import { INDONESIAN_MONTHS } from '@kinerja/domain';
import { unitTitle } from '../reminders/messages/render-reminder';

const MONTHS = INDONESIAN_MONTHS;

interface Described {
  by: string;
  at: string;
  action: string;
}

function describePk(event: RecordedEvent, year: number): Described | null {
  const d = event.data as Record<string, string | number>;
  const v = d.version !== undefined && Number(d.version) > 1 ? ` (versi ${d.version})` : '';
  switch (event.type) {
    case 'PkSubmitted': return { by: String(d.submittedBy), at: String(d.submittedAt), action: `Mengajukan Perjanjian Kinerja ${year}${v}` };
    case 'PkApproved': return { by: String(d.approvedBy), at: String(d.approvedAt), action: `Menyetujui Perjanjian Kinerja ${year}${v}` };
    case 'PkReturned': return { by: String(d.returnedBy), at: String(d.returnedAt), action: `Mengembalikan Perjanjian Kinerja ${year}${v}: ${d.reason}` };
    case 'PkRevisionOpened': return { by: String(d.openedBy), at: String(d.openedAt), action: `Membuka Perjanjian Kinerja Perubahan ${year}${v}: ${d.reason}` };
    case 'PkRevisionWithdrawn': return { by: String(d.withdrawnBy), at: String(d.withdrawnAt), action: `Membatalkan Perjanjian Kinerja Perubahan ${year}${v}${d.reason ? `: ${d.reason}` : ''}` };
    default: return null;
  }
}

/**
 * The unit a report is of: KPU's "Sub. Bagian PDI" (the reference's words, by code), or, given the
 * office's unit names (an office that is not KPU), the unit by its name as the notices name it
 * ("Bidang Pelayanan Kesehatan", "Subbagian Umum dan Kepegawaian"; "subbagian YANKES" without a row).
 */
function unitOf(subbagian: string, unitNames: ReadonlyMap<string, string> | undefined): string {
  if (!unitNames) return `Sub. Bagian ${subbagian}`;
  return unitTitle(unitNames.get(subbagian), subbagian);
}

function describeRealisasi(event: RecordedEvent, unitNames: ReadonlyMap<string, string> | undefined): Described | null {
  const [, , year, month, subbagian] = event.streamId.split(':');
  const what = `laporan realisasi ${MONTHS[Number(month) - 1]} ${year} (${unitOf(subbagian, unitNames)})`;
  const d = event.data as Record<string, string | number | boolean>;
  const rev = Number(d.revision) > 0 ? `, revisi ${d.revision}` : '';
  switch (event.type) {
    case 'RealisasiSubmitted': return { by: String(d.submittedBy), at: String(d.submittedAt), action: `${d.resubmission ? 'Mengajukan ulang' : 'Mengajukan'} ${what}${rev}` };
    case 'RealisasiApproved': return { by: String(d.approvedBy), at: String(d.approvedAt), action: `Menyetujui ${what}${rev}` };
    case 'RealisasiReturned': return { by: String(d.returnedBy), at: String(d.returnedAt), action: `Mengembalikan ${what}: ${d.reason}` };
    case 'RealisasiRevisionOpened': return { by: String(d.openedBy), at: String(d.openedAt), action: `Membuka perbaikan ${what}: ${d.reason}` };
    case 'RealisasiRevisionWithdrawn':
      return { by: String(d.withdrawnBy), at: String(d.withdrawnAt), action: `Membatalkan perbaikan ${what}${rev}${d.reason ? `: ${d.reason}` : ''}` };
    default: return null;
  }
}

/**
 * The annex's approval history: who submitted, returned and approved the PK and each monthly report,
 * who opened and withdrew a PK Perubahan or a correction, in words. `unitNames`: the office's
 * subbagian names by code (inactive ones too), given for an office that is not KPU, whose reports are
 * then named by their unit; absent, a KPU office's read "(Sub. Bagian <code>)" as they always have.
 */
export function approvalHistory(
  events: readonly RecordedEvent[], year: number, names: Map<string, string>, unitNames?: ReadonlyMap<string, string>,
): ApprovalHistoryInput[] {
  const rows: ApprovalHistoryInput[] = [];
  for (const event of events) {
    const described = event.streamId.startsWith('pk:') ? describePk(event, year) : describeRealisasi(event, unitNames);
    if (!described) continue;
    rows.push({ at: described.at, actorName: names.get(described.by) ?? described.by, role: event.metadata.actorRole, action: described.action });
  }
  return rows;
}
