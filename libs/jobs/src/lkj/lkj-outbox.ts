import type { DataSource, EntityManager } from 'typeorm';
import { jobId } from '../queues';

export interface LkjIntent {
  satker: string;
  year: number;
  version: number;
  jobId: string;
  draft: boolean;
}

export function lkjJobId(satker: string, year: number, version: number): string {
  return jobId('lkj', satker, year, `v${version}`);
}

/**
 * The outbox of LKj jobs: a row is written in the transaction that appends `LkjRequested`, so an
 * enqueue lost after commit (Redis down, process killed) is found again by the reconciliation.
 */
export class LkjOutbox {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, satker: string, year: number, version: number, draft: boolean, at: Date): Promise<LkjIntent> {
    const intent: LkjIntent = { satker, year, version, draft, jobId: lkjJobId(satker, year, version) };
    await manager.query(
      `INSERT INTO lkj_outbox (satker_code, year, version, job_id, draft, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (satker_code, year, version) DO NOTHING`,
      [satker, year, version, intent.jobId, draft, at],
    );
    return intent;
  }

  async markEnqueued(intents: readonly LkjIntent[], at: Date): Promise<void> {
    for (const i of intents) {
      await this.dataSource.query(
        `UPDATE lkj_outbox SET enqueued_at = coalesce(enqueued_at, $4) WHERE satker_code = $1 AND year = $2 AND version = $3`,
        [i.satker, i.year, i.version, at],
      );
    }
  }

  async markProduced(manager: EntityManager | DataSource, satker: string, year: number, version: number, at: Date): Promise<void> {
    await manager.query(
      `UPDATE lkj_outbox SET produced_at = coalesce(produced_at, $4) WHERE satker_code = $1 AND year = $2 AND version = $3`,
      [satker, year, version, at],
    );
  }

  /** Versions asked for whose job never reached the queue (Redis was away), oldest first. */
  async notEnqueued(limit = 1000): Promise<LkjIntent[]> {
    return this.select('enqueued_at IS NULL AND produced_at IS NULL', limit);
  }

  /** Every version asked for and not produced yet, oldest first. */
  async pending(limit = 10_000): Promise<LkjIntent[]> {
    return this.select('produced_at IS NULL', limit);
  }

  /** The office's versions asked for and not produced yet, oldest first (`manager`: in the caller's transaction). */
  async pendingOf(satker: string, manager: EntityManager | DataSource = this.dataSource): Promise<LkjIntent[]> {
    return this.select('produced_at IS NULL AND satker_code = $2', 10_000, [satker], manager);
  }

  private async select(where: string, limit: number, parameters: unknown[] = [], db: EntityManager | DataSource = this.dataSource): Promise<LkjIntent[]> {
    const rows: Array<{ satker_code: string; year: number; version: number; job_id: string; draft: boolean }> = await db.query(
      `SELECT satker_code, year, version, job_id, draft FROM lkj_outbox WHERE ${where}
        ORDER BY requested_at, satker_code, year, version LIMIT $1`,
      [limit, ...parameters],
    );
    return rows.map((r) => ({ satker: r.satker_code, year: Number(r.year), version: Number(r.version), jobId: r.job_id, draft: r.draft }));
  }
}
