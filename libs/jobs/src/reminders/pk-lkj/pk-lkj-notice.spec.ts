import type { PkVersion } from '@kinerja/domain/perjanjian-kinerja/pk.state';
import { officeHead } from '../messages/office-head';
import { planLkjNotice, planPkNotice } from './pk-lkj-notice';
import { recipientsOf, settledSince } from './pk-lkj-notices';

const office = { satker: 'kpu-jember', name: 'KPU Kabupaten Jember', timeZone: 'Asia/Jakarta' as const };
const FOOTER = '\n\nPesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk menindaklanjuti.';
/** The footer of a notice that asks nothing. */
const FOOTER_INFO = '\n\nPesan ini dikirim otomatis oleh Kinerja. Silakan masuk ke aplikasi Kinerja untuk melihat rinciannya.';
const version = (over: Partial<PkVersion> = {}): PkVersion => ({
  version: 1, status: 'SUBMITTED', structure: { programs: [] }, revisionReason: null, basedOnVersion: null, draftedBy: 'u-siti', draftedAt: '2026-01-05T02:00:00.000Z',
  submittedBy: 'u-siti', submittedAt: '2026-01-12T03:00:00.000Z', approvedBy: null, approvedAt: null, lastReturn: null, withdrawal: null, ...over,
});
const perubahan = version({ version: 2, basedOnVersion: 1, revisionReason: 'Refocusing anggaran.' });
/** Version 1 approved on 14 January 2026. */
const V1 = [{ version: 1, approvedAt: '2026-01-14T03:00:00.000Z' }];
const ketua = { fullName: 'Ali Ketua', role: 'KETUA' };
const siti = { fullName: 'Siti Sekretaris', role: 'SEKRETARIS' };

describe('PK notices: who is told, in words', () => {
  it('given a PK Perubahan submitted, then whoever may approve it is asked to approve or return it, with the reason and the version that stays in force', () => {
    const notice = planPkNotice({
      event: { type: 'PkSubmitted', data: { version: 2, submittedBy: 'u-siti', submittedAt: '2026-06-15T03:00:00.000Z' } },
      position: 6, year: 2026, version: perubahan, office, actor: siti, approvedVersions: V1,
    });
    expect(notice).toMatchObject({ key: 'pk:kpu-jember:2026:6', kind: 'PK_SUBMITTED', audience: { role: 'PK_REVIEWERS', submittedBy: 'u-siti' }, subject: { kind: 'PK', year: 2026, version: 2, perubahan: true } });
    expect(notice!.message).toEqual({
      subject: 'PK Perubahan 2026 (versi 2) diajukan untuk disetujui — KPU Kabupaten Jember',
      body: 'Yth. Ketua dan Sekretaris,\n\nSekretaris (Siti Sekretaris) mengajukan Perjanjian Kinerja Perubahan tahun 2026 (versi 2) KPU Kabupaten Jember '
        + 'pada Senin, 15 Juni 2026 untuk disetujui.\nAlasan perubahan: Refocusing anggaran.\nVersi 1 tetap berlaku sampai PK Perubahan ini disetujui.\n\n'
        + 'Mohon periksa PK tersebut, lalu setujui atau kembalikan dengan alasan. PK dapat disetujui atau dikembalikan oleh Ketua atau Sekretaris lain, '
        + `bukan oleh pengajunya sendiri.${FOOTER}`,
    });
  });

  it('given a PK submitted by the office\'s only Sekretaris, then the salutation names the Ketua alone; an LKj told to a Sekretaris alone names the Sekretaris', () => {
    const submitted = planPkNotice({
      event: { type: 'PkSubmitted', data: { version: 2, submittedBy: 'u-siti', submittedAt: '2026-06-15T03:00:00.000Z' } },
      position: 6, year: 2026, version: perubahan, office, actor: siti, approvedVersions: V1, told: ['KETUA'],
    });
    expect(submitted!.message.body).toMatch(/^Yth\. Ketua,\n\n/);
    const produced = planLkjNotice({
      event: { type: 'LkjProduced', data: { version: 3, draft: false, files: [], modelDigest: 'abc', producedAt: '2027-01-10T02:00:00.000Z' } },
      position: 4, year: 2026, office, told: ['SEKRETARIS', 'SEKRETARIS'],
    });
    expect(produced!.message.body).toMatch(/^Yth\. Sekretaris,\n\n/);
  });

  it('given a PK submitted again after it was returned, then whoever may approve it is told it comes back corrected', () => {
    const notice = planPkNotice({
      event: { type: 'PkSubmitted', data: { version: 1, submittedBy: 'u-siti', submittedAt: '2026-01-14T03:00:00.000Z' } },
      position: 5, year: 2026, version: version(), office, actor: siti, approvedVersions: [], resubmission: true,
    });
    expect(notice!.message.subject).toBe('PK 2026 (versi 1) diajukan kembali untuk disetujui — KPU Kabupaten Jember');
    expect(notice!.message.body).toContain('Sekretaris (Siti Sekretaris) mengajukan kembali Perjanjian Kinerja tahun 2026 (versi 1) KPU Kabupaten Jember '
      + 'pada Rabu, 14 Januari 2026 untuk disetujui, setelah diperbaiki dari pengembalian sebelumnya.');
  });

  it('given a submission already approved, returned or withdrawn when its notice is planned, or a return already submitted again, then it is settled and nobody is asked', () => {
    const submitted = { type: 'PkSubmitted', data: { version: 2, submittedBy: 'u-siti', submittedAt: '2026-06-15T03:00:00.000Z' } } as const;
    const approved = { type: 'PkApproved', data: { version: 2, approvedBy: 'u-ali', approvedByRole: 'KETUA', approvedAt: '2026-06-16T03:00:00.000Z', supersedesVersion: 1 } } as const;
    const returned = { type: 'PkReturned', data: { version: 2, returnedBy: 'u-ali', returnedByRole: 'KETUA', reason: 'Perbaiki.', returnedAt: '2026-06-16T03:00:00.000Z' } } as const;
    const otherVersion = { type: 'PkApproved', data: { ...approved.data, version: 3 } } as const;
    expect(settledSince(submitted, [])).toBe(false);
    expect(settledSince(submitted, [otherVersion])).toBe(false);
    expect(settledSince(submitted, [approved])).toBe(true);
    expect(settledSince(submitted, [returned])).toBe(true);
    expect(settledSince(returned, [])).toBe(false);
    expect(settledSince(returned, [submitted])).toBe(true);
    expect(settledSince(approved, [returned])).toBe(false);
  });

  it('given a PK returned, then its submitter is told by whom, why, and to correct and submit it again', () => {
    const notice = planPkNotice({
      event: { type: 'PkReturned', data: { version: 1, returnedBy: 'u-ali', returnedByRole: 'KETUA', reason: 'Target K1.1 terlalu rendah.', returnedAt: '2026-01-13T03:00:00.000Z' } },
      position: 3, year: 2026, version: version({ status: 'DRAFT' }), office, actor: ketua, approvedVersions: [],
    });
    expect(notice).toMatchObject({ kind: 'PK_RETURNED', audience: { role: 'PK_SUBMITTER' } });
    expect(notice!.message.subject).toBe('PK 2026 (versi 1) dikembalikan — KPU Kabupaten Jember');
    expect(notice!.message.body).toBe('Yth. Sekretaris,\n\nPerjanjian Kinerja tahun 2026 (versi 1) KPU Kabupaten Jember dikembalikan oleh Ketua (Ali Ketua) '
      + 'pada Selasa, 13 Januari 2026.\nAlasan pengembalian: Target K1.1 terlalu rendah.\n\nSilakan perbaiki draf PK tersebut dan ajukan kembali.' + FOOTER);
  });

  it('given a PK Perubahan approved, then its submitter is told from which month it applies and which version it replaces', () => {
    const notice = planPkNotice({
      event: { type: 'PkApproved', data: { version: 2, approvedBy: 'u-ali', approvedByRole: 'KETUA', approvedAt: '2026-06-30T18:00:00.000Z', supersedesVersion: 1 } },
      position: 7, year: 2026, version: { ...perubahan, status: 'APPROVED' }, office, actor: ketua,
      approvedVersions: [...V1, { version: 2, approvedAt: '2026-06-30T18:00:00.000Z' }],
    });
    expect(notice!.message.subject).toBe('PK Perubahan 2026 (versi 2) disetujui — KPU Kabupaten Jember');
    // 18:00 UTC on 30 June is 1 July in Jakarta: the month of the office's calendar.
    expect(notice!.message.body).toContain('disetujui oleh Ketua (Ali Ketua) pada Rabu, 1 Juli 2026.\nPK ini menggantikan versi 1 dan berlaku untuk laporan realisasi '
      + 'mulai bulan Juli 2026; laporan bulan-bulan sebelumnya tetap mengikuti versi 1.' + FOOTER_INFO);
  });

  describe('which months\' reports an approved PK is followed by (pkVersionForMonth)', () => {
    const approval = (n: number, approvedAt: string, supersedesVersion: number | null) => ({
      type: 'PkApproved' as const, data: { version: n, approvedBy: 'u-ali', approvedByRole: 'KETUA' as const, approvedAt, supersedesVersion },
    });
    const applies = (year: number, n: number, approved: Array<{ version: number; approvedAt: string }>) => {
      const { approvedAt } = approved.find((a) => a.version === n)!;
      const supersedes = n === 1 ? null : approved[approved.length - 2].version;
      const notice = planPkNotice({
        event: approval(n, approvedAt, supersedes), position: 9, year, office, actor: ketua, approvedVersions: approved,
        version: version({ version: n, status: 'APPROVED', basedOnVersion: supersedes, approvedAt }),
      });
      return notice!.message.body.split('\n')[3];
    };

    it('given PK 2025 first approved on 8 December 2026, when its approval is told, then it applies to the reports of the whole of 2025, from January, not from 8 December', () => {
      expect(applies(2025, 1, [{ version: 1, approvedAt: '2026-12-08T03:00:00.000Z' }]))
        .toBe('PK ini berlaku untuk laporan realisasi seluruh bulan tahun 2025, mulai bulan Januari 2025.');
    });

    it('given a PK Perubahan approved on 5 August, when its approval is told, then August is the first month that follows it and January–July keep version 1', () => {
      expect(applies(2026, 2, [...V1, { version: 2, approvedAt: '2026-08-05T03:00:00.000Z' }]))
        .toBe('PK ini menggantikan versi 1 dan berlaku untuk laporan realisasi mulai bulan Agustus 2026; laporan bulan-bulan sebelumnya tetap mengikuti versi 1.');
    });

    it('given a second PK Perubahan in October, when its approval is told, then the months before keep versions 1 and 2', () => {
      expect(applies(2026, 3, [...V1, { version: 2, approvedAt: '2026-08-05T03:00:00.000Z' }, { version: 3, approvedAt: '2026-10-01T03:00:00.000Z' }]))
        .toBe('PK ini menggantikan versi 2 dan berlaku untuk laporan realisasi mulai bulan Oktober 2026; laporan bulan-bulan sebelumnya tetap mengikuti versi 1 dan 2.');
    });

    it('given a PK Perubahan approved before its year began, when its approval is told, then it applies to the whole year', () => {
      expect(applies(2026, 2, [{ version: 1, approvedAt: '2025-11-03T03:00:00.000Z' }, { version: 2, approvedAt: '2025-12-15T03:00:00.000Z' }]))
        .toBe('PK ini menggantikan versi 1 dan berlaku untuk laporan realisasi seluruh bulan tahun 2026, mulai bulan Januari 2026.');
    });

    it('given a PK Perubahan approved after its year ended, when its approval is told, then no month of that year follows it', () => {
      expect(applies(2026, 2, [...V1, { version: 2, approvedAt: '2027-01-06T03:00:00.000Z' }]))
        .toBe('PK ini disetujui setelah tahun 2026 berakhir: laporan realisasi seluruh bulan tahun 2026 tetap mengikuti versi 1.');
    });
  });

  it('given a PK drafted, changed, opened or withdrawn, then nobody is told', () => {
    expect(planPkNotice({
      event: { type: 'PkIndicatorsChanged', data: { version: 1, structure: { programs: [] }, changedBy: 'u-siti', changedAt: '2026-01-05T02:00:00.000Z' } },
      position: 2, year: 2026, version: version(), office, actor: siti, approvedVersions: [],
    })).toBeNull();
  });
});

describe('LKj notices', () => {
  it('given a final LKj produced, then the Ketua and the Sekretaris are told where to find it; a draft tells nobody', () => {
    const produced = (draft: boolean) => planLkjNotice({
      event: { type: 'LkjProduced', data: { version: 3, draft, files: [], modelDigest: 'x', producedAt: '2027-01-10T02:00:00.000Z' } }, position: 6, year: 2026, office,
    });
    expect(produced(true)).toBeNull();
    expect(produced(false)).toMatchObject({ key: 'lkj:kpu-jember:2026:6', kind: 'LKJ_PRODUCED', audience: { role: 'PIMPINAN' } });
    expect(produced(false)!.message).toEqual({
      subject: 'LKj 2026 versi 3 selesai dibuat — KPU Kabupaten Jember',
      body: 'Yth. Ketua dan Sekretaris,\n\nLaporan Kinerja (LKj) tahun 2026 KPU Kabupaten Jember versi 3 selesai dibuat pada Minggu, 10 Januari 2027.\n'
        + `Berkas DOCX dan PDF-nya dapat diunduh di Kinerja (menu LKj).${FOOTER_INFO}`,
    });
  });

  it('given a final LKj marked stale, then the Ketua and the Sekretaris are told why and not to use it', () => {
    const notice = planLkjNotice({
      event: { type: 'LkjMarkedStale', data: { version: 3, reason: 'Perjanjian Kinerja Perubahan disetujui setelah LKj dibuat.', markedAt: '2027-02-01T02:00:00.000Z' } },
      position: 7, year: 2026, office,
    });
    expect(notice!.message.subject).toBe('LKj 2026 versi 3 tidak lagi mutakhir — KPU Kabupaten Jember');
    expect(notice!.message.body).toContain('Sebab: Perjanjian Kinerja Perubahan disetujui setelah LKj dibuat.\n\nJangan gunakan berkas versi tersebut lagi.');
  });
});

describe('PK and LKj notices: recipients', () => {
  const person = (id: string, role: string, active = true) => ({ id, full_name: id, email: null, role, active });
  const people = [person('u-ali', 'KETUA'), person('u-siti', 'SEKRETARIS'), person('u-plh', 'SEKRETARIS'), person('u-old', 'SEKRETARIS', false)];
  const ids = (r: ReturnType<typeof recipientsOf>) => r.recipients.map((x) => x.userId);

  it('given a PK submitted by a Sekretaris, then the Ketua and every other active Sekretaris are told, not the submitter', () => {
    expect(ids(recipientsOf({ role: 'PK_REVIEWERS', submittedBy: 'u-siti' }, people, 'u-siti', 'kpu-jember'))).toEqual(['u-ali', 'u-plh']);
  });

  it('given a PK returned to a submitter no longer active, then the active Sekretaris are told in their stead', () => {
    expect(ids(recipientsOf({ role: 'PK_SUBMITTER' }, people, 'u-siti', 'kpu-jember'))).toEqual(['u-siti']);
    const standIn = recipientsOf({ role: 'PK_SUBMITTER' }, people, 'u-old', 'kpu-jember');
    expect([ids(standIn), standIn.delivery]).toEqual([['u-siti', 'u-plh'], { role: 'SEKRETARIS', vacantRoles: ['PK_SUBMITTER'] }]);
  });

  it('given an LKj, then the active Ketua and Sekretaris are told', () => {
    expect(ids(recipientsOf({ role: 'PIMPINAN' }, people, null, 'kpu-jember'))).toEqual(['u-ali', 'u-siti', 'u-plh']);
  });
});

/**
 * An office that is not KPU: a Dinas Kesehatan whose head, a Kepala Dinas, holds the KETUA account. Every
 * word for the head is its own title (or "Pimpinan" without one), never "Ketua"; the Sekretaris stays.
 */
describe('PK and LKj notices at an office that is not KPU', () => {
  const dinkes = {
    satker: 'dinkes-kab-kupang', name: 'Dinas Kesehatan Kabupaten Kupang', timeZone: 'Asia/Makassar' as const,
    head: officeHead({ institutionKind: 'LAINNYA', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' }),
  };
  const untitled = { ...dinkes, head: officeHead({ institutionKind: 'LAINNYA', headTitle: null }) };
  const kepala = { fullName: 'dr. Maria Goreti Tefa, M.Kes', role: 'KETUA' };
  const sekretarisDinas = { fullName: 'Yohanes Bria, S.KM', role: 'SEKRETARIS' };
  const text = (n: { message: { subject: string; body: string } } | null) => `${n!.message.subject}\n${n!.message.body}`;

  it('given a PK submitted, then the head is greeted by its title and named as one who may approve it', () => {
    const notice = planPkNotice({
      event: { type: 'PkSubmitted', data: { version: 1, submittedBy: 'u-yohanes', submittedAt: '2026-01-12T03:00:00.000Z' } },
      position: 2, year: 2026, version: version(), office: dinkes, actor: sekretarisDinas, approvedVersions: [],
    });
    expect(notice!.message.body).toBe('Yth. Kepala Dinas Kesehatan Kabupaten Kupang dan Sekretaris,\n\nSekretaris (Yohanes Bria, S.KM) mengajukan Perjanjian Kinerja tahun 2026 '
      + '(versi 1) Dinas Kesehatan Kabupaten Kupang pada Senin, 12 Januari 2026 untuk disetujui.\n\n'
      + 'Mohon periksa PK tersebut, lalu setujui atau kembalikan dengan alasan. PK dapat disetujui atau dikembalikan oleh Kepala Dinas Kesehatan Kabupaten Kupang '
      + `atau Sekretaris lain, bukan oleh pengajunya sendiri.${FOOTER}`);
    const alone = planPkNotice({
      event: { type: 'PkSubmitted', data: { version: 1, submittedBy: 'u-yohanes', submittedAt: '2026-01-12T03:00:00.000Z' } },
      position: 2, year: 2026, version: version(), office: untitled, actor: sekretarisDinas, approvedVersions: [], told: ['KETUA'],
    });
    expect(alone!.message.body).toMatch(/^Yth\. Pimpinan,\n\n/);
    expect(alone!.message.body).toContain('oleh Pimpinan atau Sekretaris lain');
    expect(text(notice) + text(alone)).not.toMatch(/Ketua/);
  });

  it('given a PK approved or returned by the head, then the Sekretaris is told by the head\'s title and name; without a title, "Pimpinan"', () => {
    const approved = planPkNotice({
      event: { type: 'PkApproved', data: { version: 1, approvedBy: 'u-maria', approvedByRole: 'KETUA', approvedAt: '2026-01-14T03:00:00.000Z', supersedesVersion: null } },
      position: 3, year: 2026, version: version({ status: 'APPROVED' }), office: dinkes, actor: kepala, approvedVersions: V1,
    });
    expect(approved!.message.body).toContain('Perjanjian Kinerja tahun 2026 (versi 1) Dinas Kesehatan Kabupaten Kupang disetujui oleh '
      + 'Kepala Dinas Kesehatan Kabupaten Kupang (dr. Maria Goreti Tefa, M.Kes) pada Rabu, 14 Januari 2026.');
    const returned = planPkNotice({
      event: { type: 'PkReturned', data: { version: 1, returnedBy: 'u-maria', returnedByRole: 'KETUA', reason: 'Target terlalu rendah.', returnedAt: '2026-01-13T03:00:00.000Z' } },
      position: 3, year: 2026, version: version({ status: 'DRAFT' }), office: untitled, actor: kepala, approvedVersions: [],
    });
    expect(returned!.message.body).toContain('dikembalikan oleh Pimpinan (dr. Maria Goreti Tefa, M.Kes) pada');
    expect(text(approved) + text(returned)).not.toMatch(/Ketua/);
  });

  it('given a final LKj the office requires its head to sign, then the notices ask the head by its title, and tell the Sekretaris the head signed it', () => {
    const produced = planLkjNotice({
      event: { type: 'LkjProduced', data: { version: 3, draft: false, files: [], modelDigest: 'x', signatureRequired: true, producedAt: '2027-01-10T02:00:00.000Z' } },
      position: 6, year: 2026, office: dinkes, replacesUnsigned: 2,
    });
    expect(produced!.message).toEqual({
      subject: 'LKj 2026 versi 3 selesai dibuat dan menunggu tanda tangan Kepala Dinas Kesehatan Kabupaten Kupang — Dinas Kesehatan Kabupaten Kupang',
      body: 'Yth. Kepala Dinas Kesehatan Kabupaten Kupang dan Sekretaris,\n\nLaporan Kinerja (LKj) tahun 2026 Dinas Kesehatan Kabupaten Kupang versi 3 selesai dibuat '
        + 'pada Minggu, 10 Januari 2027.\nBerkas DOCX dan PDF-nya dapat diunduh di Kinerja (menu LKj).\n'
        + 'Satker ini mewajibkan LKj final ditandatangani Kepala Dinas Kesehatan Kabupaten Kupang: versi ini menunggu tanda tangan Kepala Dinas Kesehatan Kabupaten Kupang.\n'
        + 'Versi ini menggantikan versi 2, yang belum ditandatangani Kepala Dinas Kesehatan Kabupaten Kupang; versi 2 tidak perlu ditandatangani lagi.\n\n'
        + `Kepala Dinas Kesehatan Kabupaten Kupang: mohon periksa LKj tersebut, lalu tandatangani di Kinerja (menu LKj, "Tandatangani").${FOOTER}`,
    });
    const signed = planLkjNotice({
      event: { type: 'LkjSigned', data: { version: 3, signedBy: 'u-maria', signedAt: '2027-01-11T03:00:00.000Z' } },
      position: 7, year: 2026, office: dinkes, signer: kepala.fullName,
    });
    expect(signed!.message.subject).toBe('LKj 2026 versi 3 ditandatangani Kepala Dinas Kesehatan Kabupaten Kupang — Dinas Kesehatan Kabupaten Kupang');
    expect(signed!.message.body).toContain('versi 3 ditandatangani oleh Kepala Dinas Kesehatan Kabupaten Kupang (dr. Maria Goreti Tefa, M.Kes) pada Senin, 11 Januari 2027.');
    const stale = planLkjNotice({
      event: { type: 'LkjMarkedStale', data: { version: 3, reason: 'Laporan Maret diperbaiki.', markedAt: '2027-02-01T02:00:00.000Z' } }, position: 8, year: 2026, office: untitled,
    });
    expect(stale!.message.body).toMatch(/^Yth\. Pimpinan dan Sekretaris,\n\n/);
    expect(text(produced) + text(signed) + text(stale)).not.toMatch(/Ketua/);
  });
});
