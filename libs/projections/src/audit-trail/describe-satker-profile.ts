import type { RecordedEvent } from '@kinerja/event-store';
import type { SatkerProfile, SatkerStaffTable, SatkerSubbagianDuties } from '@kinerja/identity/satker/satker-profile';
import type { AuditTrailState } from './audit-trail.state';
import type { AuditChange } from './audit-trail.types';

/** The profile's fields in the Inspektorat's words, in the order the row lists them. */
const PROFILE_WORDS: Readonly<Record<Exclude<keyof SatkerProfile, 'subbagian'>, string>> = {
  institutionKind: 'jenis instansi',
  institutionName: 'nama instansi',
  shortName: 'nama singkat',
  headTitle: 'jabatan pimpinan',
  signingPlace: 'tempat penandatanganan',
  address: 'alamat',
  region: 'wilayah',
  tasks: 'tugas',
  functions: 'fungsi',
  staff: 'tabel SDM',
};

const KIND_WORDS: Readonly<Record<string, string>> = { KPU: 'KPU', LAINNYA: 'instansi lain (bukan KPU)' };

/** Items as one line, numbered as the report numbers them ("1. …; 2. …", each item with its own ending); null when none is recorded. */
function listed(items: readonly string[] | null | undefined): string | null {
  return items && items.length > 0 ? items.map((item, i) => `${i + 1}. ${item}`).join(' ') : null;
}

/** "ASN: SMP 0, SLTA 3; PPNPN: SMP 2, SLTA 5". */
function staffText(staff: SatkerStaffTable | null | undefined): string | null {
  if (!staff || staff.rows.length === 0) return null;
  return staff.rows.map((r) => `${r.status}: ${staff.educationLevels.map((l, i) => `${l} ${r.counts[i] ?? 0}`).join(', ')}`).join('; ');
}

function valueText(field: keyof SatkerProfile, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'institutionKind') return KIND_WORDS[String(value)] ?? String(value);
  if (field === 'tasks' || field === 'functions') return listed(value as string[]);
  if (field === 'staff') return staffText(value as SatkerStaffTable);
  return String(value);
}

/** One change per subbagian whose duties were added, changed or removed. */
function subbagianChanges(before: readonly SatkerSubbagianDuties[], after: readonly SatkerSubbagianDuties[]): AuditChange[] {
  const was = new Map(before.map((s) => [s.code, s.duties]));
  const is = new Map(after.map((s) => [s.code, s.duties]));
  const codes = [...new Set([...is.keys(), ...was.keys()])];
  return codes
    .filter((code) => JSON.stringify(was.get(code) ?? []) !== JSON.stringify(is.get(code) ?? []))
    .map((code) => ({ indicatorCode: null, indicatorName: null, field: `tugas subbagian ${code}`, before: listed(was.get(code)), after: listed(is.get(code)) }));
}

/**
 * `SatkerProfileChanged`: which fields of the office's LKj profile changed, each with its value
 * before (remembered from the office's earlier profile changes; none before the first) and after.
 */
export function describeSatkerProfileChange(
  event: RecordedEvent,
  state: AuditTrailState,
  data: { code: string; version: number; changes: Partial<SatkerProfile> },
): { summary: string; changes: AuditChange[] } {
  const known = state.recall<Partial<SatkerProfile>>(event.tenantId, event.streamId, 'profile') ?? {};
  state.remember(event.tenantId, event.streamId, 'profile', { ...known, ...data.changes });
  const changes: AuditChange[] = [];
  for (const [field, words] of Object.entries(PROFILE_WORDS) as Array<[keyof SatkerProfile, string]>) {
    if (!(field in data.changes)) continue;
    const before = field === 'institutionKind' ? (known.institutionKind ?? 'KPU') : known[field];
    changes.push({ indicatorCode: null, indicatorName: null, field: words, before: valueText(field, before), after: valueText(field, data.changes[field]) });
  }
  if (data.changes.subbagian !== undefined) changes.push(...subbagianChanges(known.subbagian ?? [], data.changes.subbagian));
  const named = changes.map((c) => c.field);
  return {
    summary: `Mengubah profil satker ${data.code} untuk Laporan Kinerja (versi ${data.version})${named.length > 0 ? `: ${named.join(', ')}` : ''}.`,
    changes,
  };
}
