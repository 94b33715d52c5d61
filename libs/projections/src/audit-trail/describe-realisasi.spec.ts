import { AuditTrailState } from './audit-trail.state';
import { recorded } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const KEY = { satker: 'kpu-a', year: 2026, month: 11, subbagian: 'UMUM' };
const STREAM = 'realisasi:kpu-a:2026:11:UMUM';
const KASUBBAG = { id: 'u-kasubbag', role: 'KASUBBAG' };
const SPJ = { sha256: 'a'.repeat(64), fileName: 'spj-november.pdf', contentType: 'application/pdf', size: 10 };
const FOTO = { sha256: 'b'.repeat(64), fileName: 'foto-rapat.jpg', contentType: 'image/jpeg', size: 10 };

type Line = { indicatorCode: string; value: string | null; narrative: string; kendala: string; solusi: string; evidence: typeof SPJ[] };
const line = (indicatorCode: string, value: string | null, more: Partial<Line> = {}): Line =>
  ({ indicatorCode, value, narrative: '', kendala: '', solusi: '', evidence: [], ...more });

function save(state: AuditTrailState, lines: Line[], budget: Array<{ kegiatanCode: string; spent: string }>) {
  return describeEvent(recorded('RealisasiDraftSaved', { key: KEY, revision: 0, pkVersion: 1, lines, budget, savedBy: KASUBBAG.id, savedAt: 'x' }, STREAM, KASUBBAG), state);
}

const told = (d: ReturnType<typeof save>) => d.row.changes.map((c) => [c.indicatorCode, c.field, c.before, c.after]);

describe('the audit trail tells a save of a monthly report from the content last saved to the new one', () => {
  it('gives each budget line the amount last saved as its "before", a removed one going to kosong', () => {
    // Given the saves of Banyuwangi's November report as QA made them.
    const state = new AuditTrailState();
    const lines = [line('K1.1', '5')];
    const first = save(state, lines, [{ kegiatanCode: 'K1', spent: '10000000' }]);
    const typo = save(state, lines, [{ kegiatanCode: 'K1', spent: '999999999999' }]);
    const fixed = save(state, lines, [{ kegiatanCode: 'K1', spent: '10000000' }]);
    const removed = save(state, lines, []);
    const again = save(state, lines, [{ kegiatanCode: 'K1', spent: '10000000' }]);
    const unchanged = save(state, lines, [{ kegiatanCode: 'K1', spent: '10000000' }]);

    // Then each row says from which amount to which, and the summary says it too.
    expect(told(first)).toEqual([['K1.1', 'realisasi', null, '5'], [null, 'anggaran:K1', null, '10000000']]);
    expect(told(typo)).toEqual([[null, 'anggaran:K1', '10000000', '999999999999']]);
    expect(typo.row.summary).toBe('Menyimpan laporan realisasi November 2026 subbagian UMUM (revisi 0): anggaran K1 Rp 10.000.000 → Rp 999.999.999.999.');
    expect(told(fixed)).toEqual([[null, 'anggaran:K1', '999999999999', '10000000']]);
    expect(told(removed)).toEqual([[null, 'anggaran:K1', '10000000', null]]);
    expect(removed.row.summary).toBe('Menyimpan laporan realisasi November 2026 subbagian UMUM (revisi 0): anggaran K1 Rp 10.000.000 → kosong.');
    expect(told(again)).toEqual([[null, 'anggaran:K1', null, '10000000']]);
    expect(told(unchanged)).toEqual([]);
    expect(unchanged.row.summary).toBe('Menyimpan laporan realisasi November 2026 subbagian UMUM (revisi 0); tidak ada isi yang berubah.');
    // A budget line is no figure of an indicator.
    expect([typo, fixed, removed].flatMap((d) => d.figures)).toEqual([]);
  });

  it('gives a removed indicator line kosong as its new value, in the row and in the figure history', () => {
    const state = new AuditTrailState();
    save(state, [line('K1.1', '5'), line('K1.2', '7')], []);
    const removed = save(state, [line('K1.1', '5')], []);
    expect(told(removed)).toEqual([['K1.2', 'realisasi', '7', null]]);
    expect(removed.figures).toEqual([expect.objectContaining({ indicatorCode: 'K1.2', before: '7', after: null })]);
    expect(removed.row.summary).toBe('Menyimpan laporan realisasi November 2026 subbagian UMUM (revisi 0): K1.2 7 → kosong.');
  });

  it('tells the uraian, kendala, solusi and bukti dukung of each line from what was last saved, emptied ones going to kosong', () => {
    // Given a first save with texts and one file.
    const state = new AuditTrailState();
    const first = save(state, [line('K1.1', '5', { narrative: 'Rapat 3 kali.', kendala: '-', evidence: [SPJ] })], []);
    expect(told(first)).toEqual([
      ['K1.1', 'realisasi', null, '5'], ['K1.1', 'uraian', null, 'Rapat 3 kali.'], ['K1.1', 'kendala', null, '-'], ['K1.1', 'bukti dukung', null, 'spj-november.pdf'],
    ]);
    // When the uraian changes, the kendala is emptied, a solusi and a second file are added.
    const second = save(state, [line('K1.1', '5', { narrative: 'Rapat 4 kali.', kendala: '  ', solusi: 'Jadwal tetap.', evidence: [SPJ, FOTO] })], []);
    // Then only those, each from its value before.
    expect(told(second)).toEqual([
      ['K1.1', 'uraian', 'Rapat 3 kali.', 'Rapat 4 kali.'], ['K1.1', 'kendala', '-', null], ['K1.1', 'solusi', null, 'Jadwal tetap.'],
      ['K1.1', 'bukti dukung', 'spj-november.pdf', 'spj-november.pdf, foto-rapat.jpg'],
    ]);
    expect(second.row.summary).toBe(
      'Menyimpan laporan realisasi November 2026 subbagian UMUM (revisi 0): uraian K1.1 diubah; kendala K1.1 dikosongkan; solusi K1.1 diisi; bukti dukung K1.1 diubah.',
    );
    expect(second.figures).toEqual([]);
    // The same files in another order are the same files; a line removed empties its texts and files.
    expect(told(save(state, [line('K1.1', '5', { narrative: 'Rapat 4 kali.', solusi: 'Jadwal tetap.', evidence: [FOTO, SPJ] })], []))).toEqual([]);
    expect(told(save(state, [], []))).toEqual([
      ['K1.1', 'realisasi', '5', null], ['K1.1', 'uraian', 'Rapat 4 kali.', null], ['K1.1', 'solusi', 'Jadwal tetap.', null],
      ['K1.1', 'bukti dukung', 'foto-rapat.jpg, spj-november.pdf', null],
    ]);
  });
});

describe('the audit trail reads a save\'s texts as a reader sees them', () => {
  it('given saved texts, when saved again with only white space changed, then no text is listed and the save says nothing changed', () => {
    // Given a first save with an uraian and a kendala.
    const state = new AuditTrailState();
    save(state, [line('K1.1', '5', { narrative: 'Rapat 3 kali.', kendala: 'Hujan.' })], []);
    // When the same texts come back with spaces at the ends, a doubled space, a line break, and a solusi of spaces.
    const respaced = save(state, [line('K1.1', '5', { narrative: ' Rapat  3\nkali.  ', kendala: 'Hujan.\r\n', solusi: '  ' })], []);
    // Then no text is told as changed.
    expect(told(respaced)).toEqual([]);
    expect(respaced.row.summary).toBe('Menyimpan laporan realisasi November 2026 subbagian UMUM (revisi 0); tidak ada isi yang berubah.');
    // And a word changed later is told from the text as last typed.
    const reworded = save(state, [line('K1.1', '5', { narrative: 'Rapat 4 kali.', kendala: 'Hujan.' })], []);
    expect(told(reworded)).toEqual([['K1.1', 'uraian', ' Rapat  3\nkali.  ', 'Rapat 4 kali.']]);
    expect(reworded.row.summary).toBe('Menyimpan laporan realisasi November 2026 subbagian UMUM (revisi 0): uraian K1.1 diubah.');
  });
});

describe('the audit trail tells a withdrawn correction', () => {
  it('given a correction that changed a figure and a budget line, when withdrawn, then the row lists them undone and the next save is told from the approved content', () => {
    const state = new AuditTrailState();
    const approvedLines = [line('K1.1', '5')];
    const approvedBudget = [{ kegiatanCode: 'K1', spent: '10000000' }];
    save(state, approvedLines, approvedBudget);
    save(state, [line('K1.1', '7')], [{ kegiatanCode: 'K1', spent: '12000000' }]);
    const withdrawn = describeEvent(recorded('RealisasiRevisionWithdrawn', {
      revision: 1, approvedRevision: 0, pkVersion: 1, lines: approvedLines, budget: approvedBudget, approvedSubmission: null, approvedReturn: null,
      reason: 'Dibuka keliru', withdrawnBy: KASUBBAG.id, withdrawnAt: 'x',
    }, STREAM, KASUBBAG), state);
    expect(told(withdrawn)).toEqual([['K1.1', 'realisasi', '7', '5'], [null, 'anggaran:K1', '12000000', '10000000']]);
    expect(withdrawn.row.reason).toBe('Dibuka keliru');
    expect(withdrawn.row.summary).toBe('Membatalkan revisi laporan realisasi November 2026 subbagian UMUM (revisi 1); laporan kembali ke isi yang sudah disetujui '
      + '(revisi 0): K1.1 7 → 5; anggaran K1 Rp 12.000.000 → Rp 10.000.000.');
    expect(told(save(state, [line('K1.1', '6')], approvedBudget))).toEqual([['K1.1', 'realisasi', '5', '6']]);
  });
});
