import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { EventStore } from '@kinerja/event-store';
import { appendOfficeHistory } from '@kinerja/projections/audit-trail/audit-trail.fixture';
import { IntegrityService } from '@kinerja/projections/audit-trail/integrity.service';
import { keyIdOf } from '@kinerja/jobs/digest/chain-digest';
import { ChainDigestService } from '@kinerja/jobs/digest/chain-digest.service';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { auditVerifyCommand } from './audit-verify.command';

describe('npm run cli -- audit:verify', () => {
  let db: TestDatabase;
  let digestPath: string;
  let keyPath: string;
  const out: string[] = [];
  const err: string[] = [];
  const run = (args: Record<string, string | boolean>) => auditVerifyCommand.run(args, { dataSource: db.dataSource, out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new EventStore(db.dataSource);
    await appendOfficeHistory(store, 'kpu-cli');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const digests = new ChainDigestService(db.dataSource, new IntegrityService(db.dataSource, store, pino({ level: 'silent' })), { privateKey, publicKeyPem: pem, keyId: keyIdOf(publicKey) });
    await digests.record('kpu-cli', new Date('2026-01-01T00:00:00Z'));
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-digest-'));
    digestPath = join(dir, 'digest.json');
    keyPath = join(dir, 'key.pem');
    writeFileSync(digestPath, JSON.stringify(await digests.file('kpu-cli', '2026-01-01')));
    writeFileSync(keyPath, pem);
  });
  afterAll(() => db.drop());
  beforeEach(() => {
    out.length = 0;
    err.length = 0;
  });

  it('needs --satker', async () => {
    expect(await run({})).toBe(64);
    expect(err[0]).toContain('--satker');
  });

  it('exits 0 with the head when intact, and when the database still holds the saved digest', async () => {
    expect(await run({ satker: 'kpu-cli' })).toBe(0);
    expect(out[0]).toMatch(/^UTUH: rantai kpu-cli sampai urutan 14, hash kepala [0-9a-f]{64}/);
    expect(await run({ satker: 'kpu-cli', digest: digestPath, 'public-key': keyPath, json: true })).toBe(0);
    expect(JSON.parse(out[1])).toMatchObject({ ok: true, digest: { sequence: 14, day: '2026-01-01' } });
  });

  it('exits 1 with the reason when history was rewritten and every hash recomputed', async () => {
    await db.dataSource.transaction(async (m) => {
      // The crudest full rewrite: drop the whole chain and append a different history under the same office.
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(`DELETE FROM events WHERE tenant_id = 'kpu-cli'`);
      await m.query(`DELETE FROM tenant_chain_heads WHERE tenant_id = 'kpu-cli'`);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
    const store = new EventStore(db.dataSource);
    await appendOfficeHistory(store, 'kpu-cli');
    expect(await run({ satker: 'kpu-cli' })).toBe(0);
    expect(await run({ satker: 'kpu-cli', digest: digestPath })).toBe(1);
    expect(err[0]).toMatch(/^TIDAK COCOK dengan digest .*: hash peristiwa urutan 14 tidak sama dengan digest bertanda tangan 2026-01-01/);
    const alerts = await db.dataSource.query(`SELECT kind, source FROM integrity_alerts WHERE satker_code = 'kpu-cli'`);
    expect(alerts).toEqual([{ kind: 'digest_mismatch', source: 'cli-digest' }]);
  });
});
