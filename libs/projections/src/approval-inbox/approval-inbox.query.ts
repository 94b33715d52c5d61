import { DataSource } from 'typeorm';
import { APPROVAL_INBOX_TABLE } from './approval-inbox.projection';

export interface InboxItem {
  satker: string;
  year: number;
  month: number;
  subbagian: string;
  streamId: string;
  revision: number;
  resubmission: boolean;
  submittedBy: string;
  submittedAt: string;
}

interface InboxRow {
  satker: string;
  year: number;
  month: number;
  subbagian: string;
  stream_id: string;
  revision: number;
  resubmission: boolean;
  submitted_by: string;
  submitted_at: Date;
}

/** Reads the Sekretaris's approval inbox: reports waiting, oldest first. */
export class ApprovalInboxQuery {
  constructor(private readonly dataSource: DataSource) {}

  async waiting(satker: string, options: { limit?: number } = {}): Promise<InboxItem[]> {
    const rows: InboxRow[] = await this.dataSource.query(
      `SELECT satker, year, month, subbagian, stream_id, revision, resubmission, submitted_by, submitted_at
         FROM ${APPROVAL_INBOX_TABLE} WHERE satker = $1
        ORDER BY submitted_at, year, month, subbagian LIMIT $2`,
      [satker, options.limit ?? 500],
    );
    return rows.map((r) => ({
      satker: r.satker, year: r.year, month: Number(r.month), subbagian: r.subbagian, streamId: r.stream_id,
      revision: r.revision, resubmission: r.resubmission, submittedBy: r.submitted_by, submittedAt: new Date(r.submitted_at).toISOString(),
    }));
  }

  /** Every office with something waiting and since when (the reminder digest). */
  async officesWaiting(): Promise<Array<{ satker: string; count: number; oldestSubmittedAt: string }>> {
    const rows: Array<{ satker: string; count: string; oldest: Date }> = await this.dataSource.query(
      `SELECT satker, count(*) AS count, min(submitted_at) AS oldest FROM ${APPROVAL_INBOX_TABLE} GROUP BY satker ORDER BY satker`,
    );
    return rows.map((r) => ({ satker: r.satker, count: Number(r.count), oldestSubmittedAt: new Date(r.oldest).toISOString() }));
  }
}
