import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { hashEnvelope } from './event-envelope';
import { EventStore } from './event-store';
import { RecordedEvent } from './event-store.types';

/**
 * An attacker with superuser rights: triggers off (session_replication_role = replica), rows
 * edited, deleted, forged, swapped. Each tamper gets an office of its own with six events.
 */
describe('EventStore.verify against a superuser who edits rows (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let attacker: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    attacker = new Client({ connectionString: db.url });
    await attacker.connect();
    await attacker.query('SET session_replication_role = replica');
  });
  afterAll(async () => {
    await attacker?.end();
    await db?.drop();
  });

  async function office(tenantId: string): Promise<RecordedEvent[]> {
    const meta = { tenantId, actorId: 'u-1', actorRole: 'KASUBBAG', correlationId: randomUUID() };
    const events: RecordedEvent[] = [];
    for (let i = 0; i < 3; i += 1) {
      for (const stream of ['realisasi:a', 'realisasi:b']) {
        const version = i === 0 ? 'no-stream' : i - 1;
        const result = await store.append(`${stream}:${tenantId}`, version, [{ type: 'RealisasiSubmitted', data: { nilai: `${i}.5`, i } }], meta);
        events.push(...result.events);
      }
    }
    expect(await store.verify(tenantId)).toMatchObject({ intact: true, head: { sequence: 6, count: 6 } });
    return events;
  }

  const forgedHash = (row: RecordedEvent, overrides: Partial<RecordedEvent>) => {
    const e = { ...row, ...overrides };
    return hashEnvelope({
      eventId: e.eventId, streamId: e.streamId, streamVersion: e.streamVersion, tenantId: e.tenantId,
      tenantSequence: e.tenantSequence, type: e.type, schemaVersion: e.schemaVersion, data: e.data,
      metadata: e.metadata as never, recordedAt: e.recordedAt.toISOString(), previousHash: e.previousHash,
    });
  };

  it('reports an intact chain with its head, equal to the chain head row', async () => {
    const events = await office('kpu-intact');
    expect(await store.verify('kpu-intact', { batchSize: 2 })).toEqual({
      intact: true, tenantId: 'kpu-intact', head: { sequence: 6, hash: events[5].hash, count: 6 },
    });
    expect(await store.headOf('kpu-intact')).toEqual({ sequence: 6, hash: events[5].hash });
    expect(await store.verify('kpu-none')).toEqual({ intact: true, tenantId: 'kpu-none', head: { sequence: 0, hash: '0'.repeat(64), count: 0 } });
  });

  it('names a modified field', async () => {
    const events = await office('kpu-mod');
    await attacker.query(`UPDATE events SET data = jsonb_set(data, '{nilai}', '"99.5"') WHERE tenant_id = 'kpu-mod' AND tenant_sequence = 3`);
    expect(await store.verify('kpu-mod')).toMatchObject({ intact: false, brokenLink: { sequence: 3, eventId: events[2].eventId, kind: 'modified' } });
  });

  it('names a modified event whose hash was recomputed too', async () => {
    const events = await office('kpu-rehash');
    const data = { nilai: '99.5', i: 1 };
    await attacker.query(`UPDATE events SET data = $1, hash = $2 WHERE tenant_id = 'kpu-rehash' AND tenant_sequence = 3`, [data, forgedHash(events[2], { data })]);
    expect(await store.verify('kpu-rehash')).toMatchObject({ intact: false, brokenLink: { sequence: 3, eventId: events[2].eventId, kind: 'modified' } });
  });

  it('names a sub-millisecond change of the recorded time', async () => {
    await office('kpu-time');
    await attacker.query(`UPDATE events SET recorded_at = recorded_at + interval '1 microsecond' WHERE tenant_id = 'kpu-time' AND tenant_sequence = 2`);
    expect(await store.verify('kpu-time')).toMatchObject({ intact: false, brokenLink: { sequence: 2, kind: 'modified' } });
  });

  it('names a deleted event', async () => {
    await office('kpu-del');
    await attacker.query(`DELETE FROM events WHERE tenant_id = 'kpu-del' AND tenant_sequence = 3`);
    expect(await store.verify('kpu-del')).toMatchObject({ intact: false, brokenLink: { sequence: 3, eventId: null, kind: 'deleted' } });
  });

  it('names the deletion of the last event, through the chain head row', async () => {
    await office('kpu-del-last');
    await attacker.query(`DELETE FROM events WHERE tenant_id = 'kpu-del-last' AND tenant_sequence = 6`);
    expect(await store.verify('kpu-del-last', { batchSize: 3 })).toMatchObject({ intact: false, brokenLink: { sequence: 6, eventId: null, kind: 'deleted' } });
  });

  it('names a forged event inserted into the middle, linked and hashed like a real one', async () => {
    const events = await office('kpu-ins');
    await attacker.query(`UPDATE events SET tenant_sequence = tenant_sequence + 1000 WHERE tenant_id = 'kpu-ins' AND tenant_sequence >= 3`);
    await attacker.query(`UPDATE events SET tenant_sequence = tenant_sequence - 999 WHERE tenant_id = 'kpu-ins' AND tenant_sequence > 1000`);
    const forgedId = await insertForged('kpu-ins', events[1], 3, 'realisasi:c:kpu-ins');
    expect(await store.verify('kpu-ins', { batchSize: 2 })).toMatchObject({ intact: false, brokenLink: { sequence: 3, eventId: forgedId, kind: 'inserted' } });
  });

  it('names a forged event appended after the head, through the chain head row', async () => {
    const events = await office('kpu-ins-end');
    const forgedId = await insertForged('kpu-ins-end', events[5], 7, 'realisasi:c:kpu-ins-end');
    expect(await store.verify('kpu-ins-end')).toMatchObject({ intact: false, brokenLink: { sequence: 7, eventId: forgedId, kind: 'inserted' } });
  });

  it('names two swapped events', async () => {
    const events = await office('kpu-swap');
    await attacker.query(`UPDATE events SET tenant_sequence = 1003 WHERE tenant_id = 'kpu-swap' AND tenant_sequence = 3`);
    await attacker.query(`UPDATE events SET tenant_sequence = 3 WHERE tenant_id = 'kpu-swap' AND tenant_sequence = 4`);
    await attacker.query(`UPDATE events SET tenant_sequence = 4 WHERE tenant_id = 'kpu-swap' AND tenant_sequence = 1003`);
    expect(await store.verify('kpu-swap', { batchSize: 3 })).toMatchObject({ intact: false, brokenLink: { sequence: 3, eventId: events[3].eventId, kind: 'reordered' } });
  });

  /** A forged event that links to `previous` and carries a correct hash of its own content. */
  async function insertForged(tenantId: string, previous: RecordedEvent, sequence: number, streamId: string): Promise<string> {
    const forged: RecordedEvent = {
      ...previous, eventId: randomUUID(), streamId, streamVersion: 0, tenantSequence: sequence,
      data: { nilai: '100', i: 9 }, previousHash: previous.hash, hash: '',
    };
    forged.hash = forgedHash(forged, {});
    await attacker.query(
      `INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type, schema_version,
                           data, metadata, recorded_at, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [tenantId, sequence, streamId, 0, forged.eventId, forged.type, forged.schemaVersion, forged.data,
        forged.metadata, forged.recordedAt, forged.previousHash, forged.hash],
    );
    return forged.eventId;
  }
});
