import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GENESIS_HASH, hashEnvelope } from '../../libs/event-store/src';
import type { GeneratedEvent } from './office-year';

interface Row {
  tenant: string;
  sequence: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
  previousHash: string;
  hash: string;
}

const INSERT = `
  INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type, schema_version,
                      data, metadata, recorded_at, previous_hash, hash)
  SELECT t, s, st, v, id, ty, 1, d, m, r, p, h
    FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::uuid[], $6::text[],
                $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::text[], $11::text[])
      AS x(t, s, st, v, id, ty, d, m, r, p, h)`;

/**
 * Writes generated events straight into the event table with the chain the append function would
 * have computed (same canonical envelope, same SHA-256), many rows per statement. The next chunk is
 * hashed while the previous one is being inserted. Chain heads are written by `finish()`.
 */
export class ChainWriter {
  private readonly heads = new Map<string, { sequence: number; hash: string; previousHash: string; recordedAt: string }>();
  private pending: Row[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  written = 0;

  constructor(private readonly dataSource: DataSource, private readonly chunk = 4000) {}

  async add(tenant: string, events: readonly GeneratedEvent[]): Promise<void> {
    const head = this.heads.get(tenant) ?? { sequence: 0, hash: GENESIS_HASH, previousHash: GENESIS_HASH, recordedAt: '' };
    for (const e of events) {
      const metadata = { actorId: e.actor.userId, actorRole: e.actor.role, correlationId: randomUUID(), causationId: null, clientAddress: null, userAgent: 'bench:rebuild' };
      const data = JSON.parse(JSON.stringify(e.data));
      const eventId = randomUUID();
      const sequence = head.sequence + 1;
      const hash = hashEnvelope({
        eventId, streamId: e.streamId, streamVersion: e.streamVersion, tenantId: tenant, tenantSequence: sequence,
        type: e.type, schemaVersion: 1, data, metadata, recordedAt: e.at, previousHash: head.hash,
      });
      this.pending.push({
        tenant, sequence, streamId: e.streamId, streamVersion: e.streamVersion, eventId, type: e.type,
        data: JSON.stringify(data), metadata: JSON.stringify(metadata), recordedAt: e.at, previousHash: head.hash, hash,
      });
      head.sequence = sequence;
      head.previousHash = head.hash;
      head.hash = hash;
      head.recordedAt = e.at;
      if (this.pending.length >= this.chunk) await this.flush();
    }
    this.heads.set(tenant, head);
  }

  async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    await this.inFlight;
    if (rows.length === 0) return;
    const column = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
    this.inFlight = this.dataSource.query(INSERT, [
      column('tenant'), column('sequence'), column('streamId'), column('streamVersion'), column('eventId'), column('type'),
      column('data'), column('metadata'), column('recordedAt'), column('previousHash'), column('hash'),
    ]).then(() => {
      this.written += rows.length;
    });
  }

  /** Everything written, and each office's chain head recorded as the append function keeps it. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
    const heads = [...this.heads.entries()];
    await this.dataSource.query(
      `INSERT INTO tenant_chain_heads (tenant_id, sequence, hash, previous_hash, recorded_at)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[])
       ON CONFLICT (tenant_id) DO UPDATE
         SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash, previous_hash = EXCLUDED.previous_hash, recorded_at = EXCLUDED.recorded_at`,
      [heads.map(([t]) => t), heads.map(([, h]) => h.sequence), heads.map(([, h]) => h.hash),
        heads.map(([, h]) => h.previousHash), heads.map(([, h]) => h.recordedAt)],
    );
  }
}
