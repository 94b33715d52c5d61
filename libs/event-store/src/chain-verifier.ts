import { DataSource, QueryRunner } from 'typeorm';
import { ChainEnvelope, GENESIS_HASH, hashEnvelope } from './event-envelope';
import { EventRow } from './event-row';
import { BrokenLinkKind, VerifyResult } from './event-store.types';

const DEFAULT_BATCH = 1000;

/** A stored row as the chain hashed it: the time as text (milliseconds) instead of a Date. */
interface ChainRow extends Omit<EventRow, 'metadata' | 'recorded_at' | 'global_position' | 'transaction_id'> {
  metadata: ChainEnvelope['metadata'];
  recorded_text: string;
  sub_millisecond: boolean;
}

type Broken = { sequence: number; eventId: string | null; kind: BrokenLinkKind; detail: string };

/**
 * Recomputes one tenant's hash chain in sequence order, in batches, inside one read-only
 * REPEATABLE READ snapshot (so the head row and the events agree even while appends go on), and
 * names the first broken link. Rows are hashed as stored, before any upcasting.
 */
export class ChainVerifier {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batchSize = DEFAULT_BATCH,
  ) {}

  async verify(tenantId: string): Promise<VerifyResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await this.walk(runner, tenantId);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async walk(runner: QueryRunner, tenantId: string): Promise<VerifyResult> {
    const head = await readHead(runner, tenantId);
    let expected = 1;
    let previousHash = GENESIS_HASH;
    let beforePrevious: string | null = null;
    let previousEventId: string | null = null;
    let eventAfterHead: string | null = null;
    for (;;) {
      const rows = await readBatch(runner, tenantId, expected - 1, this.batchSize);
      for (const row of rows) {
        const sequence = Number(row.tenant_sequence);
        const broken =
          sequence === expected && row.previous_hash === previousHash && isSelfConsistent(row)
            ? null
            : await classify(runner, row, { expected, previousHash, beforePrevious, previousEventId });
        if (broken) return { intact: false, tenantId, brokenLink: broken };
        if (sequence === head.sequence + 1) eventAfterHead = row.event_id;
        beforePrevious = previousHash;
        previousHash = row.hash;
        previousEventId = row.event_id;
        expected += 1;
      }
      if (rows.length < this.batchSize) break;
    }
    const last = expected - 1;
    const broken = compareWithHead(head, last, previousHash, eventAfterHead);
    if (broken) return { intact: false, tenantId, brokenLink: broken };
    return { intact: true, tenantId, head: { sequence: last, hash: previousHash, count: last } };
  }
}

interface WalkState {
  expected: number;
  previousHash: string;
  beforePrevious: string | null;
  previousEventId: string | null;
}

async function classify(runner: QueryRunner, row: ChainRow, state: WalkState): Promise<Broken> {
  const sequence = Number(row.tenant_sequence);
  const { expected } = state;
  if (sequence > expected) {
    return { sequence: expected, eventId: null, kind: 'deleted', detail: `urutan ${expected} hilang; berikutnya ${sequence}` };
  }
  if (sequence < expected) {
    return { sequence, eventId: row.event_id, kind: 'inserted', detail: `urutan ${sequence} muncul dua kali` };
  }
  const selfConsistent = isSelfConsistent(row);
  if (row.previous_hash === state.previousHash) {
    return { sequence, eventId: row.event_id, kind: 'modified', detail: 'isi peristiwa tidak cocok dengan hash-nya' };
  }
  if (state.beforePrevious !== null && row.previous_hash === state.beforePrevious) {
    return { sequence: sequence - 1, eventId: state.previousEventId, kind: 'inserted', detail: 'peristiwa ini disisipkan ke dalam rantai' };
  }
  if (await laterEventLinksTo(runner, row.tenant_id, state.previousHash, sequence)) {
    return { sequence, eventId: row.event_id, kind: 'reordered', detail: 'penerus sah peristiwa sebelumnya berada di urutan lain' };
  }
  if (!selfConsistent || sequence === 1) {
    return { sequence, eventId: row.event_id, kind: 'modified', detail: 'isi atau tautan peristiwa tidak cocok dengan hash-nya' };
  }
  return {
    sequence: sequence - 1,
    eventId: state.previousEventId,
    kind: 'modified',
    detail: 'peristiwa ditulis ulang beserta hash-nya; penerusnya masih menunjuk hash lama',
  };
}

function compareWithHead(head: { sequence: number; hash: string }, last: number, lastHash: string, eventAfterHead: string | null): Broken | null {
  if (head.sequence > last) {
    return { sequence: last + 1, eventId: null, kind: 'deleted', detail: `kepala rantai mencatat urutan ${head.sequence}, peristiwa terakhir ${last}` };
  }
  if (head.sequence < last) {
    return { sequence: head.sequence + 1, eventId: eventAfterHead, kind: 'inserted', detail: `peristiwa melewati kepala rantai (urutan ${head.sequence})` };
  }
  if (head.hash !== lastHash) {
    return { sequence: last, eventId: null, kind: 'modified', detail: 'hash kepala rantai tidak cocok dengan peristiwa terakhir' };
  }
  return null;
}

function isSelfConsistent(row: ChainRow): boolean {
  if (row.sub_millisecond) return false;
  const envelope: ChainEnvelope = {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    tenantId: row.tenant_id,
    tenantSequence: Number(row.tenant_sequence),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_text,
    previousHash: row.previous_hash,
  };
  return hashEnvelope(envelope) === row.hash;
}

async function readHead(runner: QueryRunner, tenantId: string): Promise<{ sequence: number; hash: string }> {
  const rows: Array<{ sequence: string; hash: string }> = await runner.query(
    'SELECT sequence, hash FROM tenant_chain_heads WHERE tenant_id = $1',
    [tenantId],
  );
  return rows.length === 0 ? { sequence: 0, hash: GENESIS_HASH } : { sequence: Number(rows[0].sequence), hash: rows[0].hash };
}

function readBatch(runner: QueryRunner, tenantId: string, afterSequence: number, limit: number): Promise<ChainRow[]> {
  return runner.query(
    `SELECT tenant_id, tenant_sequence, stream_id, stream_version, event_id, type, schema_version, data, metadata,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_text,
            recorded_at <> date_trunc('milliseconds', recorded_at) AS sub_millisecond,
            previous_hash, hash
       FROM events
      WHERE tenant_id = $1 AND tenant_sequence > $2
      ORDER BY tenant_sequence
      LIMIT $3`,
    [tenantId, afterSequence, limit],
  );
}

async function laterEventLinksTo(runner: QueryRunner, tenantId: string, hash: string, afterSequence: number): Promise<boolean> {
  const rows = await runner.query(
    'SELECT 1 FROM events WHERE tenant_id = $1 AND previous_hash = $2 AND tenant_sequence > $3 LIMIT 1',
    [tenantId, hash, afterSequence],
  );
  return rows.length > 0;
}
