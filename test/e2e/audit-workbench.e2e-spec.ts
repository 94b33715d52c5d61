import { generateKeyPairSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { CatatanReviuListProjection } from '@kinerja/projections/audit-trail/catatan-reviu-list.projection';
import { keyIdOf } from '@kinerja/jobs/digest/chain-digest';
import { ChainDigestService } from '@kinerja/jobs/digest/chain-digest.service';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/**
 * The Inspektorat's workbench through HTTP on the Jember office: the audit trail with its filters,
 * paging and exports, the history of one figure, time travel, review notes, integrity and digests.
 */
describe('the Inspektorat\'s workbench', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let runner: ProjectionRunner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  const audit = (path: string) => `/api/v1/satker/${JEMBER}/audit${path}`;
  const seen: Array<{ at: string; table: unknown }> = [];
  const RETURN_REASON = 'Layanan Perkantoran Maret tertulis "0", padahal gaji dibayarkan; mohon diperbaiki.';
  /** The key that signed digests before the office's last rotation: still trusted to verify them. */
  const previousKey = generateKeyPairSync('ed25519').publicKey;
  const previousPem = previousKey.export({ type: 'spki', format: 'pem' }).toString();

  function content(subbagian: string, value: string) {
    const { indicators, kegiatan } = ownedBy(subbagian);
    return {
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: i.code === 'K4.1' ? value : '0', narrative: 'n', kendala: 'k', solusi: 's', evidence: [] })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '1000' })),
    };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function ok<R extends { status: number; body: any }>(response: R, status = 200): Promise<R> {
    if (response.status !== status) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  /** Tabel 3.2 as the Sekretaris sees it now, kept with the instant it was seen. */
  async function snapshot(): Promise<void> {
    const live = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024?month=3`).set(as(tokens.sekretaris));
    seen.push({ at: new Date().toISOString(), table: live.body });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async function eventCount(): Promise<number> {
    const [row] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM events WHERE tenant_id = $1`, [JEMBER]);
    return row.n;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DIGEST_PREVIOUS_PUBLIC_KEYS: previousPem } });
    tokens = await createJemberOffice(t);
    runner = new ProjectionRunner(t.app.get(DataSource), t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection(), new CatatanReviuListProjection()]));
    await approveJemberPk(t, tokens, 2024);
    await snapshot();
    await ok(await t.http.post(`${report(3, 'KUL')}/submit`).set(as(tokens.kasubbag.KUL)).send(content('KUL', '0')));
    await ok(await t.http.post(`${report(3, 'KUL')}/return`).set(as(tokens.sekretaris)).send({ reason: RETURN_REASON }));
    await ok(await t.http.post(`${report(3, 'KUL')}/submit`).set(as(tokens.kasubbag.KUL)).send(content('KUL', '1')));
    await ok(await t.http.post(`${report(3, 'KUL')}/approve`).set(as(tokens.sekretaris)).send({}));
    await snapshot();
    await ok(await t.http.post(`${report(3, 'KUL')}/revise`).set(as(tokens.kasubbag.KUL)).send({ reason: 'Salah ketik, seharusnya 3 layanan.' }));
    await ok(await t.http.post(`${report(3, 'KUL')}/submit`).set(as(tokens.kasubbag.KUL)).send(content('KUL', '3')));
    await ok(await t.http.post(`${report(3, 'KUL')}/approve`).set(as(tokens.sekretaris)).send({}));
    await snapshot();
    await runner.drain();
  });

  afterAll(() => t?.close());

  it('travels in time: kinerja?asOf= answers what was seen at each moment', async () => {
    const k41 = (table: any) => table.programs[1].kegiatan[0].indicators[0];
    expect(seen.map((s) => k41(s.table).realisasi)).toEqual([null, '1', '3']);
    for (const moment of seen) {
      const response = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024?month=3&asOf=${encodeURIComponent(moment.at)}`).set(as(tokens.inspektorat));
      expect(response.status).toBe(200);
      const { asOf, ...table } = response.body;
      expect(asOf).toBe(moment.at);
      expect(table).toEqual(moment.table);
    }
    const before = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024?asOf=2020-01-01T00:00:00Z`).set(as(tokens.inspektorat));
    expect({ status: before.status, code: before.body.code }).toEqual({ status: 404, code: 'KINERJA.NO_APPROVED_PK' });
    // The moment as the office reads its clock, not as a UTC timestamp.
    expect(before.body.message).toBe('Pada 1 Januari 2020 07.00 WIB belum ada Perjanjian Kinerja 2024 yang disetujui untuk satker ini.');
    const future = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024?asOf=2999-01-01T00:00:00Z`).set(as(tokens.inspektorat));
    expect(future.body.code).toBe('KINERJA.AS_OF_IN_FUTURE');
  });

  it('tells the whole history of one figure: who, when, from which value to which, why', async () => {
    const response = await ok(await t.http.get(audit('/figures/2024/3/K4.1')).set(as(tokens.inspektorat)));
    const rows = response.body.items.map((i: any) => [i.eventType, i.actor.username, i.figure?.before ?? null, i.figure?.after ?? null, i.reason]);
    expect(rows).toEqual([
      ['PkDrafted', 'sekretaris', null, '12', null],
      ['RealisasiDraftSaved', 'kasubbag.kul', null, '0', null],
      // Submitting, returning and approving are told against the figure as last approved: none yet.
      ['RealisasiSubmitted', 'kasubbag.kul', null, '0', null],
      ['RealisasiReturned', 'sekretaris', null, '0', RETURN_REASON],
      ['RealisasiDraftSaved', 'kasubbag.kul', '0', '1', null],
      ['RealisasiSubmitted', 'kasubbag.kul', null, '1', null],
      ['RealisasiApproved', 'sekretaris', null, '1', null],
      ['RealisasiRevisionOpened', 'kasubbag.kul', '1', '1', 'Salah ketik, seharusnya 3 layanan.'],
      ['RealisasiDraftSaved', 'kasubbag.kul', '1', '3', null],
      ['RealisasiSubmitted', 'kasubbag.kul', '1', '3', null],
      ['RealisasiApproved', 'sekretaris', '1', '3', null],
    ]);
    // In words, as the CSV export writes them: a first approval is a first value.
    const approvals = response.body.items.filter((i: any) => i.eventType === 'RealisasiApproved');
    expect(approvals.map((i: any) => i.changes.filter((c: any) => c.indicatorCode === 'K4.1').map((c: any) => [c.before, c.after]))).toEqual([[[null, '1']], [['1', '3']]]);
    expect(response.body.integrity).toEqual({ status: 'OK', message: null, alerts: [] });
    expect(response.body.items[3].actor).toMatchObject({ role: 'SEKRETARIS', name: expect.stringMatching(/^SEKRETARIS\s+Jember$/) });
  });

  it('filters the trail and pages through it with an opaque cursor', async () => {
    const returned = await ok(await t.http.get(audit('/trail?role=SEKRETARIS&type=RealisasiReturned')).set(as(tokens.inspektorat)));
    expect(returned.body.items).toHaveLength(1);
    expect(returned.body.items[0]).toMatchObject({ reason: RETURN_REASON, subject: { year: 2024, month: 3, subbagian: 'KUL' } });
    const byActor = await ok(await t.http.get(audit('/trail?actor=kasubbag.kul&year=2024&month=3')).set(as(tokens.sekretaris)));
    expect(byActor.body.items.map((i: any) => i.eventType)).toEqual([
      'RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiRevisionOpened', 'RealisasiDraftSaved', 'RealisasiSubmitted',
    ]);
    const total = await eventCount();
    const sequences: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ok(await t.http.get(audit(`/trail?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).set(as(tokens.ketua)));
      sequences.push(...page.body.items.map((i: any) => i.sequence));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(sequences).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const bad = await t.http.get(audit('/trail?cursor=xyz')).set(as(tokens.inspektorat));
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'AUDIT.INVALID_CURSOR' });
  });

  it('exports the trail as CSV with a header row and proper quoting, and as JSON lines', async () => {
    const csv = await ok(await t.http.get(audit('/trail/export?format=csv&type=RealisasiReturned')).set(as(tokens.inspektorat)));
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(lines[0].split(';').slice(0, 9)).toEqual(['status_integritas', 'urutan', 'waktu_kantor', 'waktu_utc', 'waktu_kejadian_kantor', 'jenis_peristiwa', 'nama_pelaku', 'username', 'peran']);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${RETURN_REASON.replace(/"/g, '""')}"`);
    const jsonl = await ok(await t.http.get(audit('/trail/export?format=jsonl')).set(as(tokens.inspektorat)));
    const items = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(items.map((i) => i.sequence)).toEqual(Array.from({ length: await eventCount() }, (_, i) => i + 1));
  });

  it('lets the Inspektorat change no figure', async () => {
    const submit = await t.http.post(`${report(4, 'KUL')}/submit`).set(as(tokens.inspektorat)).send(content('KUL', '1'));
    expect({ status: submit.status, code: submit.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    const approve = await t.http.post(`${report(3, 'KUL')}/approve`).set(as(tokens.inspektorat)).send({});
    expect(approve.status).toBe(403);
  });

  it('runs a review note through its life: written, answered, closed, reopened — each an event in the trail', async () => {
    const notes = `/api/v1/satker/${JEMBER}/catatan-reviu`;
    const body = {
      category: 'TEMUAN', target: { kind: 'INDICATOR', year: 2024, indicatorCode: 'K4.1', month: 3 },
      title: 'Realisasi Maret direvisi', description: 'Nilai direvisi dari 1 menjadi 3 setelah disetujui.', recommendation: 'Lampirkan SPJ.',
    };
    const written = await ok(await t.http.post(notes).set(as(tokens.inspektorat)).set('Idempotency-Key', 'note-1').send(body), 201);
    const again = await ok(await t.http.post(notes).set(as(tokens.inspektorat)).set('Idempotency-Key', 'note-1').send(body), 201);
    expect(again.body.noteId).toBe(written.body.noteId);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const reused = await t.http.post(notes).set(as(tokens.inspektorat)).set('Idempotency-Key', 'note-1').send({ ...body, title: 'Judul lain' });
    expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
    const note = `${notes}/${written.body.noteId}`;
    expect((await t.http.post(notes).set(as(tokens.sekretaris)).send(body)).status).toBe(403);
    expect((await t.http.post(`${note}/close`).set(as(tokens.inspektorat)).send({})).body.code).toBe('CATATAN_REVIU.AWAITING_TINDAK_LANJUT');
    expect((await t.http.post(`${note}/tindak-lanjut`).set(as(tokens.kasubbag.KUL)).send({ response: 'x' })).status).toBe(403);
    const answered = await ok(await t.http.post(`${note}/tindak-lanjut`).set(as(tokens.sekretaris)).send({ response: 'SPJ sudah dilampirkan.' }));
    expect(answered.body.status).toBe('ANSWERED');
    expect((await t.http.post(`${note}/close`).set(as(tokens.sekretaris)).send({})).status).toBe(403);
    expect((await ok(await t.http.post(`${note}/close`).set(as(tokens.inspektorat)).send({ conclusion: 'Memadai.' }))).body.status).toBe('CLOSED');
    expect((await t.http.post(`${note}/reopen`).set(as(tokens.inspektorat)).send({ reason: '' })).status).toBe(422);
    const reopened = await ok(await t.http.post(`${note}/reopen`).set(as(tokens.inspektorat)).set('If-Match', '"3"').send({ reason: 'SPJ belum ditandatangani.' }));
    expect(reopened.body).toMatchObject({ status: 'OPEN', version: 4 });

    const before = await eventCount();
    await ok(await t.http.get(note).set(as(tokens.ketua)));
    await ok(await t.http.get(audit('/trail')).set(as(tokens.inspektorat)));
    expect(await eventCount()).toBe(before);

    await runner.drain();
    const list = await ok(await t.http.get(`${notes}?status=OPEN`).set(as(tokens.sekretaris)));
    expect(list.body.items).toEqual([expect.objectContaining({ noteId: written.body.noteId, category: 'TEMUAN', tindakLanjutCount: 1, version: 4 })]);
    const trail = await ok(await t.http.get(audit('/trail?type=CatatanReviuWritten,TindakLanjutSubmitted,CatatanReviuClosed,CatatanReviuReopened')).set(as(tokens.inspektorat)));
    expect(trail.body.items.map((i: any) => i.summary)).toEqual([
      'Menulis temuan reviu "Realisasi Maret direvisi" atas indikator K4.1 Maret 2024.',
      'Menyampaikan tindak lanjut ke-1 atas temuan reviu "Realisasi Maret direvisi" atas indikator K4.1 Maret 2024.',
      'Menutup temuan reviu "Realisasi Maret direvisi" atas indikator K4.1 Maret 2024.',
      'Membuka kembali temuan reviu "Realisasi Maret direvisi" atas indikator K4.1 Maret 2024.',
    ]);
  });

  it.each([
    ['a subbagian the office does not have', { kind: 'REPORT', year: 2024, month: 3, subbagian: 'NOPE' }],
    ['an indicator no version of the PK has', { kind: 'INDICATOR', year: 2024, indicatorCode: 'ZZ', month: null }],
    ['a year that has not begun', { kind: 'YEAR', year: 2099 }],
  ])('refuses a review note on %s (422 CATATAN_REVIU.INVALID_TARGET) and writes nothing', async (_what, target) => {
    const before = await eventCount();
    const response = await t.http.post(`/api/v1/satker/${JEMBER}/catatan-reviu`).set(as(tokens.inspektorat))
      .send({ category: 'CATATAN', target, title: 'Sasaran keliru', description: 'Catatan atas sasaran yang tidak ada.', recommendation: '' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'CATATAN_REVIU.INVALID_TARGET' });
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ['a month on a note about the year', { kind: 'YEAR', year: 2024, month: 3 }, [{ field: 'target.month', constraint: 'notForKind' }]],
    ['a subbagian and an indicator on a note about a month', { kind: 'MONTH', year: 2024, month: 3, subbagian: 'KUL', indicatorCode: 'K4.1' },
      [{ field: 'target.subbagian', constraint: 'notForKind' }, { field: 'target.indicatorCode', constraint: 'notForKind' }]],
    ['a subbagian on a note about an indicator', { kind: 'INDICATOR', year: 2024, indicatorCode: 'K4.1', subbagian: 'KUL' }, [{ field: 'target.subbagian', constraint: 'notForKind' }]],
    ['a month written as text', { kind: 'MONTH', year: 2024, month: '3' }, [{ field: 'target.month', constraint: 'isInt' }]],
    ['a year written as text', { kind: 'YEAR', year: '2024' }, [{ field: 'target.year', constraint: 'isInt' }]],
    ['a list for a target', [], [{ field: 'target', constraint: 'isObject' }]],
    ['a word for a target', 'YEAR', [{ field: 'target', constraint: 'isObject' }]],
  ])('refuses a review note with %s (400 naming the field), never dropping or converting it, and writes nothing', async (_what, target, fields) => {
    const before = await eventCount();
    const response = await t.http.post(`/api/v1/satker/${JEMBER}/catatan-reviu`).set(as(tokens.inspektorat))
      .send({ category: 'CATATAN', target, title: 'Sasaran', description: 'Catatan.', recommendation: '' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    expect(response.body.details.fields.map((f: { field: string; constraint: string }) => ({ field: f.field, constraint: f.constraint }))).toEqual(fields);
    expect(await eventCount()).toBe(before);
  });

  it('documents the target\'s numbers as integers in the OpenAPI document', async () => {
    const doc = (await ok(await t.http.get('/api/docs-json'))).body;
    const target = doc.components.schemas.CatatanReviuTargetDto.properties;
    expect({ year: target.year.type, month: target.month.type }).toEqual({ year: 'integer', month: 'integer' });
  });

  it('publishes signed digests and the public key that checks them', async () => {
    expect(await t.app.get(ChainDigestService).record(JEMBER, new Date())).toBe('recorded');
    const list = await ok(await t.http.get(audit('/digests')).set(as(tokens.inspektorat)));
    const day = list.body.items[0].day;
    expect(list.body.items[0].sequence).toBe(await eventCount());
    const file = await ok(await t.http.get(audit(`/digests/${day}`)).set(as(tokens.inspektorat)));
    expect(file.headers['content-disposition']).toContain(`digest-${JEMBER}-${day}.json`);
    const key = await ok(await t.http.get('/api/v1/audit/public-key'));
    expect(key.text).toBe(file.body.publicKey);
    expect(key.headers['x-key-id']).toBe(file.body.keyId);
    // Every key that verifies digests: the current one, and the earlier one kept after a rotation (never to sign).
    const keys = await ok(await t.http.get('/api/v1/audit/public-keys'));
    expect(keys.body).toEqual({
      items: [
        { keyId: file.body.keyId, publicKey: file.body.publicKey, current: true },
        { keyId: keyIdOf(previousKey), publicKey: previousPem, current: false },
      ],
    });
  });

  it('verifies the chain, and after tampering through SQL names the broken link and shows it loudly', async () => {
    expect((await t.http.get('/health')).body.integrity).toEqual({ status: 'OK', damagedOffices: 0 });
    const intact = await ok(await t.http.get(audit('/verify')).set(as(tokens.inspektorat)));
    expect(intact.body.result).toMatchObject({ intact: true, head: { sequence: await eventCount() } });
    const ds = t.app.get(DataSource);
    await ds.transaction(async (m) => {
      await m.query('ALTER TABLE events DISABLE TRIGGER USER');
      await m.query(`UPDATE events SET data = jsonb_set(data, '{reason}', '"Tidak ada alasan"') WHERE tenant_id = $1 AND type = 'RealisasiReturned'`, [JEMBER]);
      await m.query('ALTER TABLE events ENABLE TRIGGER USER');
    });
    const broken = await ok(await t.http.get(audit('/verify')).set(as(tokens.inspektorat)));
    expect(broken.body.result).toMatchObject({ intact: false, brokenLink: { kind: 'modified' } });
    const trail = await ok(await t.http.get(audit('/trail?limit=1')).set(as(tokens.sekretaris)));
    expect(trail.body.integrity.status).toBe('DAMAGED');
    expect(trail.body.integrity.message).toContain('PERINGATAN');
    const health = await t.http.get('/health');
    expect(health.body.integrity).toMatchObject({ status: 'DAMAGED', damagedOffices: 1 });
  });
});
