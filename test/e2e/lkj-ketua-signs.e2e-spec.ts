import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { EventStore } from '@kinerja/event-store';
import { LkjOutbox, LkjProducer } from '@kinerja/jobs';
import { ControllableClock } from '@kinerja/platform';
import { jember2024ApprovedReports } from '@kinerja/reporting';
import { waitFor } from '../../libs/jobs/src/lkj/testing/lkj-scenario.testing';
import { YearDriver } from '../../libs/jobs/src/lkj/testing/year-driver.testing';
import { InProcessSmtp, startInProcessSmtp } from '../../libs/jobs/src/mail/in-process-smtp.testing';
import { closeNoticeWorkers, startNoticeWorker } from '../../libs/jobs/src/reminders/notice-worker.testing';
import { testRedisPrefix } from '../support/test-database';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens } from './workflow/jember-office.fixture';
import { drainProjections } from './workflow/deadline-clock.fixture';

/**
 * The Ketua's signature on the final LKj, an optional step of each office (off by default): with
 * it off the LKj behaves as before and nothing can be signed; once the ADMIN turns it on, a final
 * produced from then on waits for the Ketua, who alone signs it (once), the Sekretaris is told and
 * the audit trail shows both the setting and the signature. No API worker runs: pending versions
 * are produced with the worker's own producer; the notices run in a notice worker on the same database.
 */
describe('the Ketua signs the final LKj (optional per office)', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let other: JemberTokens;
  let smtp: InProcessSmtp;
  let worker: TestingModule;
  const prefix = testRedisPrefix();
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-lkj-sign-'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const base = `/api/v1/satker/${JEMBER}/lkj/2024`;
  const sign = (token: string, version: number, key?: string) => {
    const r = t.http.post(`${base}/versions/${version}/sign`).set(as(token));
    return (key ? r.set('Idempotency-Key', key) : r).send({});
  };
  const refusal = (r: { status: number; body: { code: string } }) => ({ status: r.status, code: r.body.code });
  const events = async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`lkj:${JEMBER}:2024`]))[0].n as number;

  async function producePending(): Promise<void> {
    const producer = t.app.get(LkjProducer);
    for (const intent of await new LkjOutbox(t.db.dataSource).pending()) await producer.produce(intent.satker, intent.year, intent.version);
  }

  async function inbox(token: string, kind: string) {
    const response = await t.http.get('/api/v1/me/notifications').set(as(token));
    return (response.body.items as Array<{ kind: string; subject: string; body: string }>).filter((n) => n.kind === kind);
  }

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await createJemberOffice(t);
    other = await createJemberOffice(t, 'kpu-kab-lumajang');
    await approveJemberPk(t, tokens, 2024);
    smtp = await startInProcessSmtp();
    worker = await startNoticeWorker({ db: t.db, smtp, clock: new ControllableClock(new Date()), prefix, dataDir, pkLkjPollMs: 100 });
  });

  afterAll(async () => {
    await closeNoticeWorkers([worker], { prefix, dataDir, smtp });
    await t?.close();
  });

  it('given a new office, then the step is off; a draft is never signed (409 LKJ.DRAFT_NOT_SIGNED)', async () => {
    expect((await t.http.get(`/api/v1/satker/${JEMBER}`).set(as(tokens.admin))).body).toMatchObject({ ketuaSignsLkj: false });
    expect((await t.http.post(`${base}?draft=true`).set(as(tokens.sekretaris)).send({})).status).toBe(202);
    await producePending();
    const before = await events();
    expect(refusal(await sign(tokens.ketua, 1))).toEqual({ status: 409, code: 'LKJ.DRAFT_NOT_SIGNED' });
    expect(await events()).toBe(before);
  });

  it('given the step off, when the year is approved, then the final is as before (produced, nothing awaited) and the Ketua cannot sign it (409 LKJ.SIGNATURE_NOT_REQUIRED)', async () => {
    const driver = new YearDriver(t.db.dataSource, new EventStore(t.db.dataSource), JEMBER);
    const pk = (await driver.pkInForce(2024))!;
    for (const r of jember2024ApprovedReports()) await driver.approveReport(pk, r.month, r.subbagian, { lines: r.lines, budget: r.budget });
    expect((await t.http.post(base).set(as(tokens.sekretaris)).send({})).body).toMatchObject({ version: 2, draft: false });
    await producePending();
    const overview = await t.http.get(base).set(as(tokens.ketua));
    expect(overview.body).toMatchObject({ status: 'produced', latestFinalVersion: 2, awaitingSignature: false });
    expect(overview.body.versions[1]).toMatchObject({ version: 2, status: 'produced', signature: { required: false, signedBy: null, signedAt: null } });
    const before = await events();
    expect(refusal(await sign(tokens.ketua, 2))).toEqual({ status: 409, code: 'LKJ.SIGNATURE_NOT_REQUIRED' });
    expect(await events()).toBe(before);
  });

  it('given only the ADMIN may turn it on, when they do, then the office says so and a final produced after it waits for the Ketua', async () => {
    const patch = (token: string, body: object) => t.http.patch(`/api/v1/satker/${JEMBER}`).set(as(token)).send(body);
    expect(refusal(await patch(tokens.sekretaris, { ketuaSignsLkj: true }))).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect(refusal(await patch(tokens.admin, { ketuaSignsLkj: 'ya' }))).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    const on = await patch(tokens.admin, { ketuaSignsLkj: true, reason: 'Keputusan Ketua tentang pengesahan LKj.' });
    expect({ status: on.status, ketuaSignsLkj: on.body.ketuaSignsLkj }).toEqual({ status: 200, ketuaSignsLkj: true });
    // Version 2 was produced while the step was off: it keeps what was required then.
    expect(refusal(await sign(tokens.ketua, 2))).toEqual({ status: 409, code: 'LKJ.SIGNATURE_NOT_REQUIRED' });

    const asked = await t.http.post(base).set(as(tokens.sekretaris)).send({ suggestions: ['Perkuat koordinasi lintas subbagian.'] });
    // Not decided until it is produced (the setting may change meanwhile): null, not a false 'not required'.
    expect(asked.body).toMatchObject({ version: 3, draft: false, status: 'pending', signature: { required: null, signedBy: null, signedByUser: null } });
    expect(refusal(await sign(tokens.ketua, 3))).toEqual({ status: 409, code: 'LKJ.NOT_PRODUCED_YET' });
    await producePending();
    const overview = await t.http.get(base).set(as(tokens.sekretaris));
    expect(overview.body).toMatchObject({ status: 'produced', latestFinalVersion: 3, awaitingSignature: true });
    expect(overview.body.versions[2]).toMatchObject({ version: 3, signature: { required: true, signedBy: null, signedAt: null } });
  });

  it('refuses anyone but the Ketua of the office: the Sekretaris 403, another office\'s Ketua 404; nothing is recorded', async () => {
    const before = await events();
    expect(refusal(await sign(tokens.sekretaris, 3))).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect(refusal(await sign(tokens.inspektorat, 3))).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect(refusal(await sign(other.ketua, 3))).toEqual({ status: 404, code: 'SATKER.NOT_FOUND' });
    expect(refusal(await sign(tokens.ketua, 9))).toEqual({ status: 404, code: 'LKJ.VERSION_NOT_FOUND' });
    expect(await events()).toBe(before);
  });

  it('given version 3 awaiting, when the Ketua signs, then it is signed once (a retry with the key is a replay, a second signing 409 LKJ.ALREADY_SIGNED)', async () => {
    const before = await events();
    const signed = await sign(tokens.ketua, 3, 'sign-lkj-2024-3');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ version: 3, draft: false, status: 'produced', signature: { required: true, signedBy: expect.any(String), signedAt: expect.any(String) } });
    expect(signed.body.signature.signedByUser).toMatchObject({ id: signed.body.signature.signedBy, username: expect.any(String), fullName: 'KETUA Jember' });
    expect(signed.headers.etag).toBe(`"${before + 1}"`);
    const retry = await sign(tokens.ketua, 3, 'sign-lkj-2024-3');
    expect({ status: retry.status, replayed: retry.headers['idempotent-replayed'], etag: retry.headers.etag }).toEqual({ status: 200, replayed: 'true', etag: `"${before + 1}"` });
    expect(retry.body).toEqual(signed.body);
    const twice = await sign(tokens.ketua, 3);
    expect(refusal(twice)).toEqual({ status: 409, code: 'LKJ.ALREADY_SIGNED' });
    const at = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(signed.body.signature.signedAt)).replace(':', '.');
    expect(twice.body.message).toMatch(new RegExp(`^LKj 2024 versi 3 sudah ditandatangani oleh Ketua \\(KETUA Jember\\) pada \\d{1,2} \\w+ \\d{4} ${at} WIB; tidak perlu ditandatangani lagi\\.$`));
    expect(await events()).toBe(before + 1);
    const overview = await t.http.get(base).set(as(tokens.kasubbag.PDI));
    expect(overview.body).toMatchObject({ status: 'produced', latestFinalVersion: 3, awaitingSignature: false });
    expect(overview.body.versions[2].signature).toEqual(signed.body.signature);
  });

  it('tells the Ketua that version 3 awaits the signature, and the Sekretaris, once, that it was signed', async () => {
    await waitFor(async () => (await inbox(tokens.sekretaris, 'LKJ_SIGNED')).length > 0, 'the Sekretaris told of the signature', 20_000);
    const [signedNotice, ...more] = await inbox(tokens.sekretaris, 'LKJ_SIGNED');
    expect(more).toEqual([]);
    expect(signedNotice.subject).toBe('LKj 2024 versi 3 ditandatangani Ketua — Sekretariat KPU Kabupaten Jember');
    expect(signedNotice.body).toContain('versi 3 ditandatangani oleh Ketua (KETUA Jember) pada ');
    expect(await inbox(tokens.ketua, 'LKJ_SIGNED')).toEqual([]);
    const produced = await inbox(tokens.ketua, 'LKJ_PRODUCED');
    expect(produced.map((n) => n.subject).sort()).toEqual([
      'LKj 2024 versi 2 selesai dibuat — Sekretariat KPU Kabupaten Jember',
      'LKj 2024 versi 3 selesai dibuat dan menunggu tanda tangan Ketua — Sekretariat KPU Kabupaten Jember',
    ]);
    expect(produced.find((n) => n.subject.includes('versi 3'))!.body).toContain('versi ini menunggu tanda tangan Ketua');
  });

  it('shows the setting and the signature in the audit trail, in Indonesian', async () => {
    await drainProjections(t);
    const trail = async (type: string) => (await t.http.get(`/api/v1/satker/${JEMBER}/audit/trail`).query({ type }).set(as(tokens.inspektorat))).body.items as
      Array<{ eventType: string; summary: string; changes: Array<{ field: string; before: string | null; after: string | null }> }>;
    const [signed] = await trail('LkjSigned');
    expect(signed).toMatchObject({
      summary: 'Menandatangani LKj 2024 versi 3 (final).', actor: expect.objectContaining({ role: 'KETUA' }),
      changes: [expect.objectContaining({ field: 'tanda tangan Ketua', before: 'menunggu', after: 'ditandatangani' })],
    });
    const setting = (await trail('SatkerUpdated')).find((r) => r.summary.includes('tanda tangan Ketua'));
    expect(setting).toMatchObject({
      summary: `Mengubah data satker ${JEMBER}; LKj final yang dibuat sejak ini menunggu tanda tangan Ketua.`,
      changes: [expect.objectContaining({ field: 'LKj final ditandatangani Ketua', before: 'tidak', after: 'ya' })],
    });
  });

  it('given version 3 signed and then gone stale, then version 4 waits for its own signature, and 3 can no longer be signed', async () => {
    const stale = await t.http.put(`/api/v1/satker/${JEMBER}/rating-scale`).set(as(tokens.admin)).send({
      label: 'ketat-2025', reason: 'Keputusan rapat pleno.', rows: [
        { minExclusive: '100', maxInclusive: null, category: 'Berhasil', meaning: 'Melampaui target' },
        { minExclusive: '80', maxInclusive: '100', category: 'Cukup Berhasil', meaning: 'Mendekati target' },
        { minExclusive: null, maxInclusive: '80', category: 'Tidak Berhasil', meaning: 'Jauh dari target' },
      ],
    });
    expect(stale.status).toBe(200);
    await t.http.post(base).set(as(tokens.sekretaris)).send({}); // catches the process manager up: version 4 asked for
    await producePending();
    const overview = await t.http.get(base).set(as(tokens.ketua));
    expect(overview.body).toMatchObject({ status: 'produced', latestFinalVersion: 4, awaitingSignature: true });
    expect(overview.body.versions[2]).toMatchObject({ version: 3, stale: true, signature: { required: true, signedBy: expect.any(String) } });
    expect(overview.body.versions[3]).toMatchObject({ version: 4, signature: { required: true, signedBy: null } });
    expect(refusal(await sign(tokens.ketua, 3))).toEqual({ status: 409, code: 'LKJ.ALREADY_SIGNED' });
    expect((await sign(tokens.ketua, 4)).status).toBe(200);
  });

  it('given version 5 awaiting, when the Sekretaris asks for another final, then version 6 tells the Ketua it replaces 5, which no longer needs signing (409 LKJ.VERSION_SUPERSEDED)', async () => {
    await t.http.post(base).set(as(tokens.sekretaris)).send({ suggestions: ['Tingkatkan ketepatan waktu pelaporan.'] });
    await producePending();
    expect((await t.http.get(base).set(as(tokens.ketua))).body).toMatchObject({ latestFinalVersion: 5, awaitingSignature: true });
    await t.http.post(base).set(as(tokens.sekretaris)).send({ suggestions: ['Tingkatkan ketepatan waktu pelaporan bulanan.'] });
    await producePending();
    expect(refusal(await sign(tokens.ketua, 5))).toEqual({ status: 409, code: 'LKJ.VERSION_SUPERSEDED' });
    const produced = async (version: number) => (await inbox(tokens.ketua, 'LKJ_PRODUCED')).find((n) => n.subject.startsWith(`LKj 2024 versi ${version} `));
    await waitFor(async () => (await produced(6)) !== undefined, 'the Ketua told of version 6', 20_000);
    expect((await produced(6))!.body).toContain('Versi ini menggantikan versi 5, yang belum ditandatangani Ketua; versi 5 tidak perlu ditandatangani lagi.');
    // Version 5 replaced a signed version 4: nothing to say there.
    expect((await produced(5))!.body).not.toContain('menggantikan');
  });

  it('given version 6 awaiting, when a corrected monthly report is approved and the Ketua signs before the process manager has run, then 409 LKJ.VERSION_STALE saying why; nothing is recorded', async () => {
    const driver = new YearDriver(t.db.dataSource, new EventStore(t.db.dataSource), JEMBER);
    const pk = (await driver.pkInForce(2024))!;
    const june = jember2024ApprovedReports().find((r) => r.month === 6 && r.subbagian === 'TPH')!;
    const lines = june.lines.map((l, i) => (i === 0 ? { ...l, narrative: `${l.narrative} Angka partisipasi dikoreksi.` } : l));
    await driver.reviseReport(pk, 6, 'TPH', { lines, budget: june.budget }, 'Koreksi narasi Juni.');
    const before = await events();
    const refused = await sign(tokens.ketua, 6);
    expect(refusal(refused)).toEqual({ status: 409, code: 'LKJ.VERSION_STALE' });
    const why = 'Perbaikan laporan realisasi Juni 2024 Sub. Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat disetujui setelah LKj dibuat.';
    expect(refused.body.message).toBe(`LKj 2024 versi 6 tidak lagi mutakhir. Sebab: ${why} Tanda tangani versi baru setelah selesai dibuat.`);
    expect(await events()).toBe(before);
    // The process manager then marks it so, with the same reason, and asks for version 7.
    await t.http.post(base).set(as(tokens.sekretaris)).send({});
    const overview = (await t.http.get(base).set(as(tokens.ketua))).body;
    expect(overview.versions[5]).toMatchObject({ version: 6, stale: true, staleReason: why, signature: { required: true, signedBy: null } });
    expect(overview.versions[6]).toMatchObject({ version: 7, status: 'pending', signature: { required: null } });
  });
});
