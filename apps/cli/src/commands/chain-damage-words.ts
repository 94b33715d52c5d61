import { DAMAGE_WORDS } from '@kinerja/projections/audit-trail/integrity.events';
import type { RecordedAlert } from '@kinerja/projections/audit-trail/integrity.service';

/** How the output names the alert damage was filed under: written now, or still open from an earlier run. */
export function alertWords(alert: RecordedAlert): string {
  return alert.recorded
    ? `dicatat sebagai peringatan integritas #${alert.id}`
    : `sudah tercatat sebagai peringatan integritas #${alert.id} yang masih terbuka (tidak dicatat ulang)`;
}

/**
 * The first broken link in the words of the banner and the trail: "putus pada urutan 7: peristiwa
 * 1b2c… diubah — isi peristiwa tidak cocok dengan hash-nya". The verifier's kind (`modified`) stays
 * in `--json` (`brokenLink.kind`), for programs.
 */
export function brokenLinkWords(satker: string, b: { sequence: number; eventId: string | null; kind: string; detail: string }): string {
  const event = b.eventId === null ? 'peristiwa' : `peristiwa ${b.eventId}`;
  return `rantai ${satker} putus pada urutan ${b.sequence}: ${event} ${DAMAGE_WORDS[b.kind] ?? b.kind} — ${b.detail}`;
}

/**
 * What `projections:rebuild` says of an office whose chain is broken: the read models are rebuilt
 * from the log as it is, so the office's figures now include the damaged event; what to do next.
 */
export function rebuildDamageWarning(satker: string, b: { sequence: number; eventId: string | null; kind: string; detail: string }, alert: RecordedAlert): string {
  return `PERINGATAN: ${brokenLinkWords(satker, b)}; ${alertWords(alert)}. `
    + `Proyeksi tetap dibangun ulang dari log apa adanya, sehingga angka satker ${satker} (Tabel 3.2, matriks, jejak audit) memuat peristiwa yang rusak `
    + `dan tidak dapat dipercaya; LKj satker ini tidak dibuat selama peringatan terbuka. `
    + `Periksa dengan npm run cli -- audit:verify --satker ${satker}, pulihkan baris peristiwa dari cadangan, jalankan projections:rebuild lagi, `
    + `lalu Inspektorat menutup peringatan #${alert.id} (Jejak Audit → Peringatan).`;
}
