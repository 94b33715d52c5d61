import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const IDENTITY = 'identity:kpu-a';
const userCreated = { userId: 'u-ani', username: 'kasubbag.hsdm', fullName: 'Ani', email: 'ani@kpu.go.id', role: 'KASUBBAG', satker: 'kpu-a', subbagian: 'HSDM' };
const fieldsOf = (changes: Array<{ field: string; before: string | null; after: string | null }>) => changes.map((c) => [c.field, c.before, c.after]);

describe('the audit trail in words: offices, subbagian and users changed, with their values before', () => {
  it('given a Kasubbag HSDM, when made Sekretaris, then the role and the subbagian show what they were', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('UserCreated', userCreated, IDENTITY), state);
    const { row } = describeEvent(recorded('UserUpdated', { userId: 'u-ani', satker: 'kpu-a', changes: { role: 'SEKRETARIS', subbagian: null } }, IDENTITY), state);
    expect(row.summary).toBe('Mengubah data pengguna Ani (kasubbag.hsdm).');
    expect(row.changes).toEqual([
      { indicatorCode: null, indicatorName: null, field: 'peran', before: 'Kepala Subbagian', after: 'Sekretaris' },
      { indicatorCode: null, indicatorName: null, field: 'subbagian', before: 'HSDM', after: null },
    ]);
  });

  it('given a new user, when described, then the role reads as a person says it and the e-mail address is told', () => {
    const { row } = describeEvent(recorded('UserCreated', userCreated, IDENTITY), new AuditTrailState());
    expect(row.summary).toBe('Membuat pengguna Ani (kasubbag.hsdm) sebagai Kepala Subbagian HSDM, e-mail ani@kpu.go.id.');
    expect(fieldsOf(row.changes)).toEqual([
      ['nama pengguna', null, 'kasubbag.hsdm'], ['nama lengkap', null, 'Ani'], ['e-mail', null, 'ani@kpu.go.id'],
      ['peran', null, 'Kepala Subbagian'], ['subbagian', null, 'HSDM'],
    ]);
  });

  it('given a new Sekretaris without an address, when described, then the trail says so and lists no e-mail', () => {
    const { row } = describeEvent(recorded('UserCreated', { ...userCreated, role: 'SEKRETARIS', subbagian: null, email: null }, IDENTITY), new AuditTrailState());
    expect(row.summary).toBe('Membuat pengguna Ani (kasubbag.hsdm) sebagai Sekretaris, tanpa e-mail.');
    expect(fieldsOf(row.changes)).toEqual([['nama pengguna', null, 'kasubbag.hsdm'], ['nama lengkap', null, 'Ani'], ['peran', null, 'Sekretaris']]);
  });

  it('given a user changed before, when changed again, then the before is the value of the last change', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('UserCreated', userCreated, IDENTITY), state);
    describeEvent(recorded('UserUpdated', { userId: 'u-ani', satker: 'kpu-a', changes: { fullName: 'Ani Rahma', email: null } }, IDENTITY), state);
    const { row } = describeEvent(recorded('UserUpdated', { userId: 'u-ani', satker: 'kpu-a', changes: { fullName: 'Ani R.', email: 'ani@x.id', subbagian: 'PDI' } }, IDENTITY), state);
    expect(fieldsOf(row.changes)).toEqual([['nama lengkap', 'Ani Rahma', 'Ani R.'], ['e-mail', null, 'ani@x.id'], ['subbagian', 'HSDM', 'PDI']]);
  });

  it('given an office and a subbagian, when changed, then each field shows what it was', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('SatkerCreated', { code: 'kpu-a', name: 'KPU A', parentCode: null, timeZone: 'Asia/Jakarta', reportDeadlineDay: 5 }, IDENTITY), state);
    describeEvent(recorded('SubbagianCreated', { satker: 'kpu-a', code: 'HSDM', name: 'Hukum dan SDM' }, IDENTITY), state);
    const office = describeEvent(recorded('SatkerUpdated', { code: 'kpu-a', changes: { timeZone: 'Asia/Makassar', reportDeadlineDay: 7 } }, IDENTITY), state);
    const sub = describeEvent(recorded('SubbagianUpdated', { satker: 'kpu-a', code: 'HSDM', changes: { name: 'Sub. Bagian Hukum dan SDM' } }, IDENTITY), state);
    expect(fieldsOf(office.row.changes)).toEqual([['zona waktu', 'WIB (Asia/Jakarta)', 'WITA (Asia/Makassar)'], ['tanggal batas waktu laporan', '5', '7']]);
    expect(fieldsOf(sub.row.changes)).toEqual([['nama', 'Hukum dan SDM', 'Sub. Bagian Hukum dan SDM']]);
  });

  it('given an office with deadline day 5, when the day is changed, then the summary says from which report month the new day applies', () => {
    const state = new AuditTrailState();
    const at = (event: ReturnType<typeof recorded>, iso: string) => ({ ...event, recordedAt: new Date(iso) });
    describeEvent(at(recorded('SatkerCreated', { code: 'kpu-a', name: 'KPU A', parentCode: null, timeZone: 'Asia/Jakarta', reportDeadlineDay: 5 }, IDENTITY), '2024-01-02T03:00:00Z'), state);
    // 3 December (Jakarta): November's deadline, 5 December, is still ahead, so it moves too.
    const extended = describeEvent(at(recorded('SatkerUpdated', { code: 'kpu-a', changes: { reportDeadlineDay: 15 } }, IDENTITY), '2024-12-03T03:00:00Z'), state);
    expect(extended.row.summary).toBe('Mengubah data satker kpu-a; tanggal batas waktu 15 berlaku mulai laporan bulan November 2024.');
    // 16 December: November's 15 December has passed, so the shortening starts with December.
    const shortened = describeEvent(at(recorded('SatkerUpdated', { code: 'kpu-a', changes: { reportDeadlineDay: 3 } }, IDENTITY), '2024-12-16T03:00:00Z'), state);
    expect(shortened.row.summary).toBe('Mengubah data satker kpu-a; tanggal batas waktu 3 berlaku mulai laporan bulan Desember 2024.');
    expect(fieldsOf(shortened.row.changes)).toEqual([['tanggal batas waktu laporan', '15', '3']]);
    const renamed = describeEvent(at(recorded('SatkerUpdated', { code: 'kpu-a', changes: { name: 'KPU AA' } }, IDENTITY), '2024-12-17T03:00:00Z'), state);
    expect(renamed.row.summary).toBe('Mengubah data satker kpu-a.');
  });

  it('given an office created before the LKj signature step, when its ADMIN requires the Ketua to sign, then the trail says so, from "tidak" to "ya", and back', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('SatkerCreated', { code: 'kpu-a', name: 'KPU A', parentCode: null, timeZone: 'Asia/Jakarta', reportDeadlineDay: 5 }, IDENTITY), state);
    const on = describeEvent(recorded('SatkerUpdated', { code: 'kpu-a', changes: { ketuaSignsLkj: true } }, IDENTITY), state);
    expect(on.row.summary).toBe('Mengubah data satker kpu-a; LKj final yang dibuat sejak ini menunggu tanda tangan Ketua.');
    expect(fieldsOf(on.row.changes)).toEqual([['LKj final ditandatangani Ketua', 'tidak', 'ya']]);
    const off = describeEvent(recorded('SatkerUpdated', { code: 'kpu-a', changes: { ketuaSignsLkj: false } }, IDENTITY), state);
    expect(off.row.summary).toBe('Mengubah data satker kpu-a; LKj final yang dibuat sejak ini tidak lagi memerlukan tanda tangan Ketua.');
    expect(fieldsOf(off.row.changes)).toEqual([['LKj final ditandatangani Ketua', 'ya', 'tidak']]);
  });

  it('given an office created with the Ketua\'s signature required, then its creation says so, and turning it off later reads "ya" to "tidak"', () => {
    const state = new AuditTrailState();
    const office = { code: 'kpu-a', name: 'KPU A', parentCode: null, timeZone: 'Asia/Jakarta', reportDeadlineDay: 5 };
    const made = describeEvent(recorded('SatkerCreated', { ...office, ketuaSignsLkj: true }, IDENTITY), state);
    expect(made.row.summary).toBe('Membuat satker kpu-a (KPU A); LKj final satker ini menunggu tanda tangan Ketua.');
    const off = describeEvent(recorded('SatkerUpdated', { code: 'kpu-a', changes: { ketuaSignsLkj: false } }, IDENTITY), state);
    expect(fieldsOf(off.row.changes)).toEqual([['LKj final ditandatangani Ketua', 'ya', 'tidak']]);
    const plain = describeEvent(recorded('SatkerCreated', { ...office, code: 'kpu-b', ketuaSignsLkj: false }, 'identity:kpu-b'), state);
    expect(plain.row.summary).toBe('Membuat satker kpu-b (KPU A).');
  });
});

describe('the audit trail in words: why an administrator changed an office, a subbagian or a user', () => {
  const reason = 'Pensiun per 1 Desember 2026';

  it.each([
    ['UserUpdated', { userId: 'u-ani', satker: 'kpu-a', changes: { role: 'SEKRETARIS', subbagian: null }, reason }],
    ['UserDeactivated', { userId: 'u-ani', satker: 'kpu-a', reason }],
    ['UserReactivated', { userId: 'u-ani', satker: 'kpu-a', reason }],
    ['UserPasswordChanged', { userId: 'u-ani', satker: 'kpu-a', by: 'admin', reason }],
    ['UserUnlocked', { userId: 'u-ani', satker: 'kpu-a', failedAttempts: 4, lockedUntil: '2026-12-07T03:15:00.000Z', reason }],
    ['UserCreated', { ...userCreated, reason }],
    ['SatkerUpdated', { code: 'kpu-a', changes: { name: 'KPU AA' }, reason }],
    ['SatkerMoved', { code: 'kpu-a', fromParentCode: 'kpu-p', toParentCode: 'kpu-q', reason }],
    ['SatkerDeactivated', { code: 'kpu-a', reason }],
    ['SatkerReactivated', { code: 'kpu-a', reason }],
    ['SubbagianUpdated', { satker: 'kpu-a', code: 'HSDM', changes: { name: 'Hukum' }, reason }],
    ['SubbagianDeactivated', { satker: 'kpu-a', code: 'HSDM', reason }],
    ['SubbagianReactivated', { satker: 'kpu-a', code: 'HSDM', reason }],
  ])('given a %s with a reason, when described, then the row carries it as alasan', (type, data) => {
    const state = new AuditTrailState();
    describeEvent(recorded('UserCreated', userCreated, IDENTITY), state);
    expect(describeEvent(recorded(type, data, IDENTITY), state).row.reason).toBe(reason);
  });

  it('given an unlock with a reason, when described, then the summary is as before and the reason is its alasan', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('UserCreated', userCreated, IDENTITY), state);
    const data = { userId: 'u-ani', satker: 'kpu-a', failedAttempts: 4, lockedUntil: '2026-12-07T03:15:00.000Z', reason: 'Salah ketik sebelum batas waktu' };
    const { row } = describeEvent(recorded('UserUnlocked', data, IDENTITY), state);
    expect(row).toMatchObject({
      summary: 'Membuka kunci akun Ani (kasubbag.hsdm) dan menghapus 4 catatan gagal masuk, tanpa mengganti kata sandi.',
      reason: 'Salah ketik sebelum batas waktu',
    });
  });

  it('given a deactivation recorded before reasons were kept, when described, then its alasan is empty as before', () => {
    const state = new AuditTrailState();
    describeEvent(recorded('UserCreated', userCreated, IDENTITY), state);
    const { row } = describeEvent(recorded('UserDeactivated', { userId: 'u-ani', satker: 'kpu-a' }, IDENTITY), state);
    expect(row).toMatchObject({ summary: 'Menonaktifkan pengguna Ani (kasubbag.hsdm).', reason: null });
  });
});
