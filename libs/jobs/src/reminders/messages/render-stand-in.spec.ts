import type { ReminderDelivery } from '../facts/delivery';
import { planReminders } from '../plan/plan-reminders';
import { at, office, report } from '../plan/plan.test-builders';
import { officeHead } from './office-head';
import { renderReminder } from './render-reminder';

const jember = office();
const toSekretaris: ReminderDelivery = { role: 'SEKRETARIS', vacantRoles: ['KASUBBAG'] };
const toKetua: ReminderDelivery = { role: 'KETUA', vacantRoles: ['SEKRETARIS'] };

function beforeDeadline() {
  return planReminders({ office: jember, now: at('2025-02-03 08:00'), reports: [report({ subbagianName: 'Keuangan, Umum dan Logistik' })] })[0];
}

describe('a reminder received by whoever stands in for its audience, in Bahasa Indonesia', () => {
  it('given a subbagian with no active Kasubbag, when the Sekretaris gets its pre-deadline reminder, then it says why and what to do', () => {
    const message = renderReminder(beforeDeadline(), jember, toSekretaris);
    expect(message.subject).toBe(
      'Pengingat: laporan realisasi Januari 2025 Subbagian Keuangan, Umum dan Logistik belum dikirim (tidak ada Kasubbag aktif) — KPU Kabupaten Jember',
    );
    expect(message.body).toMatch(/^Yth\. Sekretaris,\n\nSubbagian Keuangan, Umum dan Logistik pada KPU Kabupaten Jember tidak memiliki Kasubbag aktif; /);
    expect(message.body).toContain('pengingat yang semestinya diterima Kepala Subbagian Keuangan, Umum dan Logistik ini dikirimkan kepada Anda sebagai Sekretaris.');
    expect(message.body).toContain('Batas waktu pengiriman: Rabu, 5 Februari 2025.');
    expect(message.body).toContain('  - K1.1 Laporan Keuangan');
    expect(message.body).toContain('Mohon minta Admin Kinerja menetapkan Kasubbag untuk Subbagian Keuangan, Umum dan Logistik');
    // What to do is a paragraph of its own, a blank line before the footer.
    expect(message.body).toMatch(/lalu pastikan laporan dikirim\.\n\nPesan ini dikirim otomatis oleh Kinerja\./);
    expect(message.body).not.toContain('Yth. Kepala');
  });

  it('given a returned report of a subbagian with no active Kasubbag, then the Sekretaris is not asked to fix and resubmit it', () => {
    const fact = report({ status: 'RETURNED', returnedAt: at('2025-02-04 10:00').toISOString(), returnReason: 'Angka realisasi keliru' });
    const [due] = planReminders({ office: jember, now: at('2025-02-05 08:00'), reports: [fact] }).filter((r) => r.kind === 'RETURNED_REPORT');
    const message = renderReminder(due, jember, toSekretaris);
    expect(message.subject).toBe(
      'Pengingat: laporan realisasi Januari 2025 Subbagian Keuangan, Umum dan Logistik dikembalikan dan belum dikirim ulang (tidak ada Kasubbag aktif) — KPU Kabupaten Jember',
    );
    expect(message.body).toContain('Alasan pengembalian: Angka realisasi keliru');
    expect(message.body).toContain('hanya dapat diisi dan dikirim oleh Kasubbag subbagian tersebut');
    expect(message.body).not.toContain('Silakan perbaiki dan kirim ulang');
  });

  it('given neither a Kasubbag nor a Sekretaris active, then the Ketua is told both are missing and both must be appointed', () => {
    const message = renderReminder(beforeDeadline(), jember, { role: 'KETUA', vacantRoles: ['KASUBBAG', 'SEKRETARIS'] });
    expect(message.subject).toContain('(tidak ada Kasubbag dan Sekretaris aktif) — KPU Kabupaten Jember');
    expect(message.body).toContain(
      'Subbagian Keuangan, Umum dan Logistik pada KPU Kabupaten Jember tidak memiliki Kasubbag aktif, dan kantor ini juga tidak memiliki Sekretaris aktif; ' +
        'pengingat yang semestinya diterima Kepala Subbagian Keuangan, Umum dan Logistik ini dikirimkan kepada Anda sebagai Ketua.',
    );
    expect(message.body).toContain('serta Sekretaris (atau Plh. Sekretaris) untuk KPU Kabupaten Jember');
  });

  it('given an office with no active Sekretaris, when the escalation goes to the Ketua, then it is addressed to the Ketua and asks for a Sekretaris', () => {
    const [due] = planReminders({ office: jember, now: at('2025-02-06 08:00'), reports: [report()] });
    const message = renderReminder(due, jember, toKetua);
    expect(message.subject).toBe('Eskalasi: 1 laporan realisasi Januari 2025 terlambat (tidak ada Sekretaris aktif) — KPU Kabupaten Jember');
    expect(message.body).toMatch(/^Yth\. Ketua,\n\nKPU Kabupaten Jember tidak memiliki Sekretaris aktif; eskalasi yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Ketua\./);
    expect(message.body).toContain('- Subbagian Keuangan, Umum dan Logistik (belum dibuat), indikator kosong:');
    expect(message.body).toContain('Mohon minta Admin Kinerja menetapkan Sekretaris (atau Plh. Sekretaris) untuk KPU Kabupaten Jember');
  });

  it('given an office with no active Sekretaris, then the digest tells the Ketua the reports wait for a Sekretaris, not for them', () => {
    const fact = report({ month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-01 09:00').toISOString() });
    const [due] = planReminders({ office: jember, now: at('2025-03-05 08:00'), reports: [fact] });
    const message = renderReminder(due, jember, toKetua);
    expect(message.subject).toBe('Ringkasan: 1 laporan realisasi menunggu persetujuan (tidak ada Sekretaris aktif) — KPU Kabupaten Jember');
    expect(message.body).toContain('menunggu persetujuan Sekretaris (yang terlama lebih dahulu):');
    expect(message.body).not.toContain('persetujuan Anda');
    expect(message.body).toContain('hanya dapat disetujui atau dikembalikan oleh Sekretaris');
  });

  it('given a subbagian name in lower case, then the reason still opens the sentence with a capital', () => {
    const [due] = planReminders({ office: jember, now: at('2025-02-03 08:00'), reports: [report({ subbagianName: 'subbagian umum' })] });
    expect(renderReminder(due, jember, toSekretaris).body).toContain('\n\nSubbagian umum pada KPU Kabupaten Jember tidak memiliki Kasubbag aktif;');
  });

  it('given the audience itself receives it, or nobody can, then the text is the audience\'s own', () => {
    const due = beforeDeadline();
    const own = renderReminder(due, jember);
    expect(renderReminder(due, jember, { role: 'KASUBBAG', vacantRoles: [] })).toEqual(own);
    expect(renderReminder(due, jember, { role: null, vacantRoles: ['KASUBBAG', 'SEKRETARIS', 'KETUA'] })).toEqual(own);
    expect(own.body).toMatch(/^Yth\. Kepala Subbagian Keuangan, Umum dan Logistik,/);
  });
});

/**
 * An office that is not KPU (a Dinas Kesehatan, whose head is a Kepala Dinas recorded with role KETUA):
 * its head is named by its own title, or "Pimpinan" without one, never "Ketua".
 */
describe('a stand-in\'s reminder at an office that is not KPU', () => {
  const dinkes = office({
    satker: 'dinkes-kab-kupang', name: 'Dinas Kesehatan Kabupaten Kupang', timeZone: 'Asia/Makassar',
    head: officeHead({ institutionKind: 'LAINNYA', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' }),
  });
  const untitled = { ...dinkes, head: officeHead({ institutionKind: 'LAINNYA', headTitle: null }) };
  const bidang = () => planReminders({
    office: dinkes, now: at('2025-02-03 08:00', 'Asia/Makassar'), reports: [report({ subbagian: 'YANKES', subbagianName: 'Bidang Pelayanan Kesehatan' })],
  })[0];

  it('given neither a Kepala Bidang\'s Kasubbag account nor a Sekretaris active, then the head is greeted and told by the office\'s own title', () => {
    const message = renderReminder(bidang(), dinkes, { role: 'KETUA', vacantRoles: ['KASUBBAG', 'SEKRETARIS'] });
    expect(message.body).toMatch(/^Yth\. Kepala Dinas Kesehatan Kabupaten Kupang,\n\nBidang Pelayanan Kesehatan pada Dinas Kesehatan Kabupaten Kupang tidak memiliki Kasubbag aktif, /);
    expect(message.body).toContain('pengingat yang semestinya diterima Kepala Bidang Pelayanan Kesehatan ini dikirimkan kepada Anda sebagai Kepala Dinas Kesehatan Kabupaten Kupang.');
    expect(message.subject).toBe(
      'Pengingat: laporan realisasi Januari 2025 Bidang Pelayanan Kesehatan belum dikirim (tidak ada Kasubbag dan Sekretaris aktif) — Dinas Kesehatan Kabupaten Kupang',
    );
    expect(`${message.subject}\n${message.body}`).not.toMatch(/Ketua/);
    // The office's own audience keeps its words: the Kepala Bidang, the Sekretaris standing in.
    expect(renderReminder(bidang(), dinkes).body).toMatch(/^Yth\. Kepala Bidang Pelayanan Kesehatan,/);
    expect(renderReminder(bidang(), dinkes, toSekretaris).body).toMatch(/^Yth\. Sekretaris,\n\nBidang Pelayanan Kesehatan pada Dinas Kesehatan Kabupaten Kupang tidak memiliki Kasubbag aktif; /);
  });

  it('given no Sekretaris active, then the escalation and the digest reach the head by its title; without a recorded title, as "Pimpinan"', () => {
    const [escalation] = planReminders({ office: dinkes, now: at('2025-02-06 08:00', 'Asia/Makassar'), reports: [report()] });
    expect(renderReminder(escalation, dinkes, toKetua).body).toMatch(
      /^Yth\. Kepala Dinas Kesehatan Kabupaten Kupang,\n\nDinas Kesehatan Kabupaten Kupang tidak memiliki Sekretaris aktif; eskalasi yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Kepala Dinas Kesehatan Kabupaten Kupang\./,
    );
    const fallback = renderReminder(escalation, untitled, toKetua).body;
    expect(fallback).toMatch(/^Yth\. Pimpinan,\n\nDinas Kesehatan Kabupaten Kupang tidak memiliki Sekretaris aktif; eskalasi yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Pimpinan\./);
    expect(fallback).not.toMatch(/Ketua/);
  });

  it('given reports only another Sekretaris may approve, then the head\'s copy of the digest greets the head by its title, or "Pimpinan"', () => {
    const fact = report({ month: 2, status: 'SUBMITTED', submittedAt: at('2025-03-03 09:00', 'Asia/Makassar').toISOString() });
    const [due] = planReminders({ office: dinkes, now: at('2025-03-05 08:00', 'Asia/Makassar'), reports: [fact] });
    const stuck = { ...due, digestCopy: { of: 'NO_OTHER_SEKRETARIS' as const, sekretarisNames: ['Yohanes Bria'] } };
    expect(renderReminder(stuck, dinkes).body).toMatch(/^Yth\. Kepala Dinas Kesehatan Kabupaten Kupang,\n\nLaporan realisasi kinerja berikut pada Dinas Kesehatan Kabupaten Kupang menunggu persetujuan/);
    expect(renderReminder(stuck, untitled).body).toMatch(/^Yth\. Pimpinan,\n\n/);
  });
});
