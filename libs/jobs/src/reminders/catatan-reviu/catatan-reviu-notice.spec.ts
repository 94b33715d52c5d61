import type { CatatanReviuEvent } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import type { ExistingCatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import { officeHead } from '../messages/office-head';
import { inspektoratOf, planCatatanReviuNotice, type CatatanReviuNoticeInput } from './catatan-reviu-notice';

/** A notice asks only for what Kinerja lets its reader do, and names each Inspektorat by its office. */
describe('catatan reviu notices: what they ask of whom', () => {
  const written = {
    noteId: 'n-1', satker: 'kpu-kab-jember', target: { kind: 'MONTH' as const, year: 2025, month: 3 }, category: 'TEMUAN' as const,
    title: 'Bukti dukung Maret tidak lengkap', description: 'Daftar hadir tidak dilampirkan.', recommendation: 'Lampirkan daftar hadir.',
    writtenBy: 'u-prov', writtenAt: '2025-05-10T02:00:00.000Z',
  };
  const answered: ExistingCatatanReviuState = {
    ...written, status: 'ANSWERED', closedAt: null, conclusion: null,
    tindakLanjut: [{ number: 1, response: 'Daftar hadir sudah diunggah.', submittedBy: 'u-sek', submittedAt: '2025-05-10T03:00:00.000Z' }],
  };
  const input = (event: CatatanReviuEvent, extra: Partial<CatatanReviuNoticeInput> = {}): CatatanReviuNoticeInput => ({
    event, position: 2, note: answered, officeName: 'KPU Kabupaten Jember',
    author: { satker: 'kpu-prov-jawa-timur', officeName: 'Sekretariat KPU Provinsi Jawa Timur' }, actorName: 'Bambang Wijaya', ...extra,
  });
  const tindakLanjut: CatatanReviuEvent = { type: 'TindakLanjutSubmitted', data: { noteId: 'n-1', number: 1, response: 'Daftar hadir sudah diunggah.', submittedBy: 'u-sek', submittedAt: '2025-05-10T03:00:00.000Z' } };
  const closed: CatatanReviuEvent = { type: 'CatatanReviuClosed', data: { noteId: 'n-1', conclusion: 'Memadai.', closedBy: 'u-prov', closedAt: '2025-05-10T04:00:00.000Z' } };
  const reopened: CatatanReviuEvent = { type: 'CatatanReviuReopened', data: { noteId: 'n-1', reason: 'Daftar hadir belum ditandatangani.', reopenedBy: 'u-prov', reopenedAt: '2025-05-11T04:00:00.000Z' } };
  const writtenEvent: CatatanReviuEvent = { type: 'CatatanReviuWritten', data: written };

  it('given a tindak lanjut, when the Inspektorat is told, then it is asked to close the note or leave it open for the next answer, never to reopen an open note', () => {
    const { body } = planCatatanReviuNotice(input(tindakLanjut, { actorName: 'Dewi Lestari' })).message;
    expect(body).toContain('Bila tindak lanjutnya memadai, tutup temuan ini. Bila belum, biarkan temuan ini tetap terbuka: Sekretaris KPU Kabupaten Jember dapat menyampaikan tindak lanjut berikutnya.');
    expect(body).toContain('Sampaikan apa yang masih kurang dengan menulis catatan reviu baru atas bulan Maret 2025.');
    expect(body).not.toMatch(/buka kembali/);
  });

  it('given a note closed or reopened, when the Sekretaris is told, then it is greeted and the Inspektorat named by its office as README names it, not its secretariat', () => {
    const named = { actorOfficeName: 'Sekretariat KPU Provinsi Jawa Timur' };
    expect(planCatatanReviuNotice(input(closed, named)).message.body)
      .toMatch(/^Yth\. Sekretaris,\n\nInspektorat KPU Provinsi Jawa Timur \(Bambang Wijaya\) menutup temuan "Bukti dukung Maret tidak lengkap"/);
    expect(planCatatanReviuNotice(input(reopened, named)).message.body)
      .toMatch(/^Yth\. Sekretaris,\n\nInspektorat KPU Provinsi Jawa Timur \(Bambang Wijaya\) membuka kembali temuan/);
    expect(planCatatanReviuNotice(input(writtenEvent, { position: 1 })).message.body)
      .toMatch(/^Yth\. Sekretaris,\n\nInspektorat KPU Provinsi Jawa Timur \(Bambang Wijaya\) menulis temuan/);
  });

  it('given any step, then the notice ends with the footer every notice has, after a blank line; a closing asks nothing', () => {
    for (const event of [writtenEvent, tindakLanjut, reopened]) {
      expect(planCatatanReviuNotice(input(event)).message.body).toMatch(/\.\n\nPesan ini dikirim otomatis oleh Kinerja\. Silakan masuk ke aplikasi Kinerja untuk menindaklanjuti\.$/);
    }
    expect(planCatatanReviuNotice(input(closed)).message.body)
      .toMatch(/Tidak ada lagi yang perlu ditindaklanjuti\.\n\nPesan ini dikirim otomatis oleh Kinerja\. Silakan masuk ke aplikasi Kinerja untuk melihat rinciannya\.$/);
    expect(planCatatanReviuNotice(input(tindakLanjut)).message.body).toMatch(/^Yth\. Inspektorat,\n\nSekretaris KPU Kabupaten Jember/);
  });

  it('given a note on a monthly report, then its subbagian is named as the other notices name it, not by its code', () => {
    const target = { kind: 'REPORT' as const, year: 2025, month: 3, subbagian: 'TPH' };
    const note = { ...answered, target };
    const named = planCatatanReviuNotice(input(writtenEvent, { position: 1, note, subbagianName: 'Sub. Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat' }));
    expect(named.message.body).toContain('atas laporan realisasi Maret 2025 Sub. Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat pada KPU Kabupaten Jember.');
    expect(named.message.body).not.toContain('subbagian TPH');
    expect(planCatatanReviuNotice(input(writtenEvent, { position: 1, note, subbagianName: 'Keuangan' })).message.body).toContain('Maret 2025 Subbagian Keuangan pada');
  });

  it("given the note settled by the Inspektorat of an office above the author's, then that office is named", () => {
    const { body } = planCatatanReviuNotice(input(closed, { actorName: 'Sri Rahayu', actorOfficeName: 'Sekretariat Jenderal KPU' })).message;
    // Only a secretariat of a KPU office gives way to the commission's name: this one stays whole.
    expect(body).toMatch(/^Yth\. Sekretaris,\n\nInspektorat Sekretariat Jenderal KPU \(Sri Rahayu\) menutup/);
  });

  it('given no active Sekretaris, when the Ketua receives a finding, then it is told why and to have the Admin appoint a Sekretaris or Plh. Sekretaris, not to answer itself', () => {
    const { subject, body } = planCatatanReviuNotice(input(writtenEvent, { position: 1, standIn: true })).message;
    expect(subject).toBe('Temuan baru dari Inspektorat KPU Provinsi Jawa Timur: Bukti dukung Maret tidak lengkap (tidak ada Sekretaris aktif) — KPU Kabupaten Jember');
    expect(body).toMatch(/^Yth\. Ketua,\n\nKPU Kabupaten Jember tidak memiliki Sekretaris aktif; pemberitahuan yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Ketua\./);
    expect(body).toContain('tindak lanjut hanya dapat disampaikan oleh Sekretaris: mohon minta Admin Kinerja membuat akun Sekretaris (atau Plh. Sekretaris) untuk KPU Kabupaten Jember');
    expect(body).not.toContain('sampaikan tindak lanjut di Kinerja');
  });

  it('given no active Sekretaris, when the Ketua learns of a reopening or a closing, then likewise; a closing still asks nothing', () => {
    const again = planCatatanReviuNotice(input(reopened, { standIn: true })).message.body;
    expect(again).toContain('Tindak lanjut baru hanya dapat disampaikan oleh Sekretaris: mohon minta Admin Kinerja membuat akun Sekretaris (atau Plh. Sekretaris)');
    expect(again).not.toContain('Sampaikan tindak lanjut baru di Kinerja');
    const done = planCatatanReviuNotice(input(closed, { standIn: true })).message;
    expect(done.subject).toBe('Temuan ditutup: Bukti dukung Maret tidak lengkap (tidak ada Sekretaris aktif) — KPU Kabupaten Jember');
    expect(done.body).toMatch(/^Yth\. Ketua,/);
    expect(done.body).toContain('Tidak ada lagi yang perlu ditindaklanjuti.');
  });

  it('given a Sekretaris to receive it, when a catatan is written, then it is asked to answer in Kinerja, as before', () => {
    const note = { ...answered, category: 'CATATAN' as const };
    const { subject, body } = planCatatanReviuNotice(input({ type: 'CatatanReviuWritten', data: { ...written, category: 'CATATAN' } }, { position: 1, note })).message;
    expect(subject).toBe('Catatan reviu baru dari Inspektorat KPU Provinsi Jawa Timur: Bukti dukung Maret tidak lengkap — KPU Kabupaten Jember');
    expect(body).toContain('Mohon dibaca; bila perlu, sampaikan tindak lanjut di Kinerja (menu Catatan reviu).');
  });

  /**
   * A Dinas Kesehatan (kind LAINNYA) has no "Inspektorat Dinas Kesehatan …": its auditor is named only
   * "Inspektorat", or by the account's own office when that is an Inspektorat; its head by its title.
   */
  describe('at an office that is not KPU', () => {
    const dinkes = {
      note: { ...answered, satker: 'dinkes-kab-kupang' }, officeName: 'Dinas Kesehatan Kabupaten Kupang',
      head: officeHead({ institutionKind: 'LAINNYA', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' }),
    };
    const ownInspektorat = { ...dinkes, author: { satker: 'dinkes-kab-kupang', officeName: 'Dinas Kesehatan Kabupaten Kupang', institutionKind: 'LAINNYA' }, actorName: 'Paulus Nenabu' };

    it('given a finding by an Inspektorat account of the Dinas itself, then it comes from "Inspektorat", not from a body that does not exist', () => {
      const { subject, body } = planCatatanReviuNotice(input(writtenEvent, { position: 1, ...ownInspektorat })).message;
      expect(subject).toBe('Temuan baru dari Inspektorat: Bukti dukung Maret tidak lengkap — Dinas Kesehatan Kabupaten Kupang');
      expect(body).toMatch(/^Yth\. Sekretaris,\n\nInspektorat \(Paulus Nenabu\) menulis temuan "Bukti dukung Maret tidak lengkap" atas bulan Maret 2025 pada Dinas Kesehatan Kabupaten Kupang\./);
      expect(`${subject}\n${body}`).not.toContain('Inspektorat Dinas');
      const settled = planCatatanReviuNotice(input(closed, { ...ownInspektorat, actorOfficeName: 'Dinas Kesehatan Kabupaten Kupang', actorOfficeKind: 'LAINNYA' })).message.body;
      expect(settled).toMatch(/^Yth\. Sekretaris,\n\nInspektorat \(Paulus Nenabu\) menutup temuan/);
    });

    it("given the account's office is an Inspektorat (the Pemda's Inspektorat Daerah), then that office is named as it is, whatever its kind", () => {
      const daerah = { satker: 'inspektorat-kab-kupang', officeName: 'Inspektorat Daerah Kabupaten Kupang' };
      const { subject } = planCatatanReviuNotice(input(writtenEvent, { position: 1, ...dinkes, author: { ...daerah, institutionKind: 'LAINNYA' } })).message;
      expect(subject).toBe('Temuan baru dari Inspektorat Daerah Kabupaten Kupang: Bukti dukung Maret tidak lengkap — Dinas Kesehatan Kabupaten Kupang');
      expect(inspektoratOf('Inspektorat Daerah Kabupaten Kupang')).toBe('Inspektorat Daerah Kabupaten Kupang');
      expect(inspektoratOf('Sekretariat KPU Provinsi Jawa Timur', 'KPU')).toBe('Inspektorat KPU Provinsi Jawa Timur');
    });

    it('given no active Sekretaris, then the head receives it greeted by its title, or as "Pimpinan" without one', () => {
      const titled = planCatatanReviuNotice(input(writtenEvent, { position: 1, ...ownInspektorat, standIn: true })).message.body;
      expect(titled).toMatch(/^Yth\. Kepala Dinas Kesehatan Kabupaten Kupang,\n\nDinas Kesehatan Kabupaten Kupang tidak memiliki Sekretaris aktif; pemberitahuan yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Kepala Dinas Kesehatan Kabupaten Kupang\./);
      const untitled = planCatatanReviuNotice(input(reopened, { ...ownInspektorat, head: officeHead({ institutionKind: 'LAINNYA' }), standIn: true })).message.body;
      expect(untitled).toMatch(/^Yth\. Pimpinan,\n\nDinas Kesehatan Kabupaten Kupang tidak memiliki Sekretaris aktif; pemberitahuan yang semestinya diterima Sekretaris ini dikirimkan kepada Anda sebagai Pimpinan\./);
      expect(titled + untitled).not.toMatch(/Ketua/);
    });
  });
});
