import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { EventStore, VerifyResult } from '@kinerja/event-store';

export interface IntegrityAlert {
  id: number;
  detectedAt: string;
  source: string;
  brokenSequence: number | null;
  brokenEventId: string | null;
  kind: string;
  detail: string;
  detectedBy: string | null;
}

/** Shown at the top of every audit response: loud when any damage was ever detected for the office. */
export interface IntegrityBanner {
  status: 'OK' | 'DAMAGED';
  /** In Bahasa Indonesia; null when nothing was detected. */
  message: string | null;
  alerts: IntegrityAlert[];
}

export type DamageReport = { kind: string; sequence: number | null; eventId: string | null; detail: string };

function toAlert(r: Record<string, unknown>): IntegrityAlert {
  return {
    id: Number(r.id), detectedAt: new Date(r.detected_at as string).toISOString(), source: r.source as string,
    brokenSequence: r.broken_sequence === null ? null : Number(r.broken_sequence), brokenEventId: r.broken_event_id as string | null,
    kind: r.kind as string, detail: r.detail as string, detectedBy: r.detected_by as string | null,
  };
}

const KIND_WORDS: Record<string, string> = {
  modified: 'diubah', deleted: 'dihapus', inserted: 'disisipkan', reordered: 'ditukar urutannya', digest_mismatch: 'ditulis ulang (tidak cocok dengan digest bertanda tangan)',
};

/**
 * Runs the chain verification of an office and records what it finds. A damaged chain is written
 * to `integrity_alerts`, a table outside the chain (damage to the events cannot hide it), and logged
 * at error level. Alerts are never cleared by a later clean run: restoring the rows does not undo
 * the fact that someone changed them.
 */
export class IntegrityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStore: Pick<EventStore, 'verify'>,
    private readonly logger: Logger,
  ) {}

  async verify(satker: string, source: string, detectedBy: string | null): Promise<VerifyResult> {
    const result = await this.eventStore.verify(satker);
    if (!result.intact) {
      const b = result.brokenLink;
      await this.recordDamage(satker, source, detectedBy, { kind: b.kind, sequence: b.sequence, eventId: b.eventId, detail: b.detail });
    }
    return result;
  }

  async recordDamage(satker: string, source: string, detectedBy: string | null, damage: DamageReport): Promise<void> {
    this.logger.error({ satker, source, detectedBy, ...damage }, 'Integrity chain of the office is damaged');
    await this.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, broken_sequence, broken_event_id, kind, detail, detected_by)
       VALUES ($1, now(), $2, $3, $4, $5, $6, $7)`,
      [satker, source, damage.sequence, damage.eventId, damage.kind, damage.detail, detectedBy],
    );
  }

  async banner(satker: string): Promise<IntegrityBanner> {
    const rows = await this.dataSource.query(
      `SELECT id, detected_at, source, broken_sequence, broken_event_id, kind, detail, detected_by
         FROM integrity_alerts WHERE satker_code = $1 AND resolved_at IS NULL ORDER BY detected_at DESC, id DESC LIMIT 20`,
      [satker],
    );
    const alerts: IntegrityAlert[] = rows.map(toAlert);
    if (alerts.length === 0) return { status: 'OK', message: null, alerts };
    const last = alerts[0];
    const where = last.brokenSequence === null ? '' : ` pada urutan ${last.brokenSequence}`;
    return {
      status: 'DAMAGED',
      message: `PERINGATAN: rantai integritas jejak audit satker ${satker} rusak — peristiwa ${KIND_WORDS[last.kind] ?? last.kind}${where} (terdeteksi ${last.detectedAt}). Data audit tidak dapat dipercaya sampai diperiksa.`,
      alerts,
    };
  }

  /**
   * The banner over several offices: loud when any of them has an open alert, naming each one.
   * Alerts carry their office (`satker`); the newest twenty across the offices are listed.
   */
  async bannerAcross(satkers: string[]): Promise<IntegrityBanner & { damagedOffices: string[] }> {
    const rows = await this.dataSource.query(
      `WITH open AS (
         SELECT satker_code, id, detected_at, source, broken_sequence, broken_event_id, kind, detail, detected_by
           FROM integrity_alerts WHERE satker_code = ANY($1::text[]) AND resolved_at IS NULL
       )
       SELECT o.*, (SELECT array_agg(DISTINCT satker_code) FROM open) AS damaged
         FROM open o ORDER BY o.detected_at DESC, o.id DESC LIMIT 20`,
      [satkers],
    );
    if (rows.length === 0) return { status: 'OK', message: null, alerts: [], damagedOffices: [] };
    const alerts = rows.map((r: Record<string, unknown>) => ({ satker: r.satker_code as string, ...toAlert(r) }));
    const damagedOffices = [...(rows[0].damaged as string[])].sort();
    return {
      status: 'DAMAGED',
      message: `PERINGATAN: rantai integritas jejak audit rusak pada ${damagedOffices.length} satker (${damagedOffices.join(', ')}). Data audit satker tersebut tidak dapat dipercaya sampai diperiksa.`,
      alerts,
      damagedOffices,
    };
  }

  /** Offices with an open alert, for `/health`. */
  async damagedOffices(): Promise<string[]> {
    const rows = await this.dataSource.query(`SELECT DISTINCT satker_code FROM integrity_alerts WHERE resolved_at IS NULL ORDER BY satker_code LIMIT 100`);
    return rows.map((r: { satker_code: string }) => r.satker_code);
  }
}
