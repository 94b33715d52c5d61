import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkStreamId } from '@kinerja/domain';
import { LkjOutbox } from '@kinerja/jobs';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens } from './workflow/jember-office.fixture';

/**
 * The LKj request over HTTP while the office's event chain is damaged (a row edited in the
 * database): 409 LKJ.INTEGRITY_DAMAGED naming the alert the Inspektorat must close, nothing
 * recorded but that alert; accepted again once the row is restored and the alert closed.
 */
describe('an LKj asked for over HTTP from a damaged event chain', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  let original: { tenant_sequence: string; data: unknown };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const base = `/api/v1/satker/${JEMBER}/lkj/2024`;
  const lkjEvents = async (): Promise<number> =>
    (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`lkj:${JEMBER}:2024`]))[0].n;

  async function asSuperuser(sql: string, params: unknown[]): Promise<void> {
    await t.db.dataSource.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(sql, params);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kinerja-lkj-damaged-e2e-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024);
    [original] = await t.db.dataSource.query(
      `SELECT tenant_sequence, data FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY tenant_sequence LIMIT 1`,
      [JEMBER, pkStreamId(JEMBER, 2024)],
    );
  });

  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given a PK event edited in the database, when the Sekretaris asks for a draft, then 409 LKJ.INTEGRITY_DAMAGED, the alert recorded and nothing else', async () => {
    await asSuperuser(`UPDATE events SET data = data || '{"diubah": true}'::jsonb WHERE tenant_id = $1 AND tenant_sequence = $2`, [JEMBER, original.tenant_sequence]);

    const r = await t.http.post(`${base}?draft=true`).set(as(tokens.sekretaris)).send({});

    expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'LKJ.INTEGRITY_DAMAGED' });
    const alerts = await t.http.get(`/api/v1/satker/${JEMBER}/audit/alerts`).set(as(tokens.inspektorat));
    expect(alerts.body.items).toEqual([expect.objectContaining({ kind: 'modified', brokenSequence: Number(original.tenant_sequence), source: 'lkj-request' })]);
    const [alert] = alerts.body.items;
    expect(r.body.details).toMatchObject({ satker: JEMBER, year: 2024, alertIds: [alert.id], kind: 'modified' });
    expect(r.body.message).toContain(`#${alert.id}`);
    // The alert in the trail's words: "peristiwa", never "kejadian"; the banner names the detection on the office's clock, not as a UTC instant.
    expect(alert.detail).toMatch(/^isi (atau tautan )?peristiwa tidak cocok dengan hash-nya/);
    expect(alerts.body.integrity.message).toMatch(/peristiwa diubah pada urutan \d+ \(terdeteksi \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WIB\)/);
    expect(await lkjEvents()).toBe(0);
    expect(await new LkjOutbox(t.db.dataSource).pending()).toEqual([]);
  });

  it('documents LKJ.INTEGRITY_DAMAGED among the 409 answers of the LKj request', async () => {
    const document = (await t.http.get('/api/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    expect(document.paths['/api/v1/satker/{satker}/lkj/{year}'].post.responses['409'].description).toContain('LKJ.INTEGRITY_DAMAGED');
  });

  it('when the row is restored and the Inspektorat closes the alert, then the draft is accepted', async () => {
    const still = await t.http.post(`${base}?draft=true`).set(as(tokens.sekretaris)).send({});
    expect({ status: still.status, code: still.body.code }).toEqual({ status: 409, code: 'LKJ.INTEGRITY_DAMAGED' });
    await asSuperuser(`UPDATE events SET data = $3 WHERE tenant_id = $1 AND tenant_sequence = $2`, [JEMBER, original.tenant_sequence, JSON.stringify(original.data)]);
    const [alert] = (await t.http.get(`/api/v1/satker/${JEMBER}/audit/alerts`).set(as(tokens.inspektorat))).body.items;
    const closed = await t.http.post(`/api/v1/satker/${JEMBER}/audit/alerts/${alert.id}/resolve`).set(as(tokens.inspektorat))
      .send({ reason: 'Baris PK dipulihkan dari cadangan; rantai diverifikasi utuh.' });
    expect(closed.status).toBe(200);

    const r = await t.http.post(`${base}?draft=true`).set(as(tokens.sekretaris)).send({});

    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ version: 1, draft: true, status: 'pending' });
    expect(await lkjEvents()).toBe(1);
  });
});
