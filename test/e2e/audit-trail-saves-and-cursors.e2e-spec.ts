import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/**
 * What the QA round found in the audit trail, through HTTP: a save of a monthly report is told from
 * the content last saved to the new one (budget lines and texts too, a removed line going to
 * "kosong"), in the trail, its exports and the report's history; a cursor pages only the listing
 * that issued it; the history of a figure of an indicator the PK never had is a 404.
 */
describe('the audit trail: saves told from the last saved content, cursors bound to their listing', () => {
  let t: TestApp;
  let jember: JemberTokens;
  let banyuwangi: JemberTokens;
  const BANYUWANGI = 'kpu-kab-banyuwangi';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const { indicators, kegiatan } = ownedBy('KUL');
  const [KEGIATAN] = kegiatan;
  const report = `/api/v1/satker/${BANYUWANGI}/realisasi/2024/11/KUL`;
  const trail = (office: string, query: string) => `/api/v1/satker/${office}/audit/trail?${query}`;

  const body = (spent: string | null, narrative = 'Terlaksana.') => ({
    lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative, kendala: '-', solusi: '-', evidence: [] })),
    budget: spent === null ? [] : [{ kegiatanCode: KEGIATAN, spent }],
  });

  beforeAll(async () => {
    t = await createTestApp();
    jember = await createJemberOffice(t);
    banyuwangi = await createJemberOffice(t, BANYUWANGI);
    await approveJemberPk(t, jember, 2024);
    await approveJemberPk(t, banyuwangi, 2024, BANYUWANGI);
    // Banyuwangi's November report as QA saved it: a budget typed, mistyped, corrected, removed, entered again.
    for (const content of [body('10000000'), body('999999999999'), body('10000000'), body(null), body('10000000'), body('10000000', 'Terlaksana penuh.')]) {
      const saved = await t.http.put(report).set(as(banyuwangi.kasubbag.KUL)).send(content);
      expect(saved.status).toBe(200);
    }
    // Enough of Jember's trail to page through.
    for (const month of [1, 2, 3]) {
      expect((await t.http.put(`/api/v1/satker/${JEMBER}/realisasi/2024/${month}/KUL`).set(as(jember.kasubbag.KUL)).send(body('5'))).status).toBe(200);
    }
    await new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection()])).drain();
  });

  afterAll(() => t?.close());

  describe('a save of a monthly report (M1)', () => {
    type Change = { indicatorCode: string | null; field: string; before: string | null; after: string | null };
    const saves = async () => (await t.http.get(trail(BANYUWANGI, 'type=RealisasiDraftSaved&year=2024&month=11')).set(as(banyuwangi.inspektorat))).body.items as Array<{
      summary: string; changes: Change[];
    }>;
    const budgetOf = (changes: Change[]) => changes.filter((c) => c.field.startsWith('anggaran:')).map((c) => [c.field, c.before, c.after]);
    const field = `anggaran:${KEGIATAN}`;

    it('tells each budget line from the amount last saved, a removed one going to kosong', async () => {
      const items = await saves();
      expect(items.map((i) => budgetOf(i.changes))).toEqual([
        [[field, null, '10000000']],
        [[field, '10000000', '999999999999']],
        [[field, '999999999999', '10000000']],
        [[field, '10000000', null]],
        [[field, null, '10000000']],
        [],
      ]);
      expect(items[1].summary).toContain(`: anggaran ${KEGIATAN} Rp 10.000.000 → Rp 999.999.999.999.`);
      expect(items[3].summary).toContain(`: anggaran ${KEGIATAN} Rp 10.000.000 → kosong.`);
      expect(items.map((i) => i.summary).filter((s) => s.includes('tidak ada'))).toEqual([]);
    });

    it('tells a changed uraian from the text last saved', async () => {
      const last = (await saves())[5];
      expect(last.changes).toEqual(indicators.map((i) => expect.objectContaining({ indicatorCode: i.code, field: 'uraian', before: 'Terlaksana.', after: 'Terlaksana penuh.' })));
      expect(last.summary).toContain(`uraian ${indicators[0].code} diubah`);
    });

    it('exports the same before-values as CSV and JSON Lines', async () => {
      const csv = await t.http.get(`/api/v1/satker/${BANYUWANGI}/audit/trail/export?format=csv&type=RealisasiDraftSaved&month=11`).set(as(banyuwangi.inspektorat));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(`${field}: 10000000 → 999999999999`);
      expect(csv.text).toContain(`${field}: 999999999999 → 10000000`);
      expect(csv.text).toContain(`${field}: 10000000 → kosong`);
      const jsonl = await t.http.get(`/api/v1/satker/${BANYUWANGI}/audit/trail/export?format=jsonl&type=RealisasiDraftSaved&month=11`).set(as(banyuwangi.inspektorat));
      const rows = (jsonl.text as string).trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(rows.map((r) => budgetOf(r.changes))).toEqual((await saves()).map((i) => budgetOf(i.changes)));
    });

    it("lists the removed budget line in the report's history too", async () => {
      const history = await t.http.get(`${report}/history`).set(as(banyuwangi.sekretaris));
      expect(history.status).toBe(200);
      expect(history.body.entries.map((e: { budgetChanges: unknown[] }) => e.budgetChanges)).toEqual([
        [{ kegiatanCode: KEGIATAN, before: null, after: '10000000' }],
        [{ kegiatanCode: KEGIATAN, before: '10000000', after: '999999999999' }],
        [{ kegiatanCode: KEGIATAN, before: '999999999999', after: '10000000' }],
        [{ kegiatanCode: KEGIATAN, before: '10000000', after: null }],
        [{ kegiatanCode: KEGIATAN, before: null, after: '10000000' }],
        [],
      ]);
    });
  });

  describe('a cursor (M4)', () => {
    const code = async (path: string, token: string) => {
      const r = await t.http.get(path).set(as(token));
      return { status: r.status, code: r.body.code as string | undefined };
    };
    const INVALID = { status: 400, code: 'AUDIT.INVALID_CURSOR' };
    const cursorOf = async (path: string, token: string): Promise<string> => {
      const r = await t.http.get(path).set(as(token));
      expect(r.status).toBe(200);
      expect(r.body.nextCursor).toEqual(expect.any(String));
      return encodeURIComponent(r.body.nextCursor);
    };

    it("is refused on another office's trail instead of skipping that office's first rows", async () => {
      const jemberCursor = await cursorOf(trail(JEMBER, 'limit=2'), jember.inspektorat);
      expect(await code(trail(JEMBER, `limit=2&cursor=${jemberCursor}`), jember.inspektorat)).toEqual({ status: 200, code: undefined });
      expect(await code(trail(BANYUWANGI, `limit=2&cursor=${jemberCursor}`), banyuwangi.inspektorat)).toEqual(INVALID);
    });

    it('is refused with the other order or other filters; the order may be left out', async () => {
      const asc = await cursorOf(trail(JEMBER, 'limit=2&order=asc'), jember.inspektorat);
      expect(await code(trail(JEMBER, `limit=2&order=desc&cursor=${asc}`), jember.inspektorat)).toEqual(INVALID);
      expect(await code(trail(JEMBER, `limit=2&order=asc&cursor=${asc}`), jember.inspektorat)).toEqual({ status: 200, code: undefined });
      expect(await code(trail(JEMBER, `limit=2&cursor=${asc}`), jember.inspektorat)).toEqual({ status: 200, code: undefined });
      const desc = await cursorOf(trail(JEMBER, 'limit=2&order=desc'), jember.inspektorat);
      const next = await t.http.get(trail(JEMBER, `limit=2&cursor=${desc}`)).set(as(jember.inspektorat));
      const first = (await t.http.get(trail(JEMBER, 'limit=4&order=desc')).set(as(jember.inspektorat))).body.items;
      expect(next.body.items.map((i: { sequence: number }) => i.sequence)).toEqual(first.slice(2, 4).map((i: { sequence: number }) => i.sequence));
      const filtered = await cursorOf(trail(JEMBER, 'limit=1&type=RealisasiDraftSaved'), jember.inspektorat);
      expect(await code(trail(JEMBER, `limit=1&cursor=${filtered}`), jember.inspektorat)).toEqual(INVALID);
      expect(await code(trail(JEMBER, `limit=1&type=RealisasiDraftSaved&month=2&cursor=${filtered}`), jember.inspektorat)).toEqual(INVALID);
      expect(await code(trail(JEMBER, `limit=1&type=RealisasiDraftSaved&cursor=${filtered}`), jember.inspektorat)).toEqual({ status: 200, code: undefined });
    });

    it("is refused across offices for another reader's offices, the other order or other filters", async () => {
      const jemberOnly = await cursorOf('/api/v1/audit/trail?limit=2', jember.inspektorat);
      expect(await code(`/api/v1/audit/trail?limit=2&cursor=${jemberOnly}`, jember.inspektorat)).toEqual({ status: 200, code: undefined });
      expect(await code(`/api/v1/audit/trail?limit=2&order=desc&cursor=${jemberOnly}`, jember.inspektorat)).toEqual(INVALID);
      expect(await code(`/api/v1/audit/trail?limit=2&cursor=${jemberOnly}`, banyuwangi.inspektorat)).toEqual(INVALID);
      expect(await code(`/api/v1/audit/trail?limit=2&role=KASUBBAG&cursor=${jemberOnly}`, jember.inspektorat)).toEqual(INVALID);
    });

    it('is refused when empty, on both routes', async () => {
      expect(await code(trail(JEMBER, 'cursor='), jember.inspektorat)).toEqual(INVALID);
      expect(await code('/api/v1/audit/trail?cursor=', jember.inspektorat)).toEqual(INVALID);
    });
  });

  describe('the history of one figure', () => {
    const figure = (year: number, indicator: string) => t.http.get(`/api/v1/satker/${JEMBER}/audit/figures/${year}/1/${indicator}`).set(as(jember.inspektorat));

    it('answers 404 for an indicator no PK version of that year ever had, pointing out a code differing only in case', async () => {
      const [known] = indicators;
      expect((await figure(2024, known.code)).status).toBe(200);
      const never = await figure(2024, 'K9.9');
      expect({ status: never.status, code: never.body.code }).toEqual({ status: 404, code: 'AUDIT.INDICATOR_NOT_FOUND' });
      expect(never.body.message).toBe(
        'Indikator K9.9 tidak pernah ada dalam Perjanjian Kinerja 2024 satker kpu-kab-jember, baik versi draf maupun yang disetujui, '
          + 'jadi tidak ada riwayat angkanya. Periksa kode indikator dan tahun pada PK satker.',
      );
      const otherYear = await figure(2025, known.code);
      expect({ status: otherYear.status, code: otherYear.body.code }).toEqual({ status: 404, code: 'AUDIT.INDICATOR_NOT_FOUND' });
      const lower = await figure(2024, known.code.toLowerCase());
      expect(lower.status).toBe(404);
      expect(lower.body.message).toContain(`(maksud Anda ${known.code}? huruf besar dan kecil dibedakan)`);
    });
  });
});
