import { DataSource } from 'typeorm';
import { EventStore } from '@kinerja/event-store';
import { ProjectionRegistry, ProjectionRunner } from '@kinerja/projections';
import { AuditTrailProjection } from '@kinerja/projections/audit-trail/audit-trail.projection';
import { CatatanReviuListProjection } from '@kinerja/projections/audit-trail/catatan-reviu-list.projection';
import { ChainDigestService } from '@kinerja/jobs/digest/chain-digest.service';
import { NoticeRecorder, type NoticeDelivery } from '@kinerja/jobs/reminders/notice-recorder';
import { ReminderRecorder, renderReminder, type PlannedReminder } from '@kinerja/jobs';
import { evidencePdf } from '@kinerja/workflow/evidence/evidence-files.testing';
import type { TestApp } from '../support/test-app';
import { createJemberOffice, JEMBER, jemberPkBody, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/** One answer of the API, with the operation of the OpenAPI document that was called. */
export interface Answer {
  method: 'get' | 'post' | 'put';
  /** The path as the document names it, e.g. `/api/v1/satker/{satker}/pk/{year}`. */
  template: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

type Params = Record<string, string | number>;

const pathOf = (template: string, params: Params) => template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));

/**
 * Calls the API the way a client generated from the OpenAPI document would, and keeps every answer
 * with the operation it belongs to, so that each can be checked against what the document says of
 * its status.
 */
export class AnswerLog {
  readonly answers: Answer[] = [];

  constructor(private readonly t: TestApp) {}

  async call(
    method: Answer['method'], template: string, params: Params, token: string | null,
    options: { body?: object | string; contentType?: string; query?: string; expect?: number } = {},
  ) {
    let request = this.t.http[method](`${pathOf(template, params)}${options.query ?? ''}`);
    if (token) request = request.set('Authorization', `Bearer ${token}`);
    if (options.contentType) request = request.set('Content-Type', options.contentType);
    const response = options.body === undefined ? await request : await request.send(options.body);
    return this.keep(method, template, response, options.expect);
  }

  /** An upload of `file` (multipart), as POST evidence and the CSV import take it. */
  async upload(template: string, params: Params, token: string, file: Buffer, fileName: string, expect?: number) {
    const response = await this.t.http.post(pathOf(template, params)).set('Authorization', `Bearer ${token}`).attach('file', file, fileName);
    return this.keep('post', template, response, expect);
  }

  private keep(method: Answer['method'], template: string, response: { status: number; body: any; headers: Record<string, string> }, expected?: number) {
    if (expected !== undefined && response.status !== expected) {
      throw new Error(`${method.toUpperCase()} ${template}: ${response.status} (expected ${expected}) ${JSON.stringify(response.body)}`);
    }
    this.answers.push({ method, template, status: response.status, body: response.body, headers: response.headers });
    return response;
  }
}

const V1 = '/api/v1';
const OFFICE = `${V1}/satker/{satker}`;
const PK = `${OFFICE}/pk/{year}`;
const REPORT = `${OFFICE}/realisasi/{year}/{month}/{subbagian}`;
const NOTE = `${OFFICE}/catatan-reviu/{noteId}`;

/** Every indicator of the subbagian reported as `value`, with the evidence given on the first line. */
function reportContent(subbagian: string, value: string, evidence: object[] = []) {
  const { indicators, kegiatan } = ownedBy(subbagian);
  return {
    lines: indicators.map((i, n) => ({ indicatorCode: i.code, value, narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: n === 0 ? evidence : [] })),
    budget: kegiatan.map((kegiatanCode) => ({ kegiatanCode, spent: '1500000.50' })),
  };
}

/**
 * KPU Kabupaten Jember driven through the main commands and reads: the PK through all its steps
 * (a return, a PK Perubahan opened and withdrawn), an evidence upload, a monthly report through its
 * whole life (saved, submitted, returned, approved, revised, the revision withdrawn), the rating
 * scale, last year's capaian, an LKj draft, a catatan reviu through its life, notifications of
 * several kinds, the audit workbench (a digest, and an alert raised by damage and closed once the
 * chain is restored), the public routes, and refusals of the common kinds.
 */
export async function driveJember(t: TestApp, log: AnswerLog): Promise<JemberTokens> {
  const tokens = await createJemberOffice(t);
  const office = { satker: JEMBER };
  const year = { ...office, year: 2024 };
  // A PK Perubahan is opened in a year not yet over; the reports are of 2024.
  await drivePk(log, tokens, { ...office, year: new Date().getUTCFullYear() });
  for (const [step, token] of [['', tokens.sekretaris], ['/submit', tokens.sekretaris], ['/approve', tokens.ketua]] as const) {
    await log.call('post', `${PK}${step}`, year, token, { body: step === '' ? jemberPkBody() : {}, expect: step === '' ? 201 : 200 });
  }
  const evidence = await log.upload(`${OFFICE}/evidence`, office, tokens.kasubbag.KUL, evidencePdf('bukti'), 'spj-januari.pdf', 201);
  await driveReport(log, tokens, { ...year, month: 1, subbagian: 'KUL' }, evidence.body);
  await log.call('get', `${OFFICE}/realisasi/{year}`, year, tokens.sekretaris, { expect: 200 });
  await driveRatingScale(log, tokens, office);
  await log.call('get', `${OFFICE}/capaian-tahun-lalu/{year}`, year, tokens.sekretaris, { expect: 200 });
  await log.call('put', `${OFFICE}/capaian-tahun-lalu/{year}`, year, tokens.sekretaris, { body: { entries: [{ indicator: 'K1.1', capaian: '100' }] }, expect: 200 });
  await log.upload(`${OFFICE}/capaian-tahun-lalu/{year}/csv`, year, tokens.sekretaris, Buffer.from('K1.2;95,5\n'), 'capaian-2023.csv', 200);
  await log.call('get', `${OFFICE}/lkj/{year}`, { ...office, year: 2031 }, tokens.sekretaris, { expect: 200 });
  await log.call('post', `${OFFICE}/lkj/{year}`, year, tokens.sekretaris, { query: '?draft=true', body: {}, expect: 202 });
  await log.call('get', `${OFFICE}/lkj/{year}`, year, tokens.ketua, { expect: 200 });
  await driveCatatanReviu(t, log, tokens, office);
  await recordNotifications(t);
  for (const token of [tokens.kasubbag.KUL, tokens.sekretaris]) await log.call('get', `${V1}/me/notifications`, {}, token, { expect: 200 });
  await driveAudit(t, log, tokens, office);
  await drivePublicRoutes(log);
  await driveRefusals(log, tokens);
  return tokens;
}

async function drivePk(log: AnswerLog, tokens: JemberTokens, year: Params) {
  const { sekretaris, ketua } = tokens;
  await log.call('post', PK, year, sekretaris, { body: jemberPkBody(), expect: 201 });
  await log.call('put', `${PK}/draft`, year, sekretaris, { body: jemberPkBody(), expect: 200 });
  await log.call('post', `${PK}/submit`, year, sekretaris, { body: {}, expect: 200 });
  await log.call('post', `${PK}/return`, year, ketua, { body: { reason: 'Target K4.1 belum sesuai DIPA.' }, expect: 200 });
  await log.call('post', `${PK}/submit`, year, sekretaris, { body: {}, expect: 200 });
  await log.call('post', `${PK}/approve`, year, ketua, { body: {}, expect: 200 });
  await log.call('post', `${PK}/revisions`, year, sekretaris, { body: { reason: 'DIPA direvisi pada bulan Juni.' }, expect: 201 });
  await log.call('get', PK, year, ketua, { expect: 200 });
  await log.call('post', `${PK}/revisions/withdraw`, year, sekretaris, { body: { reason: 'Dibuka karena keliru.' }, expect: 200 });
  await log.call('get', PK, year, ketua, { expect: 200 });
  await log.call('get', `${PK}/versions`, year, ketua, { expect: 200 });
}

async function driveReport(log: AnswerLog, tokens: JemberTokens, report: Params, evidence: object) {
  const kasubbag = tokens.kasubbag[report.subbagian];
  await log.call('put', REPORT, report, kasubbag, { body: reportContent('KUL', '1', [evidence]), expect: 200 });
  await log.call('get', REPORT, report, tokens.sekretaris, { expect: 200 });
  await log.call('post', `${REPORT}/submit`, report, kasubbag, { body: {}, expect: 200 });
  await log.call('post', `${REPORT}/return`, report, tokens.sekretaris, { body: { reason: 'Bukti SPJ belum dilampirkan.' }, expect: 200 });
  // A figure far above its target: the answer carries a warning.
  await log.call('post', `${REPORT}/submit`, report, kasubbag, { body: reportContent('KUL', '500', [evidence]), expect: 200 });
  await log.call('post', `${REPORT}/approve`, report, tokens.sekretaris, { body: {}, expect: 200 });
  await log.call('post', `${REPORT}/revise`, report, kasubbag, { body: { reason: 'Angka Januari salah ketik.' }, expect: 200 });
  await log.call('post', `${REPORT}/revise/withdraw`, report, kasubbag, { body: {}, expect: 200 });
  await log.call('get', REPORT, report, tokens.inspektorat, { expect: 200 });
  await log.call('get', `${REPORT}/history`, report, tokens.sekretaris, { expect: 200 });
}

async function driveRatingScale(log: AnswerLog, tokens: JemberTokens, office: Params) {
  const path = `${OFFICE}/rating-scale`;
  await log.call('get', path, office, tokens.kasubbag.KUL, { expect: 200 });
  await log.call('get', `${path}/history`, office, tokens.kasubbag.KUL, { expect: 200 });
  const rows = [
    { minExclusive: '90', maxInclusive: null, category: 'Berhasil', meaning: 'Mencapai target' },
    { minExclusive: null, maxInclusive: '90', category: 'Belum Berhasil', meaning: 'Belum mencapai target' },
  ];
  await log.call('put', path, office, tokens.admin, { body: { label: 'skala-2025', rows, reason: 'Keputusan rapat pimpinan.' }, expect: 200 });
  await log.call('get', path, office, tokens.ketua, { expect: 200 });
  await log.call('get', `${path}/history`, office, tokens.ketua, { expect: 200 });
}

/** The read models the worker keeps (the audit trail, the catatan reviu list), brought up to date as it would. */
function drainProjections(t: TestApp): Promise<unknown> {
  const dataSource = t.app.get(DataSource);
  return new ProjectionRunner(dataSource, t.app.get(EventStore), new ProjectionRegistry([new AuditTrailProjection(), new CatatanReviuListProjection()])).drain();
}

async function driveCatatanReviu(t: TestApp, log: AnswerLog, tokens: JemberTokens, office: Params) {
  const notes = `${OFFICE}/catatan-reviu`;
  const body = {
    category: 'TEMUAN', target: { kind: 'REPORT', year: 2024, month: 1, subbagian: 'KUL' },
    title: 'Bukti dukung Januari', description: 'SPJ Januari tidak lengkap.', recommendation: 'Lampirkan SPJ yang ditandatangani.',
  };
  const written = await log.call('post', notes, office, tokens.inspektorat, { body, expect: 201 });
  const note = { ...office, noteId: written.body.noteId };
  await log.call('post', `${NOTE}/tindak-lanjut`, note, tokens.sekretaris, { body: { response: 'SPJ sudah dilampirkan.' }, expect: 200 });
  await log.call('post', `${NOTE}/close`, note, tokens.inspektorat, { body: { conclusion: 'Tindak lanjut memadai.' }, expect: 200 });
  await log.call('post', `${NOTE}/reopen`, note, tokens.inspektorat, { body: { reason: 'SPJ belum ditandatangani.' }, expect: 200 });
  await log.call('get', NOTE, note, tokens.ketua, { expect: 200 });
  await drainProjections(t);
  await log.call('get', notes, office, tokens.sekretaris, { expect: 200 });
}

/** A reminder as the worker plans it, and notices of the kinds the worker sends on PK and LKj events and integrity alerts. */
async function recordNotifications(t: TestApp) {
  const dataSource = t.app.get(DataSource);
  const events = new EventStore(dataSource);
  const [kul, sekretaris] = await Promise.all(['kasubbag.kul', 'sekretaris'].map(async (username) => {
    const [row] = await dataSource.query(`SELECT id FROM users WHERE username = $1`, [username]);
    return { userId: row.id as string, satker: JEMBER, fullName: username, email: null };
  }));
  const reminder: PlannedReminder = {
    key: `before-deadline:${JEMBER}:2024-02:KUL:2024-03-04`, kind: 'BEFORE_DEADLINE', satker: JEMBER, audience: { role: 'KASUBBAG', subbagian: 'KUL' },
    dueAt: '2024-03-04T01:00:00.000Z', localDate: '2024-03-04', period: { year: 2024, month: 2 }, periods: [{ year: 2024, month: 2 }],
    deadline: { year: 2024, month: 3, day: 5 },
    reports: [{ year: 2024, month: 2, subbagian: 'KUL', subbagianName: 'Keuangan, Umum dan Logistik', status: 'NOT_STARTED', blankIndicators: [], submittedAt: null, returnedAt: null, returnReason: null, moves: [] }],
  };
  const office = { satker: JEMBER, name: 'KPU Kabupaten Jember', timeZone: 'Asia/Jakarta' as const, deadlineDay: 5 };
  await new ReminderRecorder(dataSource, events).record(reminder, renderReminder(reminder, office), [kul], new Date(reminder.dueAt));
  const notices = new NoticeRecorder(dataSource, events);
  const delivery: NoticeDelivery = { role: 'SEKRETARIS', vacantRoles: [] };
  for (const [kind, details] of [['PK_APPROVED', { pk: { year: 2024, version: 1 } }], ['LKJ_PRODUCED', { lkj: { year: 2024, version: 1 } }]] as const) {
    const notice = {
      key: `${kind.toLowerCase()}:${JEMBER}:2024`, kind, satker: JEMBER, audience: { role: 'PIMPINAN' }, dueAt: new Date().toISOString(),
      message: { subject: `${kind} 2024`, body: 'Pemberitahuan.' }, details,
    };
    await notices.record(notice, [sekretaris], delivery, new Date());
  }
}

async function driveAudit(t: TestApp, log: AnswerLog, tokens: JemberTokens, office: Params) {
  const audit = `${OFFICE}/audit`;
  const { inspektorat } = tokens;
  await drainProjections(t);
  expect(await t.app.get(ChainDigestService).record(JEMBER, new Date())).toBe('recorded');
  const digests = await log.call('get', `${audit}/digests`, office, inspektorat, { expect: 200 });
  await log.call('get', `${audit}/digests/{day}`, { ...office, day: digests.body.items[0].day }, inspektorat, { expect: 200 });
  await log.call('get', `${audit}/trail`, office, inspektorat, { query: '?limit=500', expect: 200 });
  await log.call('get', `${V1}/audit/trail`, {}, inspektorat, { query: '?limit=5', expect: 200 });
  const figure = { ...office, year: 2024, month: 1, indicator: ownedBy('KUL').indicators[0].code };
  await log.call('get', `${audit}/figures/{year}/{month}/{indicator}`, figure, inspektorat, { expect: 200 });
  await log.call('get', `${audit}/verify`, office, inspektorat, { expect: 200 });
  // Damage to the chain raises an alert; restored, the Inspektorat closes it.
  const dataSource = t.app.get(DataSource);
  const tamper = (reason: string) => dataSource.transaction(async (m) => {
    await m.query('ALTER TABLE events DISABLE TRIGGER USER');
    await m.query(`UPDATE events SET data = jsonb_set(data, '{reason}', to_jsonb($2::text)) WHERE tenant_id = $1 AND type = 'RealisasiReturned'`, [JEMBER, reason]);
    await m.query('ALTER TABLE events ENABLE TRIGGER USER');
  });
  await tamper('Tidak ada alasan');
  await log.call('get', `${audit}/verify`, office, inspektorat, { expect: 200 });
  await log.call('get', `${audit}/alerts`, office, inspektorat, { expect: 200 });
  await tamper('Bukti SPJ belum dilampirkan.');
  const [open] = (await log.call('get', `${audit}/alerts`, office, inspektorat, { expect: 200 })).body.items;
  await log.call('post', `${audit}/alerts/{alertId}/resolve`, { ...office, alertId: open.id }, inspektorat, { body: { reason: 'Data dipulihkan dari cadangan.' }, expect: 200 });
  await log.call('get', `${audit}/alerts`, office, inspektorat, { query: '?status=all', expect: 200 });
}

async function drivePublicRoutes(log: AnswerLog) {
  await log.call('get', '/health', {}, null, { expect: 200 });
  await log.call('get', '/health', {}, null, { query: '?verbose=1', expect: 400 });
  await log.call('get', `${V1}/audit/public-keys`, {}, null, { expect: 200 });
  await log.call('post', `${V1}/auth/login`, {}, null, { body: { username: 'sekretaris', password: 'jember-kopi-tubruk-2024' }, expect: 200 });
  await log.call('post', `${V1}/auth/login`, {}, null, { body: { username: 'sekretaris' }, expect: 400 });
  await log.call('post', `${V1}/auth/login`, {}, null, { body: { username: 'sekretaris', password: 'bukan-sandinya' }, expect: 401 });
}

/** Refusals every client meets: an office out of reach, a file not there, a year or a query the route does not take, another media type. */
async function driveRefusals(log: AnswerLog, tokens: JemberTokens) {
  const elsewhere = { satker: 'kpu-kab-lumajang', year: 2024 };
  await log.call('get', PK, elsewhere, tokens.ketua, { expect: 404 });
  await log.call('get', `${OFFICE}/rating-scale`, elsewhere, tokens.ketua, { expect: 404 });
  await log.call('get', `${OFFICE}/audit/trail`, elsewhere, tokens.inspektorat, { expect: 404 });
  await log.call('get', `${OFFICE}/catatan-reviu`, elsewhere, tokens.inspektorat, { expect: 404 });
  await log.call('get', `${OFFICE}/lkj/{year}`, elsewhere, tokens.ketua, { expect: 404 });
  await log.call('get', `${OFFICE}/evidence/{sha256}`, { satker: JEMBER, sha256: 'a'.repeat(64) }, tokens.ketua, { expect: 404 });
  await log.call('get', PK, { satker: JEMBER, year: 1999 }, tokens.ketua, { expect: 400 });
  await log.call('get', `${OFFICE}/rating-scale`, { satker: JEMBER }, tokens.ketua, { query: '?tahun=2024', expect: 400 });
  await log.call('get', `${V1}/me/notifications`, {}, tokens.ketua, { query: '?limit=0', expect: 400 });
  const report = { satker: JEMBER, year: 2024, month: 2, subbagian: 'KUL' };
  await log.call('get', REPORT, { ...report, month: 13 }, tokens.sekretaris, { expect: 400 });
  await log.call('put', REPORT, report, tokens.kasubbag.KUL, { contentType: 'text/plain', body: 'lines', expect: 415 });
}
