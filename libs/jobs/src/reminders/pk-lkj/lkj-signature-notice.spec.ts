import type { LkjEvent } from '@kinerja/domain/lkj/lkj.events';
import { planLkjNotice, unsignedReplaced } from './pk-lkj-notice';
import { recipientsOf } from './pk-lkj-notices';

const office = { satker: 'kpu-jember', name: 'KPU Kabupaten Jember', timeZone: 'Asia/Jakarta' as const };
const FOOTER = '\n\nPesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk menindaklanjuti.';
const FOOTER_INFO = '\n\nPesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk melihat rinciannya.';

describe('LKj notices when the office requires the Ketua\'s signature', () => {
  it('given a final produced that awaits the Ketua, then the Ketua and the Sekretaris are told so and the Ketua is asked to sign', () => {
    const notice = planLkjNotice({
      event: { type: 'LkjProduced', data: { version: 3, draft: false, files: [], modelDigest: 'x', signatureRequired: true, producedAt: '2027-01-10T02:00:00.000Z' } },
      position: 6, year: 2026, office,
    });
    expect(notice).toMatchObject({ kind: 'LKJ_PRODUCED', audience: { role: 'PIMPINAN' } });
    expect(notice!.message).toEqual({
      subject: 'LKj 2026 versi 3 selesai dibuat dan menunggu tanda tangan Ketua — KPU Kabupaten Jember',
      body: 'Yth. Ketua dan Sekretaris,\n\nLaporan Kinerja (LKj) tahun 2026 KPU Kabupaten Jember versi 3 selesai dibuat pada Minggu, 10 Januari 2027.\n'
        + 'Berkas DOCX dan PDF-nya dapat diunduh di Kinerja (menu LKj).\n'
        + 'Satker ini mewajibkan LKj final ditandatangani Ketua: versi ini menunggu tanda tangan Ketua.\n\n'
        + `Ketua: mohon periksa LKj tersebut, lalu tandatangani di Kinerja (menu LKj, "Tandatangani").${FOOTER}`,
    });
  });

  it('given the Ketua signs, then the Sekretaris is told by whom and when, under the event\'s own key', () => {
    const notice = planLkjNotice({
      event: { type: 'LkjSigned', data: { version: 3, signedBy: 'u-ali', signedAt: '2027-01-11T03:00:00.000Z' } },
      position: 7, year: 2026, office, signer: 'Ali Ketua',
    });
    expect(notice).toMatchObject({
      key: 'lkj:kpu-jember:2026:7', kind: 'LKJ_SIGNED', audience: { role: 'SEKRETARIS' }, dueAt: '2027-01-11T03:00:00.000Z',
      subject: { kind: 'LKJ', year: 2026, version: 3 },
    });
    expect(notice!.message).toEqual({
      subject: 'LKj 2026 versi 3 ditandatangani Ketua — KPU Kabupaten Jember',
      body: 'Yth. Sekretaris,\n\nLaporan Kinerja (LKj) tahun 2026 KPU Kabupaten Jember versi 3 ditandatangani oleh Ketua (Ali Ketua) pada Senin, 11 Januari 2027.\n'
        + `Versi ini adalah LKj final yang berlaku; berkas DOCX dan PDF-nya dapat diunduh di Kinerja (menu LKj).${FOOTER_INFO}`,
    });
  });

  it('given a signature told to the Sekretaris, then every active Sekretaris receives it, not the Ketua; with none active it is recorded as vacant', () => {
    const people = [
      { id: 'u-ali', full_name: 'Ali Ketua', email: null, role: 'KETUA', active: true },
      { id: 'u-siti', full_name: 'Siti Sekretaris', email: 'siti@kinerja.test', role: 'SEKRETARIS', active: true },
      { id: 'u-old', full_name: 'Sekretaris Lama', email: null, role: 'SEKRETARIS', active: false },
    ];
    expect(recipientsOf({ role: 'SEKRETARIS' }, people, null, 'kpu-jember')).toEqual({
      recipients: [{ userId: 'u-siti', fullName: 'Siti Sekretaris', email: 'siti@kinerja.test', satker: 'kpu-jember' }],
      delivery: { role: 'SEKRETARIS', vacantRoles: [] },
    });
    expect(recipientsOf({ role: 'SEKRETARIS' }, people.slice(0, 1), null, 'kpu-jember')).toEqual({ recipients: [], delivery: { role: null, vacantRoles: ['SEKRETARIS'] } });
  });

  describe('a final that replaces one never signed', () => {
    const requested = (version: number): LkjEvent => ({
      type: 'LkjRequested', data: { satker: 'kpu-jember', year: 2026, version, draft: false, reason: 'REQUESTED', suggestions: [], requestedBy: 'u-sek', requestedAt: '2027-01-09T02:00:00.000Z' },
    });
    const produced = (version: number, signatureRequired = true): LkjEvent => ({
      type: 'LkjProduced', data: { version, draft: false, files: [], modelDigest: 'x', ...(signatureRequired ? { signatureRequired: true as const } : {}), producedAt: '2027-01-10T02:00:00.000Z' },
    });
    const signed = (version: number): LkjEvent => ({ type: 'LkjSigned', data: { version, signedBy: 'u-ali', signedAt: '2027-01-10T03:00:00.000Z' } });

    it('given version 7 awaiting the signature and version 8 asked for by the Sekretaris, when 8 is produced, then its notice says it replaces 7, which no longer needs signing', () => {
      const replaced = unsignedReplaced([requested(7), produced(7), requested(8)], produced(8));
      expect(replaced).toBe(7);
      const notice = planLkjNotice({ event: produced(8), position: 4, year: 2026, office, replacesUnsigned: replaced });
      expect(notice!.message.body).toContain('Versi ini menggantikan versi 7, yang belum ditandatangani Ketua; versi 7 tidak perlu ditandatangani lagi.');
    });

    it('given the version before signed, or never required to be, then nothing is said', () => {
      expect(unsignedReplaced([requested(7), produced(7), signed(7), requested(8)], produced(8))).toBeNull();
      expect(unsignedReplaced([requested(7), produced(7, false), requested(8)], produced(8))).toBeNull();
      expect(unsignedReplaced([requested(7)], produced(7))).toBeNull();
      expect(planLkjNotice({ event: produced(8), position: 4, year: 2026, office })!.message.body).not.toContain('menggantikan');
    });
  });
});
