import type { DataSource, EntityManager } from 'typeorm';
import { jobId } from '../../queues';

/** A dispensasi to announce now: the office, the `ReportDeadlineExtended` event, the job's id. */
export interface DispensasiIntent {
  satker: string;
  eventId: string;
  jobId: string;
}

export function dispensasiJobId(satker: string, eventId: string): string {
  return jobId('dispensasi', satker, eventId);
}

/**
 * The outbox of prompt dispensasi notices, as `LkjOutbox` is the LKj's: a row is written in the
 * transaction that moves the process manager's checkpoint past the grant, so a job lost between that
 * commit and the enqueue (worker killed, Redis away) is enqueued again from here.
 */
export class DispensasiOutbox {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, satker: string, eventId: string, at: Date): Promise<DispensasiIntent> {
    const intent = { satker, eventId, jobId: dispensasiJobId(satker, eventId) };
    await manager.query(
      `INSERT INTO dispensasi_outbox (satker_code, event_id, job_id, requested_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (satker_code, event_id) DO NOTHING`,
      [satker, eventId, intent.jobId, at],
    );
    return intent;
  }

  async markEnqueued(intents: readonly DispensasiIntent[], at: Date): Promise<void> {
    if (intents.length === 0) return;
    await this.dataSource.query(
      `UPDATE dispensasi_outbox SET enqueued_at = coalesce(enqueued_at, $3)
        WHERE (satker_code, event_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
      [intents.map((i) => i.satker), intents.map((i) => i.eventId), at],
    );
  }

  async markAnnounced(satker: string, eventId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE dispensasi_outbox SET announced_at = coalesce(announced_at, $3) WHERE satker_code = $1 AND event_id = $2`,
      [satker, eventId, at],
    );
  }

  /** Grants whose job never reached the queue (the worker died after the commit, Redis was away), oldest first. */
  notEnqueued(limit = 1000): Promise<DispensasiIntent[]> {
    return this.select('enqueued_at IS NULL AND announced_at IS NULL', limit);
  }

  /** Every grant whose job has not run yet, oldest first. */
  pending(limit = 10_000): Promise<DispensasiIntent[]> {
    return this.select('announced_at IS NULL', limit);
  }

  private async select(where: string, limit: number): Promise<DispensasiIntent[]> {
    const rows: Array<{ satker_code: string; event_id: string; job_id: string }> = await this.dataSource.query(
      `SELECT satker_code, event_id, job_id FROM dispensasi_outbox WHERE ${where} ORDER BY requested_at, satker_code, event_id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ satker: r.satker_code, eventId: r.event_id, jobId: r.job_id }));
  }
}
