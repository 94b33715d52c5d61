import { integrityAlertRecipients, planIntegrityAlertNotice, type IntegrityAlertFacts, type IntegrityAlertPerson } from './integrity-alert-notice';

const office = { name: 'KPU Kabupaten Jember', timeZone: 'Asia/Jakarta', above: ['kpu-prov-jatim', 'kpu-ri'] };
const FOOTER = '\n\nPesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk menindaklanjuti.';
const chainAlert: IntegrityAlertFacts = {
  id: 7, satker: 'kpu-kab-jember', detectedAt: '2026-12-07T13:45:00.000Z', source: 'cli', kind: 'modified', subject: null,
  brokenSequence: 169, brokenEventId: '0b9c4b1e-0000-4000-8000-000000000169', detail: 'isi peristiwa tidak cocok dengan hash-nya',
};
const SHA = 'a'.repeat(64);

describe('integrity alert notice: what the Inspektorat and the ADMIN are told', () => {
  it('given an alert on a broken chain, then it names the office, the first broken link, the alert number, and what to do (verify, restore, close; the LKj waits)', () => {
    const notice = planIntegrityAlertNotice(chainAlert, office, ['INSPEKTORAT', 'ADMIN']);
    expect(notice).toMatchObject({
      key: 'integrity-alert:kpu-kab-jember:7', kind: 'INTEGRITY_ALERT', satker: 'kpu-kab-jember', dueAt: chainAlert.detectedAt,
      audience: { role: 'INTEGRITY_WATCHERS', satker: 'kpu-kab-jember', above: ['kpu-prov-jatim', 'kpu-ri'] }, alert: { id: 7, kind: 'modified', subject: null, brokenSequence: 169 },
    });
    expect(notice.message).toEqual({
      subject: 'Peringatan integritas #7: jejak audit rusak — KPU Kabupaten Jember',
      body: 'Yth. Inspektorat dan Administrator,\n\n'
        + 'Kinerja mencatat peringatan integritas #7 untuk KPU Kabupaten Jember (kpu-kab-jember) pada 7 Desember 2026 20.45 WIB, ditemukan oleh perintah audit:verify.\n'
        + 'Yang ditemukan: rantai kpu-kab-jember putus pada urutan 169: peristiwa 0b9c4b1e-0000-4000-8000-000000000169 diubah — isi peristiwa tidak cocok dengan hash-nya.\n'
        + 'Data jejak audit dan angka kinerja satker ini (Tabel 3.2, matriks) tidak dapat dipercaya selama peringatan terbuka, dan LKj satker ini tidak dibuat sampai peringatan ditutup.\n\n'
        + 'Mohon minta pengelola server Kinerja menjalankan npm run cli -- audit:verify --satker kpu-kab-jember, memulihkan baris peristiwa dari cadangan, '
        + 'lalu menjalankan npm run cli -- projections:rebuild agar angka Tabel 3.2 dihitung ulang dari peristiwa yang tersimpan; '
        + 'sesudah itu Inspektorat menutup peringatan #7 (Jejak Audit → Peringatan). LKj satker ini menunggu sampai peringatan ditutup.'
        + FOOTER,
    });
  });

  it('given a digest that no longer matches (no broken sequence), found by projections:rebuild\'s source, then it reads as damage without a sequence', () => {
    const notice = planIntegrityAlertNotice({ ...chainAlert, kind: 'digest_mismatch', brokenSequence: null, brokenEventId: null, source: 'cli-rebuild', detail: 'digest 2026-12-06' }, office, ['INSPEKTORAT']);
    expect(notice.message.body).toContain(', ditemukan oleh perintah projections:rebuild.\n');
    expect(notice.message.body).toContain('Yang ditemukan: rantai kpu-kab-jember rusak: peristiwa ditulis ulang (tidak cocok dengan digest bertanda tangan) — digest 2026-12-06.\n');
  });

  it('given an alert on a stored bukti dukung file, then it says to restore the file, not the events, and does not hold the LKj', () => {
    const notice = planIntegrityAlertNotice({ ...chainAlert, kind: 'evidence_mismatch', subject: `evidence:${SHA}`, brokenSequence: null, brokenEventId: null, source: 'evidence-download', detail: 'dibaca ber-SHA-256 bbbb' }, office, ['INSPEKTORAT', 'ADMIN']);
    expect(notice.message.subject).toBe('Peringatan integritas #7: berkas bukti dukung rusak — KPU Kabupaten Jember');
    expect(notice.message.body).toContain(`pada 7 Desember 2026 20.45 WIB.\nYang ditemukan: berkas bukti dukung ${SHA} di penyimpanan tidak cocok dengan sidik jarinya (SHA-256) — dibaca ber-SHA-256 bbbb.\n`);
    expect(notice.message.body).toContain('Mohon minta pengelola server Kinerja memulihkan berkas tersebut dari cadangan, lalu Inspektorat menutup peringatan #7');
    expect(notice.message.body).not.toContain('LKj');
    expect(notice.message.body).not.toContain('audit:verify');
  });

  it('given recipients that are only Inspektorat (an office with no ADMIN of its own), then it greets the Inspektorat alone', () => {
    expect(planIntegrityAlertNotice(chainAlert, office, ['INSPEKTORAT']).message.body).toMatch(/^Yth\. Inspektorat,\n\n/);
  });

  it('given any alert, then it names no README section and no role code, and asks the system administrator for the server\'s steps', () => {
    for (const kind of ['modified', 'evidence_mismatch']) {
      const body = planIntegrityAlertNotice({ ...chainAlert, kind, subject: kind === 'modified' ? null : `evidence:${SHA}` }, office, ['INSPEKTORAT', 'ADMIN']).message.body;
      expect(body).not.toMatch(/README|Backup and restore|\bADMIN\b/);
      expect(body).toContain('Mohon minta pengelola server Kinerja ');
    }
  });
});

describe('integrity alert notice: who is told', () => {
  const person = (id: string, role: string, satker: string, active = true): IntegrityAlertPerson => ({ id, fullName: id, email: `${id}@kinerja.test`, role, satker, active });
  const people = [
    person('insp-jember', 'INSPEKTORAT', 'kpu-kab-jember'), person('insp-jatim', 'INSPEKTORAT', 'kpu-prov-jatim'), person('insp-ri', 'INSPEKTORAT', 'kpu-ri'),
    person('admin-jember', 'ADMIN', 'kpu-kab-jember'), person('admin-jatim', 'ADMIN', 'kpu-prov-jatim'),
    person('insp-banyuwangi', 'INSPEKTORAT', 'kpu-kab-banyuwangi'), person('sekretaris-jember', 'SEKRETARIS', 'kpu-kab-jember'),
    person('insp-jember-lama', 'INSPEKTORAT', 'kpu-kab-jember', false),
  ];

  it('given an office with Inspektorat above it, then its own and every ancestor\'s active Inspektorat and its own ADMIN, each in their own office; nobody else', () => {
    const { recipients, delivery, told } = integrityAlertRecipients('kpu-kab-jember', ['kpu-prov-jatim', 'kpu-ri'], people);
    expect(recipients.map((r) => [r.userId, r.satker])).toEqual([
      ['insp-jember', 'kpu-kab-jember'], ['insp-jatim', 'kpu-prov-jatim'], ['insp-ri', 'kpu-ri'], ['admin-jember', 'kpu-kab-jember'],
    ]);
    expect(delivery).toEqual({ role: 'INTEGRITY_WATCHERS', vacantRoles: [] });
    expect(told).toEqual(['INSPEKTORAT', 'ADMIN']);
  });

  it('given an office with no active ADMIN of its own (the one above has one), then only the Inspektorat are told, and only they are greeted', () => {
    const { recipients, told } = integrityAlertRecipients('kpu-kab-banyuwangi', ['kpu-prov-jatim', 'kpu-ri'], people);
    expect(recipients.map((r) => r.userId)).toEqual(['insp-jatim', 'insp-ri', 'insp-banyuwangi']);
    expect(told).toEqual(['INSPEKTORAT']);
  });

  it('given the province\'s own alert, then the kabupaten\'s Inspektorat below it is not told', () => {
    const { recipients } = integrityAlertRecipients('kpu-prov-jatim', ['kpu-ri'], people);
    expect(recipients.map((r) => r.userId)).toEqual(['insp-jatim', 'insp-ri', 'admin-jatim']);
  });

  it('given nobody active in scope, then the notice is recorded for nobody and says so', () => {
    expect(integrityAlertRecipients('kpu-kab-situbondo', [], people)).toEqual({ recipients: [], delivery: { role: null, vacantRoles: ['INTEGRITY_WATCHERS'] }, told: [] });
  });
});
