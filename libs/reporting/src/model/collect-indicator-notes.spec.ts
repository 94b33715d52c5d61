import type { ApprovedRealisasi, RealisasiLine } from '@kinerja/domain';
import { collectIndicatorNotes } from './collect-indicator-notes';

const line = (indicatorCode: string, narrative: string, kendala = '', solusi = ''): RealisasiLine => ({
  indicatorCode,
  value: '1',
  narrative,
  kendala,
  solusi,
  evidence: [],
});
const report = (month: number, lines: RealisasiLine[]): ApprovedRealisasi => ({ month, subbagian: 'KUL', revision: 1, pkVersion: 1, lines, budget: [] });

describe('collecting what the Kasubbag wrote over the year', () => {
  it('keeps the months in order, drops blanks and repeats, per indicator', () => {
    const notes = collectIndicatorNotes([
      report(3, [line('K4.1', 'Gaji Maret dibayar.', 'Revisi DIPA terlambat.', 'Koordinasi dengan KPPN.')]),
      report(1, [line('K4.1', 'Gaji Januari dibayar.'), line('K4.2', '  ')]),
      report(2, [line('K4.1', 'Gaji Januari dibayar.', 'Revisi DIPA terlambat.')]),
    ]);
    expect(notes).toEqual([
      {
        indicatorCode: 'K4.1',
        capaianPrevYear: null,
        narratives: ['Gaji Januari dibayar.', 'Gaji Maret dibayar.'],
        kendala: ['Revisi DIPA terlambat.'],
        kendalaNoneSaid: false,
        solusi: ['Koordinasi dengan KPPN.'],
      },
      { indicatorCode: 'K4.2', capaianPrevYear: null, narratives: [], kendala: [], kendalaNoneSaid: false, solusi: [] },
    ]);
  });

  it('leaves out a kendala or solusi that only says there was none, and keeps the real ones', () => {
    const notes = collectIndicatorNotes([
      report(1, [line('K4.1', 'Januari.', 'Tidak ada kendala berarti.', 'Pelaksanaan dipantau dalam rapat koordinasi bulanan.')]),
      report(2, [line('K4.1', 'Februari.', 'Revisi DIPA terlambat.', 'Koordinasi dengan KPPN.')]),
      report(3, [line('K4.1', 'Maret.', ' nihil ', '-')]),
      report(4, [line('K4.1', 'April.', 'TIDAK ADA HAMBATAN YANG SIGNIFIKAN!', 'Tidak diperlukan solusi khusus.')]),
      report(5, [line('K4.1', 'Mei.', 'Tidak ada anggaran untuk kegiatan ini.', 'Tidak ada.')]),
    ]);
    expect(notes[0].kendala).toEqual(['Revisi DIPA terlambat.', 'Tidak ada anggaran untuk kegiatan ini.']);
    expect(notes[0].solusi).toEqual(['Pelaksanaan dipantau dalam rapat koordinasi bulanan.', 'Koordinasi dengan KPPN.']);
  });
});
