import { renderReminder } from '../messages/render-reminder';
import { leaveOutAnnounced, leaveOutMonthsSent, planReminders } from './plan-reminders';
import { at, extension, office, report } from './plan.test-builders';
import type { ReportFact } from './reminder-plan.types';

/**
 * January 2025 (due 5 February) given a dispensasi until 20 February, granted on 10 February at 10:00.
 * KUL and PDI still owed January then; UMUM had sent it on 4 February (and it waits, or was returned later).
 */
const grantedAt = at('2025-02-10 10:00').toISOString();
const jember = office({ extensions: [extension(2025, 1, '2025-02-20', { grantedAt, reason: 'Gangguan jaringan di kantor', grantedByName: 'Siti Aminah' })] });
const sentOn4February = [{ type: 'RealisasiSubmitted' as const, at: at('2025-02-04 09:00').toISOString() }];
const reports: ReportFact[] = [
  report({ subbagian: 'KUL' }),
  report({ subbagian: 'PDI', subbagianName: 'Perencanaan, Data dan Informasi', status: 'DRAFT', moves: [{ type: 'RealisasiDraftSaved', at: at('2025-02-03 09:00').toISOString() }] }),
  report({ subbagian: 'UMUM', subbagianName: 'Umum', status: 'SUBMITTED', submittedAt: sentOn4February[0].at, moves: sentOn4February }),
];
const announced = (now: Date, facts = reports) => planReminders({ office: jember, now, reports: facts }).filter((r) => r.kind === 'DEADLINE_EXTENDED');

describe('a dispensasi announced to those it concerns', () => {
  it('given a dispensasi granted at 10:00, when a run comes before the grant, then nothing is announced', () => {
    expect(announced(at('2025-02-10 09:59'))).toEqual([]);
  });

  it('when a run comes after the grant, then the Kasubbag of each report still owed at the grant and the Sekretaris are told, under keys pinned per audience', () => {
    const due = announced(at('2025-02-10 10:05'));
    expect(due.map((r) => [r.key, r.audience])).toEqual([
      ['dispensasi:kpu-jember:2025-01:2025-02-20:kasubbag-KUL', { role: 'KASUBBAG', subbagian: 'KUL' }],
      ['dispensasi:kpu-jember:2025-01:2025-02-20:kasubbag-PDI', { role: 'KASUBBAG', subbagian: 'PDI' }],
      ['dispensasi:kpu-jember:2025-01:2025-02-20:sekretaris', { role: 'SEKRETARIS' }],
    ]);
    expect(due[2].reports.map((r) => r.subbagian)).toEqual(['KUL', 'PDI']);
    expect(due[0]).toMatchObject({ dueAt: grantedAt, localDate: '2025-02-10', deadline: { year: 2025, month: 2, day: 20 }, dispensasi: true, period: { year: 2025, month: 1 } });
    expect(due.every((r) => !r.supersedes && leaveOutMonthsSent(r, new Set()) === r)).toBe(true);
  });

  it('given a report of KUL sent after the grant, then the announcements keep the same keys and audiences (decided at the grant)', () => {
    const sentLater = reports.map((r) => (r.subbagian === 'KUL' ? { ...r, status: 'SUBMITTED' as const, moves: [{ type: 'RealisasiSubmitted' as const, at: at('2025-02-11 09:00').toISOString() }] } : r));
    expect(announced(at('2025-02-12 08:00'), sentLater).map((r) => r.key)).toEqual(announced(at('2025-02-10 10:05')).map((r) => r.key));
  });

  it('is made good by a run missed until the new deadline day, and no more after it', () => {
    expect(announced(at('2025-02-20 23:59'))).toHaveLength(3);
    expect(announced(at('2025-02-21 00:00'))).toEqual([]);
  });

  it('tells the Kasubbag the month, the old and new deadlines, the reason and who granted it, in Indonesian', () => {
    const [kul] = announced(at('2025-02-10 10:05'));
    const { subject, body } = renderReminder(kul, jember);
    expect(subject).toBe('Dispensasi: batas waktu laporan realisasi Januari 2025 diperpanjang sampai Kamis, 20 Februari 2025 — KPU Kabupaten Jember');
    expect(body).toContain('Pada Senin, 10 Februari 2025, Siti Aminah (Sekretaris) memberikan dispensasi batas waktu laporan realisasi kinerja bulan Januari 2025 untuk KPU Kabupaten Jember.');
    expect(body).toContain('Batas waktu semula: Rabu, 5 Februari 2025.\nBatas waktu baru: Kamis, 20 Februari 2025.\nAlasan: Gangguan jaringan di kantor');
    expect(body).toContain('Indikator yang masih kosong:\n  - K1.1 Laporan Keuangan');
    expect(body).toContain('Dispensasi ini berlaku untuk laporan Subbagian Keuangan, Umum dan Logistik, yang belum dikirim atau dikembalikan saat dispensasi diberikan.');
    // The request is a paragraph of its own, a blank line before the footer, as in the Sekretaris's notices.
    expect(body).toMatch(/Silakan lengkapi dan kirim laporan tersebut paling lambat Kamis, 20 Februari 2025\.\n\nPesan ini dikirim otomatis oleh Kinerja\./);
  });

  it('tells the Sekretaris which reports it reaches, and that those sent before keep their deadline', () => {
    const sekretaris = announced(at('2025-02-10 10:05'))[2];
    const { body } = renderReminder(sekretaris, jember);
    expect(body).toContain('Dispensasi ini berlaku untuk laporan yang belum dikirim atau dikembalikan saat dispensasi diberikan:\n- Subbagian Keuangan, Umum dan Logistik\n- Subbagian Perencanaan, Data dan Informasi');
    expect(body).toContain('Laporan yang sudah dikirim sebelumnya tetap dinilai dengan batas waktu semula.');
  });

  it('given KUL has no active Kasubbag, then its announcement reaches the Sekretaris as a stand-in, saying why', () => {
    const [kul] = announced(at('2025-02-10 10:05'));
    const { subject, body } = renderReminder(kul, jember, { role: 'SEKRETARIS', vacantRoles: ['KASUBBAG'] });
    expect(subject).toBe('Dispensasi: batas waktu laporan realisasi Januari 2025 Subbagian Keuangan, Umum dan Logistik diperpanjang sampai Kamis, 20 Februari 2025 (tidak ada Kasubbag aktif) — KPU Kabupaten Jember');
    expect(body).toContain('pemberitahuan yang semestinya diterima Kepala Subbagian Keuangan, Umum dan Logistik ini dikirimkan kepada Anda sebagai Sekretaris.');
  });
});

describe('a report waiting at the grant and returned after it (not reached by the dispensasi)', () => {
  const returnedAfter = report({
    subbagian: 'UMUM', subbagianName: 'Umum', status: 'RETURNED', returnedAt: at('2025-02-12 10:00').toISOString(), returnReason: 'Bukti kurang',
    moves: [...sentOn4February, { type: 'RealisasiReturned', at: at('2025-02-12 10:00').toISOString() }],
  });
  const escalations = (now: Date) => planReminders({ office: jember, now, reports: [report({ subbagian: 'KUL' }), returnedAfter] }).filter((r) => r.kind === 'OVERDUE_ESCALATION');

  it('keeps its own deadline (5 February), as the readers show it: sent in time and returned after it, it is chased by the daily returned-report reminder, not escalated', () => {
    expect(escalations(at('2025-02-13 08:00'))).toEqual([]);
    const [daily] = planReminders({ office: jember, now: at('2025-02-13 08:00'), reports: [returnedAfter] }).filter((r) => r.kind === 'RETURNED_REPORT');
    expect(daily).toMatchObject({ key: 'returned:kpu-jember:2025-01:UMUM:2025-02-13', deadline: { year: 2025, month: 2, day: 5 } });
    expect(daily.dispensasi).toBeUndefined();
  });

  it('so the escalation after the dispensasi\'s day lists only the reports it reached', () => {
    const after = escalations(at('2025-02-21 08:00')).find((r) => r.dispensasi)!;
    expect(after.key).toBe('overdue:kpu-jember:2025-01:2025-02-20');
    expect(after.reports.map((r) => r.subbagian)).toEqual(['KUL']);
  });
});

describe('the dispensasi granted to one office on one day, announced together', () => {
  // On 10 March 2025 the Sekretaris gives January until 20 March at 09:00 and February until 24 March
  // at 09:20. KUL owes both months; PDI sent January in time and owes February.
  const january = extension(2025, 1, '2025-03-20', { grantedAt: at('2025-03-10 09:00').toISOString(), previousDeadline: { year: 2025, month: 2, day: 5 } });
  const february = extension(2025, 2, '2025-03-24', { grantedAt: at('2025-03-10 09:20').toISOString(), previousDeadline: { year: 2025, month: 3, day: 5 }, reason: 'Server rusak' });
  const sentJanuary = [{ type: 'RealisasiSubmitted' as const, at: at('2025-02-04 09:00').toISOString() }];
  const owed: ReportFact[] = [
    report({ subbagian: 'KUL', month: 1 }),
    report({ subbagian: 'KUL', month: 2, blankIndicators: [{ code: 'K1.2', name: 'Laporan Aset' }] }),
    report({ subbagian: 'PDI', subbagianName: 'Perencanaan, Data dan Informasi', month: 1, status: 'SUBMITTED', submittedAt: sentJanuary[0].at, moves: sentJanuary }),
    report({ subbagian: 'PDI', subbagianName: 'Perencanaan, Data dan Informasi', month: 2 }),
  ];
  const lumajang = office({ extensions: [february, january] });
  const notices = (now: Date, o = lumajang) => planReminders({ office: o, now, reports: owed }).filter((r) => r.kind === 'DEADLINE_EXTENDED');

  it('given both grants, then one notice per audience lists the months it concerns, keyed by the first and claiming each grant\'s key', () => {
    const due = notices(at('2025-03-10 09:30'));
    expect(due.map((r) => [r.key, r.periods.map((p) => p.month), (r.claims ?? []).map((c) => c.key)])).toEqual([
      ['dispensasi:kpu-jember:2025-01:2025-03-20:kasubbag-KUL', [1, 2],
        ['dispensasi:kpu-jember:2025-01:2025-03-20:kasubbag-KUL', 'dispensasi:kpu-jember:2025-02:2025-03-24:kasubbag-KUL']],
      ['dispensasi:kpu-jember:2025-02:2025-03-24:kasubbag-PDI', [2], ['dispensasi:kpu-jember:2025-02:2025-03-24:kasubbag-PDI']],
      ['dispensasi:kpu-jember:2025-01:2025-03-20:sekretaris', [1, 2],
        ['dispensasi:kpu-jember:2025-01:2025-03-20:sekretaris', 'dispensasi:kpu-jember:2025-02:2025-03-24:sekretaris']],
    ]);
    expect(due[0]).toMatchObject({ localDate: '2025-03-10', deadline: null, dueAt: january.grantedAt, extension: january, extensions: [january, february] });
    expect(due[2].reports.map((r) => `${r.month}:${r.subbagian}`)).toEqual(['1:KUL', '2:KUL', '2:PDI']);
  });

  it('given a run between the two grants, then it lists the first alone, under the same key', () => {
    expect(notices(at('2025-03-10 09:10')).map((r) => [r.key, r.periods.map((p) => p.month)])).toEqual([
      ['dispensasi:kpu-jember:2025-01:2025-03-20:kasubbag-KUL', [1]],
      ['dispensasi:kpu-jember:2025-01:2025-03-20:sekretaris', [1]],
    ]);
  });

  it('given January announced at 09:10, then the later run announces February alone, under February\'s key; once both are, nothing', () => {
    const taken = new Set(['dispensasi:kpu-jember:2025-01:2025-03-20:kasubbag-KUL', 'dispensasi:kpu-jember:2025-01:2025-03-20:sekretaris']);
    const left = notices(at('2025-03-10 09:30')).map((r) => leaveOutAnnounced(r, taken));
    expect(left.map((r) => r && [r.key, r.periods.map((p) => p.month), r.reports.map((x) => `${x.month}:${x.subbagian}`), r.claims!.length])).toEqual([
      ['dispensasi:kpu-jember:2025-02:2025-03-24:kasubbag-KUL', [2], ['2:KUL'], 1],
      ['dispensasi:kpu-jember:2025-02:2025-03-24:kasubbag-PDI', [2], ['2:PDI'], 1],
      ['dispensasi:kpu-jember:2025-02:2025-03-24:sekretaris', [2], ['2:KUL', '2:PDI'], 1],
    ]);
    expect(left[0]).toMatchObject({ extension: february, deadline: february.until, dueAt: february.grantedAt });
    const all = new Set(notices(at('2025-03-10 09:30')).flatMap((r) => r.claims!.map((c) => c.key)));
    expect(notices(at('2025-03-10 09:30')).map((r) => leaveOutAnnounced(r, all))).toEqual([null, null, null]);
  });

  it('given grants on two days, then each day has its notices', () => {
    const nextDay = { ...february, grantedAt: at('2025-03-11 08:00').toISOString() };
    const due = notices(at('2025-03-11 09:00'), office({ extensions: [january, nextDay] }));
    expect(due.map((r) => [r.localDate, r.key])).toEqual([
      ['2025-03-10', 'dispensasi:kpu-jember:2025-01:2025-03-20:kasubbag-KUL'],
      ['2025-03-10', 'dispensasi:kpu-jember:2025-01:2025-03-20:sekretaris'],
      ['2025-03-11', 'dispensasi:kpu-jember:2025-02:2025-03-24:kasubbag-KUL'],
      ['2025-03-11', 'dispensasi:kpu-jember:2025-02:2025-03-24:kasubbag-PDI'],
      ['2025-03-11', 'dispensasi:kpu-jember:2025-02:2025-03-24:sekretaris'],
    ]);
  });

  it('tells the Kasubbag each month with its deadlines, reason, grantor and blank indicators, in Indonesian', () => {
    const [kul] = notices(at('2025-03-10 09:30'));
    const { subject, body } = renderReminder(kul, lumajang);
    expect(subject).toBe('Dispensasi: batas waktu laporan realisasi Januari–Februari 2025 diperpanjang — KPU Kabupaten Jember');
    expect(body).toContain('Pada Senin, 10 Maret 2025 diberikan dispensasi batas waktu laporan realisasi kinerja 2 bulan untuk KPU Kabupaten Jember: Januari–Februari 2025.');
    expect(body).toContain(
      'Januari 2025 — diberikan oleh Siti Aminah (Sekretaris).\nBatas waktu semula: Rabu, 5 Februari 2025.\nBatas waktu baru: Kamis, 20 Maret 2025.\n' +
        'Alasan: Gangguan jaringan di kantor\nIndikator yang masih kosong:\n  - K1.1 Laporan Keuangan',
    );
    expect(body).toContain('Februari 2025 — diberikan oleh Siti Aminah (Sekretaris).\nBatas waktu semula: Rabu, 5 Maret 2025.\nBatas waktu baru: Senin, 24 Maret 2025.\nAlasan: Server rusak\nIndikator yang masih kosong:\n  - K1.2 Laporan Aset');
    expect(body).toContain('Silakan lengkapi dan kirim setiap laporan tersebut paling lambat batas waktu barunya masing-masing.');
  });

  it('tells the Sekretaris the reports each month\'s dispensasi reaches', () => {
    const sekretaris = notices(at('2025-03-10 09:30'))[2];
    const { body } = renderReminder(sekretaris, lumajang);
    expect(body).toContain('Alasan: Gangguan jaringan di kantor\nBerlaku untuk laporan yang belum dikirim atau dikembalikan saat dispensasi diberikan:\n- Subbagian Keuangan, Umum dan Logistik\n\nFebruari 2025');
    expect(body).toContain('Alasan: Server rusak\nBerlaku untuk laporan yang belum dikirim atau dikembalikan saat dispensasi diberikan:\n- Subbagian Keuangan, Umum dan Logistik\n- Subbagian Perencanaan, Data dan Informasi');
  });
});
