import { EventStore } from '@kinerja/event-store';
import { builtInRegistry, ProjectionRunner } from '@kinerja/projections';
import { ControllableClock } from '@kinerja/platform';
import { login } from '../support/identity-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy, PASSWORD } from './workflow/jember-office.fixture';

/**
 * The Sekretaris's approval inbox and the submission-status matrix over HTTP, on the Jember office.
 * Both are read models: the API answers from them, the worker's projection runner fills them (here
 * the test drains the runner where the worker would). The clock stands on 10 February 2024, 10:00 in
 * Jakarta: January's reports were due on the 5th.
 */
describe('approval inbox and status matrix (read models)', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let runner: ProjectionRunner;
  const clock = new ControllableClock(new Date('2024-02-10T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;
  const INBOX = `/api/v1/satker/${JEMBER}/approval-inbox`;
  const MATRIX = `/api/v1/satker/${JEMBER}/status-matrix/2024`;

  function content(subbagian: string, spent = '1000000') {
    const { indicators, kegiatan } = ownedBy(subbagian);
    return {
      lines: indicators.map((i) => ({ indicatorCode: i.code, value: '1', narrative: 'Terlaksana.', kendala: '-', solusi: '-', evidence: [] })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent })),
    };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function get(path: string, token: string): Promise<any> {
    const response = await t.http.get(path).set(as(token));
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function post(path: string, token: string, body: object = {}): Promise<void> {
    const response = await t.http.post(path).set(as(token)).send(body);
    if (response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }

  /** Where the matrix stands for one cell. */
  async function cell(subbagian: string, month: number) {
    const matrix = await get(MATRIX, tokens.sekretaris);
    const row = matrix.rows.find((r: { subbagian: string }) => r.subbagian === subbagian);
    return row.months.find((m: { month: number }) => m.month === month);
  }

  const waiting = async (token = tokens.sekretaris) =>
    (await get(INBOX, token)).items.map((i: { month: number; subbagian: string }) => `${i.subbagian} ${i.month}`);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens = await createJemberOffice(t);
    // The PK signed in January, as offices do (a PK approved later gives the months past a catch-up deadline).
    clock.set(new Date('2024-01-16T03:00:00Z'));
    await approveJemberPk(t, tokens, 2024);
    clock.set(new Date('2024-02-10T03:00:00Z'));
    runner = new ProjectionRunner(t.db.dataSource, new EventStore(t.db.dataSource), builtInRegistry());
    await runner.drain();
  });

  afterAll(() => t?.close());

  it('starts with an empty inbox and a matrix where January is overdue and the later months not started', async () => {
    expect(await get(INBOX, tokens.sekretaris)).toEqual({ satker: JEMBER, count: 0, items: [] });
    const matrix = await get(MATRIX, tokens.sekretaris);
    expect(matrix).toMatchObject({ satker: JEMBER, year: 2024, timeZone: 'Asia/Jakarta', deadlineDay: 5 });
    expect(matrix.rows.map((r: { subbagian: string }) => r.subbagian)).toEqual(['HSDM', 'KUL', 'PDI', 'TPH']);
    for (const row of matrix.rows) {
      expect(row.months.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(row.months[0]).toEqual({
        month: 1, status: 'OVERDUE', revision: null, deadline: '2024-02-05', deadlineBasis: 'OWN', submittedAt: null, approvedAt: null, returnReason: null,
        firstSubmittedAt: null, submittedOnTime: null, daysLate: null,
      });
      expect(row.months.slice(1).every((m: { status: string }) => m.status === 'NOT_STARTED')).toBe(true);
    }
    expect(matrix.rows[0].months[11].deadline).toBe('2025-01-05');
    // Four Januaries owed and past their deadline, none sent: counted, and none on time.
    expect(matrix.timeliness).toEqual({ onTime: 0, late: 0, notYetSubmitted: 4, onTimePercent: '0.00' });
  });

  it('shows a submitted report in the Sekretaris\'s inbox and as submitted in the matrix once the projections have caught up', async () => {
    await post(`${report(1, 'KUL')}/submit`, tokens.kasubbag.KUL, content('KUL'));
    // The read models follow the log: until the runner applies the submission, it is not there.
    expect(await waiting()).toEqual([]);
    await runner.drain();

    const inbox = await get(INBOX, tokens.sekretaris);
    expect(inbox).toEqual({
      satker: JEMBER, count: 1,
      items: [{
        satker: JEMBER, year: 2024, month: 1, subbagian: 'KUL', revision: 0, resubmission: false,
        submittedBy: { id: expect.any(String), username: 'kasubbag.kul', fullName: 'KASUBBAG KUL Jember' },
        submittedAt: '2024-02-10T03:00:00.000Z', daysWaiting: 0, ownSubmission: false, ownSubmissionHint: null,
      }],
    });
    expect(await cell('KUL', 1)).toMatchObject({ status: 'SUBMITTED', revision: 0, submittedAt: '2024-02-10T03:00:00.000Z', approvedAt: null });
    // Sent on 10 February against a deadline of 5 February: five office days late.
    expect(await cell('KUL', 1)).toMatchObject({ firstSubmittedAt: '2024-02-10T03:00:00.000Z', submittedOnTime: false, daysLate: 5 });
    expect(await cell('PDI', 1)).toMatchObject({ status: 'OVERDUE' });
  });

  it('orders the inbox oldest submission first and counts the days waiting', async () => {
    clock.advance(2 * 86_400_000 + 3_600_000);
    await post(`${report(1, 'PDI')}/submit`, tokens.kasubbag.PDI, content('PDI'));
    clock.advance(86_400_000);
    await runner.drain();
    const inbox = await get(INBOX, tokens.sekretaris);
    expect(inbox.items.map((i: { subbagian: string; daysWaiting: number }) => [i.subbagian, i.daysWaiting])).toEqual([['KUL', 3], ['PDI', 1]]);
    expect(inbox.count).toBe(2);
  });

  it('counts the days waiting on the office calendar, as daysLate does: past midnight in Jakarta is a day more, however few hours', async () => {
    // 14 February 00:30 WIB: KUL sent on the 10th at 10:00 (3 days and 14½ hours ago), PDI on the 12th at 11:00 (37½ hours ago).
    clock.set(new Date('2024-02-13T17:30:00Z'));
    const inbox = await get(INBOX, tokens.sekretaris);
    expect(inbox.items.map((i: { subbagian: string; daysWaiting: number }) => [i.subbagian, i.daysWaiting])).toEqual([['KUL', 4], ['PDI', 2]]);
  });

  it('is read, unchanged, by the Ketua and the Inspektorat; a Kasubbag is refused', async () => {
    const seen = await get(INBOX, tokens.sekretaris);
    expect(await get(INBOX, tokens.ketua)).toEqual(seen);
    expect(await get(INBOX, tokens.inspektorat)).toEqual(seen);
    for (const path of [INBOX, MATRIX]) {
      const refused = await t.http.get(path).set(as(tokens.kasubbag.KUL));
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
    }
  });

  it('takes an approved report out of the inbox and shows it approved in the matrix', async () => {
    await post(`${report(1, 'KUL')}/approve`, tokens.sekretaris);
    expect(await waiting()).toEqual(['KUL 1', 'PDI 1']);
    await runner.drain();
    expect(await waiting()).toEqual(['PDI 1']);
    expect(await cell('KUL', 1)).toMatchObject({ status: 'APPROVED', revision: 0, approvedAt: clock.now().toISOString() });
  });

  it('takes a returned report out of the inbox; never approved and past its deadline, it shows overdue with the reason', async () => {
    await post(`${report(1, 'PDI')}/return`, tokens.sekretaris, { reason: 'Lampirkan SPJ Januari.' });
    await runner.drain();
    expect(await get(INBOX, tokens.sekretaris)).toEqual({ satker: JEMBER, count: 0, items: [] });
    expect(await cell('PDI', 1)).toMatchObject({ status: 'OVERDUE', returnReason: 'Lampirkan SPJ Januari.' });
  });

  it('shows an approved report under correction as a draft, never overdue, in the matrix and in realisasi/{year} alike', async () => {
    await post(`${report(1, 'KUL')}/revise`, tokens.kasubbag.KUL, { reason: 'Salah ketik pada anggaran.' });
    await runner.drain();
    expect(await cell('KUL', 1)).toMatchObject({ status: 'DRAFT', revision: 1 });
    // A correction never changes when the report was first sent.
    expect(await cell('KUL', 1)).toMatchObject({ firstSubmittedAt: '2024-02-10T03:00:00.000Z', submittedOnTime: false, daysLate: 5 });
    const list = await get(`/api/v1/satker/${JEMBER}/realisasi/2024`, tokens.sekretaris);
    const january = list.months[0].reports.find((r: { subbagian: string }) => r.subbagian === 'KUL');
    expect(january).toMatchObject({ status: 'DRAFT', revision: 1, overdue: false });

    // The correction the reason announces (an unchanged one is refused: REALISASI.REVISION_UNCHANGED).
    await post(`${report(1, 'KUL')}/submit`, tokens.kasubbag.KUL, content('KUL', '1100000'));
    await runner.drain();
    const inbox = await get(INBOX, tokens.sekretaris);
    expect(inbox.items).toEqual([expect.objectContaining({ subbagian: 'KUL', month: 1, revision: 1, daysWaiting: 0 })]);
  });

  it('lists only their own subbagian\'s reports to a Kasubbag in realisasi/{year}; the Sekretaris sees every subbagian', async () => {
    const own = await get(`/api/v1/satker/${JEMBER}/realisasi/2024`, tokens.kasubbag.KUL);
    expect(own.subbagian).toEqual(['KUL']);
    expect(own.months.flatMap((m: { reports: Array<{ subbagian: string }> }) => m.reports.map((r) => r.subbagian))).toEqual(Array(12).fill('KUL'));
    const all = await get(`/api/v1/satker/${JEMBER}/realisasi/2024`, tokens.sekretaris);
    expect(all.subbagian.length).toBeGreaterThan(1);
    expect(all.subbagian).toContain('KUL');
  });

  it('marks, for a Kasubbag made Plh Sekretaris, the report they submitted themselves: listed, ownSubmission with the reason; not for the other Sekretaris', async () => {
    // KUL's January correction waits, submitted by kasubbag.kul; the admin then makes him Plh Sekretaris.
    const [waitingKul] = (await get(INBOX, tokens.sekretaris)).items;
    expect(waitingKul).toMatchObject({ subbagian: 'KUL', submittedBy: { username: 'kasubbag.kul' } });
    const patched = await t.http.patch(`/api/v1/satker/${JEMBER}/users/${waitingKul.submittedBy.id}`).set(as(tokens.admin)).send({ role: 'SEKRETARIS', subbagian: null });
    expect(patched.status).toBe(200);
    const plh = await login(t, 'kasubbag.kul', PASSWORD);

    const inbox = await get(INBOX, plh);
    expect(inbox.count).toBe(1);
    expect(inbox.items[0]).toMatchObject({ subbagian: 'KUL', month: 1, ownSubmission: true });
    expect(inbox.items[0].ownSubmissionHint).toMatch(/^Anda tidak dapat menyetujui atau mengembalikan laporan yang Anda ajukan sendiri; harus orang lain: Sekretaris lain/);
    // The mark says what approving or returning would meet.
    const refused = await t.http.post(`${report(1, 'KUL')}/approve`).set(as(plh)).send({});
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'REALISASI.OWN_SUBMISSION' });
    expect(refused.body.message).toBe(inbox.items[0].ownSubmissionHint.replace('menyetujui atau mengembalikan', 'menyetujui'));
    const returnRefused = await t.http.post(`${report(1, 'KUL')}/return`).set(as(plh)).send({ reason: 'Periksa lagi' });
    expect({ status: returnRefused.status, code: returnRefused.body.code }).toEqual({ status: 403, code: 'REALISASI.OWN_SUBMISSION' });
    expect(returnRefused.body.message).toBe(inbox.items[0].ownSubmissionHint.replace('menyetujui atau mengembalikan', 'mengembalikan'));
    // The other Sekretaris, who may approve it, sees it unmarked.
    expect((await get(INBOX, tokens.sekretaris)).items[0]).toMatchObject({ ownSubmission: false, ownSubmissionHint: null });
  });
});
