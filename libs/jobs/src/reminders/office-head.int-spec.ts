import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import pino from 'pino';
import { pkStreamId, type PkStructure } from '@kinerja/domain';
import { catatanReviuStreamId } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { SatkerProfileService, SatkerService, SubbagianService, UserService } from '@kinerja/identity';
import { ControllableClock } from '@kinerja/platform';
import { anIndicator } from '../../../domain/testing/builders';
import { createIdentityTestContext, type IdentityTestContext } from '../../../../test/support/identity-test-context';
import { testRedisPrefix } from '../../../../test/support/test-database';
import { waitFor } from '../lkj/testing/lkj-scenario.testing';
import { InProcessSmtp, startInProcessSmtp } from '../mail/in-process-smtp.testing';
import { SmtpMailer } from '../mail/mailer';
import { closeNoticeWorkers, startNoticeWorker } from './notice-worker.testing';
import { localInstant } from './plan/office-time';
import type { ReminderRunner } from './reminder-runner';
import { reminderRunnerOn } from './reminders-year.scenario.testing';

const DINKES = 'dinkes-kab-kupang';
const DINSOS = 'dinsos-kab-kupang';
const KPU = 'kpu-kab-kupang';
const PASSWORD = 'tebing-karang-biru-77';

/** One indicator of the unit YANKES, PK approved on 6 January: January's report is due 5 February. */
const STRUCTURE: PkStructure = {
  programs: [{
    code: 'P1', name: 'Program Pemenuhan Upaya Kesehatan',
    kegiatan: [{ code: 'K1', name: 'Pelayanan Kesehatan Dasar', pagu: null, indicators: [anIndicator({ code: 'K1.1', name: 'Puskesmas Terakreditasi', picSubbagian: 'YANKES' })] }],
  }],
};

/**
 * Offices that are not KPU, told through the real runner, recorder, worker and SMTP server: a Dinas
 * Kesehatan whose profile (stored by its ADMIN through `SatkerProfileService`) names its head "Kepala
 * Dinas Kesehatan Kabupaten Kupang", recorded with role KETUA, and a Dinas Sosial whose profile names
 * none. Every inbox row and e-mail names the head by that title, or "Pimpinan", never "Ketua"; its
 * own Inspektorat is "Inspektorat". A KPU office without a profile beside them keeps "Ketua".
 */
describe('notices of an office that is not KPU name its head by its own title', () => {
  let context: IdentityTestContext;
  let smtp: InProcessSmtp;
  let runner: ReminderRunner;
  let worker: TestingModule | undefined;
  const prefix = testRedisPrefix();
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-office-head-'));
  const ids = new Map<string, string>();

  const ds = () => context.db.dataSource;
  const inbox = async (username: string) => (await ds().query(
    `SELECT n.kind, n.subject, n.body FROM notifications n JOIN users u ON u.id = n.recipient_id WHERE u.username = $1 ORDER BY n.created_at, n.kind`, [username],
  )) as Array<{ kind: string; subject: string; body: string }>;
  const outbox = async (username: string) => (await ds().query(
    `SELECT o.subject, o.body FROM notification_outbox o JOIN users u ON u.id = o.recipient_id WHERE u.username = $1 ORDER BY o.created_at`, [username],
  )) as Array<{ subject: string; body: string }>;
  const mails = (username: string) => smtp.received.filter((m) => m.to[0] === `${username}@kupang.test`);
  const mailOf = (username: string, subject: string) => mails(username).filter((m) => m.subject === subject).map((m) => m.text);

  async function office(code: string, name: string, parentCode: string, people: Array<[string, 'KETUA' | 'KASUBBAG' | 'INSPEKTORAT', string]>): Promise<void> {
    const admin = context.rootAdmin;
    await context.module.get(SatkerService).create(admin, { code, name, parentCode, timeZone: 'Asia/Makassar' });
    await context.module.get(SubbagianService).create(admin, code, { code: 'YANKES', name: 'Bidang Pelayanan Kesehatan' });
    for (const [username, role, fullName] of people) {
      const user = await context.module.get(UserService).create(admin, code, {
        username, fullName, role, email: `${username}@kupang.test`, subbagian: role === 'KASUBBAG' ? 'YANKES' : null, password: PASSWORD,
      });
      ids.set(username, user.view.id);
    }
    const meta = { tenantId: code, actorId: 'seed', actorRole: 'SEKRETARIS', correlationId: randomUUID() };
    await context.store.append(pkStreamId(code, 2025), 'no-stream', [
      { type: 'PkDrafted', data: { satker: code, year: 2025, version: 1, structure: STRUCTURE, draftedBy: 'seed', draftedAt: '2025-01-02T02:00:00.000Z' } },
      { type: 'PkSubmitted', data: { version: 1, submittedBy: 'seed', submittedAt: '2025-01-03T02:00:00.000Z' } },
      { type: 'PkApproved', data: { version: 1, approvedBy: 'seed', approvedByRole: 'KETUA', approvedAt: '2025-01-06T02:00:00.000Z', supersedesVersion: null } },
    ], meta);
  }

  beforeAll(async () => {
    context = await createIdentityTestContext();
    context.clock.set(new Date('2024-12-02T01:00:00Z'));
    smtp = await startInProcessSmtp();
    const admin = context.rootAdmin;
    await context.module.get(SatkerService).create(admin, { code: 'pemkab-kupang', name: 'Pemerintah Kabupaten Kupang', parentCode: 'kpu-ri', timeZone: 'Asia/Makassar' });
    // Neither office has a Sekretaris yet: what the Sekretaris would read goes to the head.
    await office(DINKES, 'Dinas Kesehatan Kabupaten Kupang', 'pemkab-kupang', [
      ['kadis.dinkes', 'KETUA', 'dr. Maria Goreti Tefa, M.Kes'], ['kabid.yankes', 'KASUBBAG', 'Agustina Lado'], ['inspektorat.dinkes', 'INSPEKTORAT', 'Paulus Nenabu'],
    ]);
    await office(DINSOS, 'Dinas Sosial Kabupaten Kupang', 'pemkab-kupang', [['kadis.dinsos', 'KETUA', 'Yakobus Sabu'], ['kabid.dinsos', 'KASUBBAG', 'Rina Manafe']]);
    await office(KPU, 'KPU Kabupaten Kupang', 'kpu-ri', [['ketua.kpu', 'KETUA', 'Ketua KPU Kupang'], ['kasubbag.kpu', 'KASUBBAG', 'Kasubbag KPU Kupang']]);
    const profiles = context.module.get(SatkerProfileService);
    await profiles.set(admin, DINKES, { institutionKind: 'LAINNYA', institutionName: 'Dinas Kesehatan Kabupaten Kupang', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' });
    await profiles.set(admin, DINSOS, { institutionKind: 'LAINNYA', institutionName: 'Dinas Sosial Kabupaten Kupang' });
    runner = reminderRunnerOn(ds(), context.store, new SmtpMailer(smtp.url, 'Kinerja <no-reply@kinerja.test>'), pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await closeNoticeWorkers([worker], { prefix, dataDir, smtp });
    await context?.close();
  });

  it('given January unreported and no Sekretaris, when the runner escalates on 6 February, then the head is greeted and told by its title in the inbox and the e-mail', async () => {
    await runner.run(localInstant({ year: 2025, month: 2, day: 6 }, 8, 'Asia/Makassar'));

    const [escalation] = await inbox('kadis.dinkes');
    expect(escalation).toMatchObject({ kind: 'OVERDUE_ESCALATION', subject: 'Eskalasi: 1 laporan realisasi Januari 2025 terlambat (tidak ada Sekretaris aktif) — Dinas Kesehatan Kabupaten Kupang' });
    expect(escalation.body).toMatch(
      /^Yth\. Kepala Dinas Kesehatan Kabupaten Kupang,\n\nDinas Kesehatan Kabupaten Kupang tidak memiliki Sekretaris aktif; eskalasi yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Kepala Dinas Kesehatan Kabupaten Kupang\.\n/,
    );
    expect(escalation.body).toContain('- Bidang Pelayanan Kesehatan (belum dibuat), indikator kosong:');
    // The e-mail written for it and the one the SMTP server accepted carry the same text.
    expect(await outbox('kadis.dinkes')).toEqual([{ subject: escalation.subject, body: escalation.body }]);
    expect(mails('kadis.dinkes').map((m) => m.text)).toEqual([escalation.body]);
    expect(`${escalation.subject}\n${escalation.body}`).not.toMatch(/Ketua/);

    const [untitled] = await inbox('kadis.dinsos');
    expect(untitled.body).toMatch(/^Yth\. Pimpinan,\n\nDinas Sosial Kabupaten Kupang tidak memiliki Sekretaris aktif; eskalasi yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Pimpinan\.\n/);
    expect(mails('kadis.dinsos').map((m) => m.text)).toEqual([untitled.body]);

    const [kpu] = await inbox('ketua.kpu');
    expect(kpu.body).toMatch(/^Yth\. Ketua,\n\nKPU Kabupaten Kupang tidak memiliki Sekretaris aktif; eskalasi yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Ketua\.\n/);
  });

  describe('PK and catatan reviu notices, announced by the worker', () => {
    const clock = new ControllableClock(new Date('2026-01-12T03:00:00Z'));
    const actor = (username: string, role: string) => ({ tenantId: DINKES, actorId: ids.get(username)!, actorRole: role, correlationId: randomUUID() });

    beforeAll(async () => {
      const user = await context.module.get(UserService).create(context.rootAdmin, DINKES, {
        username: 'sekretaris.dinkes', fullName: 'Yohanes Bria, S.KM', role: 'SEKRETARIS', email: 'sekretaris.dinkes@kupang.test', password: PASSWORD,
      });
      ids.set('sekretaris.dinkes', user.view.id);
      worker = await startNoticeWorker({ db: context.db, smtp, clock, prefix, dataDir, pkLkjPollMs: 100, catatanReviuPollMs: 100 });
    });

    it('given the Sekretaris submits the PK and the head approves it, then the head is asked, and the Sekretaris told, by the head\'s title', async () => {
      const pk = pkStreamId(DINKES, 2026);
      await context.store.append(pk, 'no-stream', [
        { type: 'PkDrafted', data: { satker: DINKES, year: 2026, version: 1, structure: STRUCTURE, draftedBy: ids.get('sekretaris.dinkes'), draftedAt: '2026-01-05T02:00:00.000Z' } },
        { type: 'PkSubmitted', data: { version: 1, submittedBy: ids.get('sekretaris.dinkes'), submittedAt: '2026-01-12T03:00:00.000Z' } },
      ], actor('sekretaris.dinkes', 'SEKRETARIS'));
      const submittedSubject = 'PK 2026 (versi 1) diajukan untuk disetujui — Dinas Kesehatan Kabupaten Kupang';
      await waitFor(async () => mailOf('kadis.dinkes', submittedSubject).length === 1, 'the head asked to approve', 20_000);
      const submitted = (await inbox('kadis.dinkes')).find((n) => n.kind === 'PK_SUBMITTED')!;
      expect(submitted.body).toMatch(/^Yth\. Kepala Dinas Kesehatan Kabupaten Kupang,\n\nSekretaris \(Yohanes Bria, S\.KM\) mengajukan Perjanjian Kinerja tahun 2026 \(versi 1\) Dinas Kesehatan Kabupaten Kupang/);
      expect(submitted.body).toContain('PK dapat disetujui atau dikembalikan oleh Kepala Dinas Kesehatan Kabupaten Kupang atau Sekretaris lain, bukan oleh pengajunya sendiri.');
      expect(mailOf('kadis.dinkes', submittedSubject)).toEqual([submitted.body]);

      await context.store.append(pk, 'any', [
        { type: 'PkApproved', data: { version: 1, approvedBy: ids.get('kadis.dinkes'), approvedByRole: 'KETUA', approvedAt: '2026-01-13T03:00:00.000Z', supersedesVersion: null } },
      ], actor('kadis.dinkes', 'KETUA'));
      const approvedSubject = 'PK 2026 (versi 1) disetujui — Dinas Kesehatan Kabupaten Kupang';
      await waitFor(async () => mailOf('sekretaris.dinkes', approvedSubject).length === 1, 'the Sekretaris told of the approval', 20_000);
      // (PK 2025, seeded before the Sekretaris existed, is announced to them too: by "Kinerja", its approver having no account.)
      const approved = (await inbox('sekretaris.dinkes')).find((n) => n.subject === approvedSubject)!;
      expect(approved.kind).toBe('PK_APPROVED');
      expect(approved.body).toContain('disetujui oleh Kepala Dinas Kesehatan Kabupaten Kupang (dr. Maria Goreti Tefa, M.Kes) pada Selasa, 13 Januari 2026.');
      expect((await outbox('sekretaris.dinkes')).filter((o) => o.subject === approvedSubject)).toEqual([{ subject: approved.subject, body: approved.body }]);
      expect(mailOf('sekretaris.dinkes', approvedSubject)).toEqual([approved.body]);
      expect([submitted, approved].map((n) => `${n.subject}\n${n.body}`).join('\n')).not.toMatch(/Ketua/);
    });

    it('given a finding by the Dinas\'s own Inspektorat account, then it comes from "Inspektorat", not from an "Inspektorat Dinas Kesehatan …" that does not exist', async () => {
      const noteId = randomUUID();
      await context.store.append(catatanReviuStreamId(DINKES, noteId), 'no-stream', [{ type: 'CatatanReviuWritten', data: {
        noteId, satker: DINKES, target: { kind: 'REPORT', year: 2025, month: 1, subbagian: 'YANKES' }, category: 'TEMUAN', title: 'Capaian Januari tanpa bukti',
        description: 'Daftar puskesmas terakreditasi tidak dilampirkan.', recommendation: 'Lampirkan sertifikat akreditasi.',
        writtenBy: ids.get('inspektorat.dinkes'), writtenAt: '2026-01-14T02:00:00.000Z',
      } }], actor('inspektorat.dinkes', 'INSPEKTORAT'));
      const subject = 'Temuan baru dari Inspektorat: Capaian Januari tanpa bukti — Dinas Kesehatan Kabupaten Kupang';
      await waitFor(async () => mailOf('sekretaris.dinkes', subject).length === 1, 'the Sekretaris told of the finding', 20_000);
      const finding = (await inbox('sekretaris.dinkes')).find((n) => n.kind === 'CATATAN_REVIU_WRITTEN')!;
      expect(finding.subject).toBe(subject);
      expect(finding.body).toContain('Inspektorat (Paulus Nenabu) menulis temuan "Capaian Januari tanpa bukti" atas laporan realisasi Januari 2025 Bidang Pelayanan Kesehatan pada Dinas Kesehatan Kabupaten Kupang.');
      expect(mailOf('sekretaris.dinkes', subject)).toEqual([finding.body]);
      expect(`${finding.subject}\n${finding.body}`).not.toContain('Inspektorat Dinas');
    });
  });
});
