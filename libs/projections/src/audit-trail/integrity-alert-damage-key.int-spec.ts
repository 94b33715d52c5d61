import pino from 'pino';
import { EventStore } from '@kinerja/event-store';
import { IntegrityAlertDamageKey1795980000000 } from '../../../../migrations/1795980000000-integrity-alert-damage-key';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { digestDamageKey, IntegrityService } from './integrity.service';

/**
 * One open alert per office, kind and damage (`damage_key`): the migration that brings it must run
 * on a database where repeated verifications already recorded the same broken link several times.
 */
describe('integrity alerts: one open alert per damage', () => {
  let db: TestDatabase;
  let integrity: IntegrityService;
  const migration = new IntegrityAlertDamageKey1795980000000();

  beforeAll(async () => {
    db = await createTestDatabase();
    integrity = new IntegrityService(db.dataSource, new EventStore(db.dataSource), pino({ level: 'silent' }));
  });
  afterAll(() => db.drop());

  async function migrate(step: 'up' | 'down'): Promise<void> {
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration[step](runner);
    } finally {
      await runner.release();
    }
  }

  /** As recorded before the migration: one row per detection. */
  const oldAlert = (satker: string, kind: string, sequence: number | null, resolved = false) =>
    db.dataSource.query(
      `INSERT INTO integrity_alerts (satker_code, detected_at, source, broken_sequence, kind, detail, resolved_at)
       VALUES ($1, now(), 'cli', $2, $3, 'rusak', $4) RETURNING id`,
      [satker, sequence, kind, resolved ? new Date() : null],
    ).then((rows: Array<{ id: string }>) => Number(rows[0].id));

  it('migrates a database holding duplicate open alerts: the earliest one carries the damage, the later ones stay open', async () => {
    await migrate('down');
    const closed = await oldAlert('kpu-a', 'modified', 7, true);
    const earliest = await oldAlert('kpu-a', 'modified', 7);
    const later = [await oldAlert('kpu-a', 'modified', 7), await oldAlert('kpu-a', 'modified', 7)];
    const digest = await oldAlert('kpu-a', 'digest_mismatch', null);
    const other = await oldAlert('kpu-b', 'deleted', 3);
    await migrate('up');

    const keys = await db.dataSource.query(`SELECT id, damage_key FROM integrity_alerts ORDER BY id`);
    expect(Object.fromEntries(keys.map((r: { id: string; damage_key: string | null }) => [Number(r.id), r.damage_key]))).toEqual({
      [closed]: 'chain:7', [earliest]: 'chain:7', [later[0]]: null, [later[1]]: null, [digest]: null, [other]: 'chain:3',
    });
    expect((await integrity.list('kpu-a', 'open')).map((a) => a.id).sort((x, y) => x - y)).toEqual([earliest, ...later, digest]);
    // Found again: filed under the earliest open alert, nothing new written.
    expect(await integrity.recordDamage('kpu-a', 'api', 'u-insp', { kind: 'modified', sequence: 7, eventId: null, detail: 'rusak' }))
      .toEqual({ id: earliest, recorded: false });
    expect(await integrity.recordDamage('kpu-b', 'api', 'u-insp', { kind: 'modified', sequence: 3, eventId: null, detail: 'rusak' }))
      .toMatchObject({ recorded: true });
  });

  it('tells damage apart by kind, key and office; a digest day or signer is damage of its own', async () => {
    const report = (damageKey: string) => ({ kind: 'digest_mismatch', sequence: null, eventId: null, detail: 'digest', damageKey });
    const first = await integrity.recordDamage('kpu-c', 'cli-digest', null, report(digestDamageKey('2026-01-01')));
    expect(first.recorded).toBe(true);
    expect(await integrity.recordDamage('kpu-c', 'cli-digest', null, report(digestDamageKey('2026-01-01')))).toEqual({ id: first.id, recorded: false });
    expect((await integrity.recordDamage('kpu-c', 'cli-digest', null, report(digestDamageKey('2026-01-02')))).recorded).toBe(true);
    expect((await integrity.recordDamage('kpu-c', 'cli-digest', null, report(digestDamageKey('2026-01-01', { problem: 'foreign_key', keyId: 'abc' })))).recorded).toBe(true);
    expect((await integrity.recordDamage('kpu-d', 'cli-digest', null, report(digestDamageKey('2026-01-01')))).recorded).toBe(true);
    // A report naming no damage (no key, no sequence) is recorded every time, as before.
    const unnamed = { kind: 'digest_mismatch', sequence: null, eventId: null, detail: 'ditulis ulang' };
    expect((await integrity.recordDamage('kpu-c', 'cli', null, unnamed)).recorded).toBe(true);
    expect((await integrity.recordDamage('kpu-c', 'cli', null, unnamed)).recorded).toBe(true);
    expect(await integrity.list('kpu-c', 'open')).toHaveLength(5);
  });

  it('numbers alerts without gaps: finding an open alert again draws no number', async () => {
    const report = { kind: 'modified', sequence: 11, eventId: null, detail: 'rusak' };
    const first = await integrity.recordDamage('kpu-e', 'cli', null, report);
    for (let i = 0; i < 4; i++) expect(await integrity.recordDamage('kpu-e', 'api', 'u-insp', report)).toEqual({ id: first.id, recorded: false });
    const file = { kind: 'evidence_mismatch', subject: 'evidence:abc', detail: 'tidak cocok' };
    expect(await integrity.recordSubjectDamage('kpu-e', 'download', null, file)).toBe(true);
    for (let i = 0; i < 3; i++) expect(await integrity.recordSubjectDamage('kpu-e', 'download', null, file)).toBe(false);
    const next = await integrity.recordDamage('kpu-e', 'cli', null, { ...report, sequence: 12 });
    const ids = (await integrity.list('kpu-e', 'open')).map((a) => a.id).sort((x, y) => x - y);
    expect(ids).toEqual([first.id, first.id + 1, first.id + 2]);
    expect(next.id).toBe(first.id + 2);
  });
});
