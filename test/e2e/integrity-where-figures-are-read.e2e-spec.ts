import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkStreamId } from '@kinerja/domain';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, SUBBAGIAN } from './workflow/jember-office.fixture';

/**
 * Damage to an office's event chain is visible where its figures are read (QA4 findings 1 and 4):
 * Tabel 3.2 carries the office's `integrity` as the audit routes do, and the LKj status of a
 * version held by the damage says so, why, and which alerts hold it. Both go back to normal once
 * the row is restored and the Inspektorat closes the alert.
 */
describe('integrity damage where the figures are read', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  let original: { tenant_sequence: string; data: unknown };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const kinerja = (token: string, query = '') => t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024${query}`).set(as(token));
  const lkj = () => t.http.get(`/api/v1/satker/${JEMBER}/lkj/2024`).set(as(tokens.sekretaris));

  async function asSuperuser(sql: string, params: unknown[]): Promise<void> {
    await t.db.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(sql, params);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-integrity-read-e2e-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    // A draft asked for while the chain was sound: pending (no worker runs here).
    const asked = await t.http.post(`/api/v1/satker/${JEMBER}/lkj/2024?draft=true`).set(as(tokens.sekretaris)).send({});
    if (asked.status !== 202) throw new Error(`LKj draft: ${asked.status} ${JSON.stringify(asked.body)}`);
    [original] = await t.db.dataSource.query(
      `SELECT tenant_sequence, data FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY tenant_sequence LIMIT 1`,
      [JEMBER, pkStreamId(JEMBER, 2024)],
    );
  });

  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given a sound chain, then Tabel 3.2 says OK and the pending LKj is not blocked', async () => {
    expect((await kinerja(tokens.kasubbag[SUBBAGIAN[0]])).body.integrity).toEqual({ status: 'OK', message: null, alerts: [] });
    expect((await lkj()).body).toMatchObject({ status: 'draft', blocked: null, versions: [{ version: 1, status: 'pending' }] });
  });

  it('given a PK event edited in the database and found by a verification, then Tabel 3.2 carries the audit routes\' integrity, DAMAGED with the alert (its details to the audit trail\'s readers), as of an instant too', async () => {
    await asSuperuser(`UPDATE events SET data = data || '{"diubah": true}'::jsonb WHERE tenant_id = $1 AND tenant_sequence = $2`, [JEMBER, original.tenant_sequence]);
    const verified = await t.http.get(`/api/v1/satker/${JEMBER}/audit/verify`).set(as(tokens.inspektorat));
    expect(verified.body.result.intact).toBe(false);

    const year = await kinerja(tokens.ketua);
    const asOf = await kinerja(tokens.inspektorat, `?asOf=${encodeURIComponent(new Date().toISOString())}`);
    const trail = await t.http.get(`/api/v1/satker/${JEMBER}/audit/alerts`).set(as(tokens.inspektorat));

    expect(year.status).toBe(200);
    expect(year.body.integrity).toEqual(trail.body.integrity);
    expect(year.body.integrity).toMatchObject({
      status: 'DAMAGED',
      message: expect.stringMatching(new RegExp(`^PERINGATAN: rantai integritas jejak audit satker ${JEMBER} rusak — peristiwa diubah pada urutan ${original.tenant_sequence}`)),
      alerts: [{ kind: 'modified', brokenSequence: Number(original.tenant_sequence), source: 'api', resolvedAt: null }],
    });
    expect(asOf.body.integrity).toEqual(year.body.integrity);
    // A Kasubbag reads no audit trail: the status and its message, not the alerts' details.
    expect((await kinerja(tokens.kasubbag[SUBBAGIAN[0]])).body.integrity).toEqual({ ...year.body.integrity, alerts: [] });
  });

  it('then the LKj status says the pending version is blocked, why, and by which alert', async () => {
    const [alert] = (await t.http.get(`/api/v1/satker/${JEMBER}/audit/alerts`).set(as(tokens.inspektorat))).body.items;

    const r = await lkj();

    expect(r.body.blocked).toEqual({
      code: 'LKJ.INTEGRITY_DAMAGED', alertIds: [alert.id], versions: [1], message: expect.stringContaining(`peringatan integritas #${alert.id}`),
    });
    expect(r.body.blocked.message).toMatch(/^LKj 2024 versi 1 tertahan, belum dibuat: .*\(peristiwa diubah pada urutan \d+\)/);
  });

  it('when the row is restored and the Inspektorat closes the alert, then Tabel 3.2 says OK again and the LKj is no longer blocked', async () => {
    await asSuperuser(`UPDATE events SET data = $3 WHERE tenant_id = $1 AND tenant_sequence = $2`, [JEMBER, original.tenant_sequence, JSON.stringify(original.data)]);
    const [alert] = (await t.http.get(`/api/v1/satker/${JEMBER}/audit/alerts`).set(as(tokens.inspektorat))).body.items;
    const closed = await t.http.post(`/api/v1/satker/${JEMBER}/audit/alerts/${alert.id}/resolve`).set(as(tokens.inspektorat))
      .send({ reason: 'Baris PK dipulihkan dari cadangan; rantai diverifikasi utuh.' });
    expect(closed.status).toBe(200);

    expect((await kinerja(tokens.sekretaris)).body.integrity).toEqual({ status: 'OK', message: null, alerts: [] });
    expect((await lkj()).body).toMatchObject({ blocked: null, versions: [{ version: 1, status: 'pending' }] });
  });
});
