import { formatDateId, type HariLibur, type HariLiburKind } from '@kinerja/domain';
import type { HariLiburChangedData, HariLiburEntryChange } from '@kinerja/identity/events/identity.events';
import type { AuditChange } from './audit-trail.types';

const KIND_WORDS: Readonly<Record<HariLiburKind, string>> = { LIBUR_NASIONAL: 'libur nasional', CUTI_BERSAMA: 'cuti bersama' };

const kind = (k: HariLiburKind): string => KIND_WORDS[k] ?? k;

/** "17 Agustus 2026 (Hari Kemerdekaan RI, libur nasional)". */
function day(h: HariLibur): string {
  return `${formatDateId(h.date)} (${entry(h)})`;
}

function entry(h: { name: string; kind: HariLiburKind }): string {
  return `${h.name}, ${kind(h.kind)}`;
}

/** Only what differs: "nama Hari Natal → Hari Raya Natal", "jenis libur nasional → cuti bersama". */
function altered(c: HariLiburEntryChange): string {
  const parts = [
    ...(c.before.name === c.after.name ? [] : [`nama ${c.before.name} → ${c.after.name}`]),
    ...(c.before.kind === c.after.kind ? [] : [`jenis ${kind(c.before.kind)} → ${kind(c.after.kind)}`]),
  ];
  return `${formatDateId(c.date)} (${parts.join(', ')})`;
}

/**
 * A year's holiday calendar changed, as the Inspektorat reads it: "Hari libur tahun 2026 diubah (versi 3):
 * ditambah 17 Agustus 2026 (Hari Kemerdekaan RI, libur nasional); dihapus …; diubah …". The first list
 * of a year is "ditetapkan". Each date is also a change row ("hari libur 17 Agustus 2026", kosong → …).
 */
export function describeHariLiburChange(d: HariLiburChangedData): { summary: string; changes: AuditChange[] } {
  const parts = [
    d.added.length > 0 ? `ditambah ${d.added.map(day).join(', ')}` : null,
    d.removed.length > 0 ? `dihapus ${d.removed.map(day).join(', ')}` : null,
    d.changed.length > 0 ? `diubah ${d.changed.map(altered).join(', ')}` : null,
  ].filter((p): p is string => p !== null);
  const verb = d.version === 1 ? 'ditetapkan' : 'diubah';
  const row = (date: string, before: string | null, after: string | null): AuditChange => ({
    indicatorCode: null, indicatorName: null, field: `hari libur ${formatDateId(date)}`, before, after,
  });
  const changes = [
    ...d.added.map((h) => ({ date: h.date, change: row(h.date, null, entry(h)) })),
    ...d.removed.map((h) => ({ date: h.date, change: row(h.date, entry(h), null) })),
    ...d.changed.map((c) => ({ date: c.date, change: row(c.date, entry(c.before), entry(c.after)) })),
  ].sort((a, b) => a.date.localeCompare(b.date)).map((c) => c.change);
  return { summary: `Hari libur tahun ${d.year} ${verb} (versi ${d.version}): ${parts.join('; ')}.`, changes };
}
