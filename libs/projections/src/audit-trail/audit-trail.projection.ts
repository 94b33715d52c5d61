import type { EntityManager } from 'typeorm';
import type { GlobalEvent } from '@kinerja/event-store';
import { type Projection, type ProjectionContext, truncateTables } from '../runner/projection';
import type { AuditFigureRow, AuditTrailRow } from './audit-trail.types';
import { copyAuditBatch } from './audit-trail.copy';
import { loadAuditState, saveAuditBatch } from './audit-trail.store';
import { describeEvent } from './describe-event';

/** The tables the audit trail owns (created by the audit-trail migration), emptied by a rebuild. */
export const AUDIT_TRAIL_TABLES = [
  'audit_trail', 'audit_trail_figure', 'audit_trail_actor', 'audit_trail_indicator', 'audit_trail_stream_state',
] as const;

/**
 * The audit trail follows the global log: every event of every office becomes one row in words.
 * A batch costs three reads and at most five writes, all in the runner's transaction (which also
 * saves the checkpoint, so nothing is skipped or applied twice); a rebuild writes the rows with COPY. Rows depend only on the log:
 * names come from identity events, not from the users table, so a rebuild equals the live trail.
 */
export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  /**
   * 2: every event type has words (LKj, last year's capaian, reminders); a PK change lists every
   * property it changed; identity changes say the value before. The state tables keep their shape
   * (the new memory lives in audit_trail_stream_state), so the worker's rebuild at start-up is all it takes.
   * 3: submitting, approving and returning a monthly report show its figures against the values
   * last approved ("kosong → 1" before the first approval, not "1 → 1"); the rebuild rewrites the
   * rows already stored.
   * 4: submitting, approving, returning and reopening a monthly report name the PK version its
   * lines were saved against (only the save did; the CSV's versi_pk was empty on approvals).
   * 5: a change of an office's deadline day says from which report month it applies (a change
   * never moves a deadline already passed); the history is kept under `deadlineDays` in the
   * office's identity stream state.
   * 6: a save of a monthly report tells its budget lines, texts (uraian, kendala, solusi) and bukti
   * dukung from what the save before it held (budget "before" was always kosong, text changes were
   * not told), and a line or budget line it removed (→ kosong); kept under `saved` in the report's
   * stream state. The rebuild rewrites the rows already stored.
   * 7: identity changes carry the administrator's reason (`alasan`); their fields and values read
   * in Indonesian (nama lengkap, peran "Sekretaris", zona waktu "WITA (Asia/Makassar)"); a new
   * account lists what it starts with, its e-mail address too; a PK's polaritas and agregasi read
   * in words and its rumus capaian shows only where lower is better. No state changes shape.
   * 8: a save of a monthly report no longer tells a line saved blank where there was no value before
   * (a first save, a line added) as "kosong → kosong", nor writes a figure row for it: only what
   * changed. No state changes shape; the rebuild rewrites the rows already stored.
   * 9: moments and figures as an Indonesian reader reads them: an integrity alert's closing says when
   * the damage was detected on the office's clock ("8 Desember 2026 00.38 WIB", not a UTC instant),
   * a dispensasi's changes name the deadlines in words, an import of last year's capaian writes them
   * as the LKj ("100,00%"); rows of Kinerja itself and of seed:demo name their actor ("Sistem
   * Kinerja", "Seed demo"). No state changes shape; the rebuild rewrites the rows already stored.
   * 10: a monthly report's summary writes its figures and budget as the LKj does ("K1.1 1,5 → 2",
   * "anggaran K1 Rp 12.000.000 → Rp 10.000.000"); `changes` keep the typed values. No state changes shape.
   * 11: withdrawing a PK Perubahan that the Ketua had returned says "setelah dikembalikan", not
   * "sebelum diajukan"; the PK stream's state remembers the version last returned (`returnedVersion`).
   * The rebuild rewrites the rows already stored.
   * 12: last year's capaian imported by seed:demo under its earlier actor id `system:seed` is named
   * "Seed demo" (`seed-demo`), as the seed's other rows, not "Sistem Kinerja". No state changes shape.
   * 13: a monthly report's save lists no uraian, kendala or solusi whose change was only white space
   * nobody reads (compared as `textAsRead`); such a save alone says "tidak ada isi yang berubah". The
   * rebuild rewrites the rows already stored. No state changes shape.
   * 14: each row tells when its event says it happened (`occurred_at`, from its `approvedAt`,
   * `submittedAt` … : the 2024 approvals seed:demo loads are dated 2024, not the day it ran) and which
   * program recorded it on the actor's behalf (`loaded_by`, `seed:demo`, from the event's metadata);
   * every PK version after the first is named "PK Perubahan" as the notices name it ("Mengajukan PK
   * Perubahan 2026 versi 2 untuk disetujui."). New columns (migration AuditTrailOccurredAt); the
   * rebuild fills them for the rows already stored. No state changes shape.
   * 15: an approval digest some recipients read in a copy of their own (a Sekretaris's without the
   * reports they submitted, the Ketua's with those no Sekretaris may approve) names each copy: who
   * read which reports and why (rows "salinan", a sentence in the summary). No state changes shape.
   */
  readonly version = 15;
  readonly tables = AUDIT_TRAIL_TABLES;
  readonly rebuildAppendOnly = ['audit_trail', 'audit_trail_figure'];

  async apply(events: readonly GlobalEvent[], manager: EntityManager, context: ProjectionContext): Promise<void> {
    if (events.length === 0) return;
    const t = (name: string) => context.table(name);
    const state = await loadAuditState(manager, events, t);
    if (context.rebuilding) return copyAuditBatch(manager, events, state, t);
    const rows: AuditTrailRow[] = [];
    const figures: AuditFigureRow[] = [];
    for (const event of events) {
      const described = describeEvent(event, state);
      rows.push(described.row);
      figures.push(...described.figures);
    }
    await saveAuditBatch(manager, rows, figures, state, t);
  }

  reset(manager: EntityManager, context: ProjectionContext): Promise<void> {
    return truncateTables(this, manager, context);
  }
}
