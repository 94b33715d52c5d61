import type { DataSource, EntityManager } from 'typeorm';
import { jobId } from '../../queues';

/** A note's event to announce: the office reviewed, the note's stream, the event, the job's id. */
export interface CatatanReviuNoticeIntent {
  satker: string;
  streamId: string;
  eventId: string;
  jobId: string;
}

export function catatanReviuNoticeJobId(satker: string, eventId: string): string {
  return jobId('catatan-reviu', satker, eventId);
}

/**
 * The outbox of catatan reviu notices, as `DispensasiOutbox` is the dispensasi's: a row is written
 * in the transaction that moves the process manager's checkpoint past the event, so a job lost
 * between that commit and the enqueue is enqueued again from here.
 */
export class CatatanReviuNoticeOutbox {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, satker: string, streamId: string, eventId: string, at: Date): Promise<CatatanReviuNoticeIntent> {
    const intent = { satker, streamId, eventId, jobId: catatanReviuNoticeJobId(satker, eventId) };
    await manager.query(
      `INSERT INTO catatan_reviu_notice_outbox (satker_code, event_id, stream_id, job_id, requested_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (satker_code, event_id) DO NOTHING`,
      [satker, eventId, streamId, intent.jobId, at],
    );
    return intent;
  }

  async markEnqueued(intents: readonly CatatanReviuNoticeIntent[], at: Date): Promise<void> {
    if (intents.length === 0) return;
    await this.dataSource.query(
      `UPDATE catatan_reviu_notice_outbox SET enqueued_at = coalesce(enqueued_at, $3)
        WHERE (satker_code, event_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
      [intents.map((i) => i.satker), intents.map((i) => i.eventId), at],
    );
  }

  async markEnqueuedAgain(intents: readonly CatatanReviuNoticeIntent[], at: Date): Promise<void> {
    if (intents.length === 0) return;
    await this.dataSource.query(
      `UPDATE catatan_reviu_notice_outbox SET enqueued_at = $3
        WHERE (satker_code, event_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[])) AND announced_at IS NULL`,
      [intents.map((i) => i.satker), intents.map((i) => i.eventId), at],
    );
  }

  async markAnnounced(satker: string, eventId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE catatan_reviu_notice_outbox SET announced_at = coalesce(announced_at, $3) WHERE satker_code = $1 AND event_id = $2`,
      [satker, eventId, at],
    );
  }

  /** Events whose job never reached the queue (the worker died after the commit, Redis was away), oldest first. */
  notEnqueued(limit = 1000): Promise<CatatanReviuNoticeIntent[]> {
    return this.select('enqueued_at IS NULL AND announced_at IS NULL', [], limit);
  }

  /** Events enqueued before `before` whose job has not run: Redis may have lost it (enqueueing again adds nothing if not). */
  stale(before: Date, limit = 1000): Promise<CatatanReviuNoticeIntent[]> {
    return this.select('announced_at IS NULL AND enqueued_at < $2', [before], limit);
  }

  /** Every event whose job has not run yet, oldest first. */
  pending(limit = 10_000): Promise<CatatanReviuNoticeIntent[]> {
    return this.select('announced_at IS NULL', [], limit);
  }

  private async select(where: string, params: unknown[], limit: number): Promise<CatatanReviuNoticeIntent[]> {
    const rows: Array<{ satker_code: string; stream_id: string; event_id: string; job_id: string }> = await this.dataSource.query(
      `SELECT satker_code, stream_id, event_id, job_id FROM catatan_reviu_notice_outbox WHERE ${where}
        ORDER BY requested_at, satker_code, event_id LIMIT $1`,
      [limit, ...params],
    );
    return rows.map((r) => ({ satker: r.satker_code, streamId: r.stream_id, eventId: r.event_id, jobId: r.job_id }));
  }
}
