import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { EventStore, hashEnvelope, type ChainEnvelope } from '@kinerja/event-store';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { appendOfficeHistory } from '@kinerja/projections/audit-trail/audit-trail.fixture';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ChainDigestService, checkDatabaseAgainstDigest } from './chain-digest.service';
import { keyIdOf } from './chain-digest';

/**
 * Each case tampers with one office's events the way a database superuser could (triggers off,
 * rows edited by SQL) and checks that verification names the damage, records an alert and raises
 * the banner; the last rewrites history and recomputes every hash, which only the digest catches.
 */
describe('integrity: tampering through SQL is caught', () => {
  let db: TestDatabase;
  let store: EventStore;
  let integrity: IntegrityService;
  let digests: ChainDigestService;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    integrity = new IntegrityService(db.dataSource, store, logger);
    digests = new ChainDigestService(db.dataSource, integrity, key);
    for (const office of ['ok', 'changed', 'deleted', 'forged', 'swapped', 'rewritten', 'restored']) await appendOfficeHistory(store, `kpu-${office}`);
  });
  afterAll(() => db.drop());

  async function tamper(sql: string, params: unknown[]): Promise<void> {
    await db.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(sql, params);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
  }

  async function expectCaught(satker: string, kind: string) {
    const result = await integrity.verify(satker, 'test', 'u-insp');
    expect(result.intact).toBe(false);
    if (!result.intact) expect(result.brokenLink.kind).toBe(kind);
    const banner = await integrity.banner(satker);
    expect(banner.status).toBe('DAMAGED');
    expect(banner.message).toContain('PERINGATAN');
    expect(banner.alerts[0]).toMatchObject({ kind, source: 'test', detectedBy: 'u-insp' });
  }

  it('an intact office verifies, raises no banner and gets one signed digest per day', async () => {
    const result = await integrity.verify('kpu-ok', 'test', null);
    expect(result.intact).toBe(true);
    expect((await integrity.banner('kpu-ok')).status).toBe('OK');
    const now = new Date('2026-03-01T17:05:00Z');
    expect(await digests.record('kpu-ok', now)).toBe('recorded');
    expect(await digests.record('kpu-ok', now)).toBe('already-recorded');
    const [summary] = await digests.list('kpu-ok');
    expect(summary).toMatchObject({ day: '2026-03-01', sequence: result.intact ? result.head.sequence : -1, keyId: key.keyId });
    const file = await digests.file('kpu-ok', '2026-03-01');
    expect(await checkDatabaseAgainstDigest(db.dataSource, store, 'kpu-ok', file!, key.publicKeyPem)).toMatchObject({ ok: true });
  });

  it('a field changed', async () => {
    await tamper(`UPDATE events SET data = jsonb_set(data, '{lines,0,value}', '"99"') WHERE tenant_id = $1 AND type = 'RealisasiDraftSaved' AND tenant_sequence = (SELECT max(tenant_sequence) FROM events WHERE tenant_id = $1 AND type = 'RealisasiDraftSaved')`, ['kpu-changed']);
    await expectCaught('kpu-changed', 'modified');
  });

  it('an event deleted', async () => {
    await tamper(`DELETE FROM events WHERE tenant_id = $1 AND type = 'RealisasiReturned'`, ['kpu-deleted']);
    await expectCaught('kpu-deleted', 'deleted');
  });

  it('a forged event inserted, with a hash of its own that links to the last one', async () => {
    const satker = 'kpu-forged';
    const [last] = await db.dataSource.query(
      `SELECT tenant_sequence, stream_id, stream_version, metadata, hash FROM events WHERE tenant_id = $1 ORDER BY tenant_sequence DESC LIMIT 1`,
      [satker],
    );
    const envelope: ChainEnvelope = {
      eventId: '99999999-9999-4999-8999-999999999999', streamId: last.stream_id, streamVersion: last.stream_version + 1, tenantId: satker,
      tenantSequence: Number(last.tenant_sequence) + 1, type: 'RealisasiApproved', schemaVersion: 1, data: { revision: 1 },
      metadata: last.metadata, recordedAt: '2024-04-03T00:00:00.000Z', previousHash: last.hash,
    };
    await tamper(
      `INSERT INTO events (tenant_id, tenant_sequence, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11)`,
      [satker, envelope.tenantSequence, envelope.streamId, envelope.streamVersion, envelope.eventId, envelope.type,
        JSON.stringify(envelope.data), JSON.stringify(envelope.metadata), envelope.recordedAt, envelope.previousHash, hashEnvelope(envelope)],
    );
    await expectCaught(satker, 'inserted');
  });

  it('two events swapped', async () => {
    await tamper(
      `UPDATE events SET tenant_sequence = 100000 WHERE tenant_id = $1 AND tenant_sequence = 7;
       UPDATE events SET tenant_sequence = 7 WHERE tenant_id = $1 AND tenant_sequence = 8;
       UPDATE events SET tenant_sequence = 8 WHERE tenant_id = $1 AND tenant_sequence = 100000`.replaceAll('$1', "'kpu-swapped'"),
      [],
    );
    await expectCaught('kpu-swapped', 'reordered');
  });

  it('the whole chain rewritten with every hash recomputed passes verify, but not the saved digest', async () => {
    const satker = 'kpu-rewritten';
    expect(await digests.record(satker, new Date('2026-03-01T17:05:00Z'))).toBe('recorded');
    const saved = await digests.file(satker, '2026-03-01');
    await rewriteHistory(satker);
    expect((await store.verify(satker)).intact).toBe(true);
    const check = await checkDatabaseAgainstDigest(db.dataSource, store, satker, saved!, key.publicKeyPem);
    expect(check.ok).toBe(false);
    expect(check.reason).toContain('ditulis ulang');
  });

  it('a digest file edited or signed with another key is refused', async () => {
    const file = (await digests.file('kpu-ok', '2026-03-01'))!;
    const edited = { ...file, payload: { ...file.payload, sequence: 1 }, canonical: file.canonical.replace(/"sequence":\d+/, '"sequence":1') };
    expect((await checkDatabaseAgainstDigest(db.dataSource, store, 'kpu-ok', edited, key.publicKeyPem)).reason).toBe('tanda tangan digest tidak sah');
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(await checkDatabaseAgainstDigest(db.dataSource, store, 'kpu-ok', file, other)).toMatchObject({ ok: false, signatureProblem: 'foreign_key' });
  });

  describe('closing an alert (the Inspektorat, with a reason)', () => {
    const inspektorat = { id: 'u-insp', role: 'INSPEKTORAT' as const };
    const noSubject = { subject: async () => 'tidak dipakai', chain: (s: string) => digests.trustProblem(s, [key.publicKeyPem]) };
    const openAlert = async (satker: string) => (await integrity.banner(satker)).alerts[0];

    it('is refused while the chain is still broken, and allowed once the row is restored; the closing is in the chain', async () => {
      const satker = 'kpu-restored';
      const [original] = await db.dataSource.query(
        `SELECT tenant_sequence, data FROM events WHERE tenant_id = $1 AND type = 'RealisasiDraftSaved' ORDER BY tenant_sequence DESC LIMIT 1`, [satker],
      );
      await tamper(`UPDATE events SET data = jsonb_set(data, '{lines,0,value}', '"99"') WHERE tenant_id = $1 AND tenant_sequence = $2`, [satker, original.tenant_sequence]);
      await expectCaught(satker, 'modified');
      const alert = await openAlert(satker);
      await expect(integrity.resolve(satker, alert.id, 'Sudah diperiksa.', inspektorat, noSubject))
        .rejects.toMatchObject({ code: 'AUDIT.DAMAGE_STILL_PRESENT', kind: 'conflict' });
      await tamper(`UPDATE events SET data = $3 WHERE tenant_id = $1 AND tenant_sequence = $2`, [satker, original.tenant_sequence, JSON.stringify(original.data)]);
      expect(await digests.trustProblem(satker, [key.publicKeyPem])).toBeNull();
      const closed = await integrity.resolve(satker, alert.id, 'Nilai dipulihkan dari cadangan 2026-03-01.', inspektorat, noSubject);
      expect(closed).toMatchObject({ id: alert.id, resolvedBy: 'u-insp', resolutionReason: 'Nilai dipulihkan dari cadangan 2026-03-01.' });
      expect(await integrity.banner(satker)).toMatchObject({ status: 'OK', alerts: [] });
      const [closing] = await db.dataSource.query(`SELECT type, stream_id, metadata FROM events WHERE tenant_id = $1 ORDER BY tenant_sequence DESC LIMIT 1`, [satker]);
      expect(closing).toMatchObject({ type: 'IntegrityAlertResolved', stream_id: `integrity:${satker}`, metadata: expect.objectContaining({ actorId: 'u-insp' }) });
      expect((await store.verify(satker)).intact).toBe(true);
      await expect(integrity.resolve(satker, alert.id, 'Lagi.', inspektorat, noSubject)).rejects.toMatchObject({ code: 'AUDIT.ALERT_ALREADY_RESOLVED' });
    });

    it('is refused for a rewritten history that verifies but no longer matches a signed digest kept', async () => {
      const satker = 'kpu-rewritten';
      await integrity.recordDamage(satker, 'cli', 'u-insp', { kind: 'digest_mismatch', sequence: null, eventId: null, detail: 'ditulis ulang' });
      const alert = await openAlert(satker);
      expect(await digests.trustProblem(satker, [key.publicKeyPem])).toContain('tidak cocok dengan digest bertanda tangan 2026-03-01');
      await expect(integrity.resolve(satker, alert.id, 'Sudah diperiksa.', inspektorat, noSubject)).rejects.toMatchObject({ code: 'AUDIT.DAMAGE_STILL_PRESENT' });
      expect((await integrity.list(satker, 'open')).map((a) => a.id)).toEqual([alert.id]);
    });

    it('is refused when the attacker also edited the kept digest to match the rewritten history: its signature no longer holds', async () => {
      const satker = 'kpu-rewritten';
      const [row] = await db.dataSource.query(`SELECT sequence, payload FROM chain_digests WHERE satker_code = $1`, [satker]);
      const [event] = await db.dataSource.query(`SELECT hash FROM events WHERE tenant_id = $1 AND tenant_sequence = $2`, [satker, row.sequence]);
      const alert = await openAlert(satker);
      await db.dataSource.query(`UPDATE chain_digests SET hash = $2 WHERE satker_code = $1`, [satker, event.hash]);
      expect(await integrity.chainProblem(satker)).toBeNull();
      expect(await digests.keptDigestsProblem(satker, [key.publicKeyPem])).toBe('digest tersimpan 2026-03-01 tidak sama dengan isi yang ditandatanganinya');
      const payload = JSON.stringify({ ...JSON.parse(row.payload), hash: event.hash });
      await db.dataSource.query(`UPDATE chain_digests SET payload = $2 WHERE satker_code = $1`, [satker, payload]);
      expect(await digests.keptDigestsProblem(satker, [key.publicKeyPem])).toMatch(/^digest tersimpan 2026-03-01 tidak sah/);
      await expect(integrity.resolve(satker, alert.id, 'Sudah diperiksa.', inspektorat, noSubject))
        .rejects.toMatchObject({ code: 'AUDIT.DAMAGE_STILL_PRESENT' });
      expect(await digests.keptDigestsProblem('kpu-ok', [key.publicKeyPem])).toBeNull();
    });

    it('needs a reason and an alert of the office', async () => {
      const alert = await openAlert('kpu-deleted');
      await expect(integrity.resolve('kpu-deleted', alert.id, ' ', inspektorat, noSubject)).rejects.toMatchObject({ code: 'AUDIT.REASON_REQUIRED' });
      await expect(integrity.resolve('kpu-deleted', alert.id, '\u3164\u3164\u3164', inspektorat, noSubject)).rejects.toMatchObject({ code: 'AUDIT.REASON_REQUIRED' });
      await expect(integrity.resolve('kpu-ok', alert.id, 'Salah satker.', inspektorat, noSubject)).rejects.toMatchObject({ code: 'AUDIT.ALERT_NOT_FOUND' });
    });
  });

  /** Changes a realisasi value, then recomputes every later hash and the chain head, as an attacker with the code would. */
  async function rewriteHistory(satker: string): Promise<void> {
    await db.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(`UPDATE events SET data = jsonb_set(data, '{lines,0,value}', '"40"') WHERE tenant_id = $1 AND type = 'RealisasiDraftSaved'`, [satker]);
      const rows = await m.query(
        `SELECT tenant_sequence, stream_id, stream_version, event_id, type, schema_version, data, metadata,
                to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded
           FROM events WHERE tenant_id = $1 ORDER BY tenant_sequence`,
        [satker],
      );
      let previousHash = '0'.repeat(64);
      for (const r of rows) {
        const envelope: ChainEnvelope = {
          eventId: r.event_id, streamId: r.stream_id, streamVersion: r.stream_version, tenantId: satker,
          tenantSequence: Number(r.tenant_sequence), type: r.type, schemaVersion: r.schema_version, data: r.data,
          metadata: r.metadata, recordedAt: r.recorded, previousHash,
        };
        const hash = hashEnvelope(envelope);
        await m.query(`UPDATE events SET previous_hash = $3, hash = $4 WHERE tenant_id = $1 AND tenant_sequence = $2`, [satker, r.tenant_sequence, previousHash, hash]);
        previousHash = hash;
      }
      await m.query(`UPDATE tenant_chain_heads SET hash = $2 WHERE tenant_id = $1`, [satker, previousHash]);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
  }
});
