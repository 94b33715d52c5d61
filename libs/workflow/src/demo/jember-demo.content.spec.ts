import { INDONESIAN_MONTHS as MONTHS, pkFromFixture, type PkStructure } from '@kinerja/domain';
import { collectIndicatorNotes } from '@kinerja/reporting';
import { demoMonthlyContent, demoNarrative, withDemoRencanaAksi } from './jember-demo.content';
import { loadJemberFixture } from './seed-demo';

const SIGNED_2024 = pkFromFixture(loadJemberFixture()).structure;
const SUBBAGIAN = [...new Set(SIGNED_2024.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => i.picSubbagian))))];

/** A year of the demo's reports: every subbagian, every month. */
function year(structure: PkStructure) {
  return SUBBAGIAN.flatMap((subbagian) =>
    MONTHS.map((_, m) => ({ month: m + 1, subbagian, revision: 1, pkVersion: 1, ...demoMonthlyContent(structure, subbagian, m + 1) })),
  );
}

describe('the demo narratives follow the figures of the month and the months before', () => {
  it.each([['2024 as signed', SIGNED_2024], ['a year with a rencana aksi', withDemoRencanaAksi(SIGNED_2024)]])(
    'given %s, then an output already delivered is never "in preparation", and one delivered is said done in its month',
    (_, structure) => {
      const reports = year(structure);
      for (const code of new Set(reports.flatMap((r) => r.lines.map((l) => l.indicatorCode)))) {
        const lines = reports.flatMap((r) => r.lines.filter((l) => l.indicatorCode === code).map((l) => ({ month: r.month, ...l }))).sort((a, b) => a.month - b.month);
        let delivered = 0;
        for (const line of lines) {
          delivered += Number(line.value);
          const says = { code, month: line.month, narrative: line.narrative };
          if (delivered > 0) expect({ ...says, preparing: line.narrative.includes('persiapan') }).toEqual({ ...says, preparing: false });
          else expect({ ...says, preparing: line.narrative.includes('persiapan') }).toEqual({ ...says, preparing: true });
          if (Number(line.value) > 0 && !line.narrative.includes('setiap bulan')) {
            expect(line.narrative).toContain(`diselesaikan pada bulan ${MONTHS[line.month - 1]}`);
          }
          expect(line.narrative).not.toMatch(/^Bulan /);
        }
      }
    },
  );

  it('given the NSPK delivered in January (QA round 7), then December says it was completed in January, not that it is being prepared', () => {
    const december = demoMonthlyContent(SIGNED_2024, 'KUL', 12).lines.find((l) => l.indicatorCode === 'K1.1')!;
    expect(december).toMatchObject({ value: '0', narrative: 'Norma, Standard, Prosedur dan Kriteria telah diselesaikan pada bulan Januari; target 1 NSPK tercapai.' });
    const january = demoMonthlyContent(SIGNED_2024, 'KUL', 1).lines.find((l) => l.indicatorCode === 'K1.1')!;
    expect(january).toMatchObject({
      value: '1',
      narrative: 'Norma, Standard, Prosedur dan Kriteria diselesaikan pada bulan Januari (1 NSPK) dan telah didokumentasikan; target 1 NSPK tercapai.',
    });
  });

  it('given an output due twice, then the months between say how much is reached and when the next is due', () => {
    const schedule = MONTHS.map((_, m) => (m === 5 || m === 11 ? 1 : 0));
    expect([3, 6, 9, 12].map((month) => demoNarrative('Pelayanan Publik kepada masyarakat', 'Orang', schedule, month, true))).toEqual([
      'Pelayanan Publik kepada masyarakat dalam tahap persiapan; keluaran dijadwalkan pada bulan Juni sesuai rencana aksi.',
      'Pelayanan Publik kepada masyarakat diselesaikan pada bulan Juni (1 Orang) dan telah didokumentasikan; 1 dari 2 Orang tercapai.',
      'Pelayanan Publik kepada masyarakat: 1 dari 2 Orang telah tercapai sampai dengan bulan Juni; keluaran berikutnya dijadwalkan pada bulan Desember sesuai rencana aksi.',
      'Pelayanan Publik kepada masyarakat diselesaikan pada bulan Desember (1 Orang) dan telah didokumentasikan; target 2 Orang tercapai.',
    ]);
  });

  it('given a year of reports, then the LKj (which keeps a repeated narrative once) tells each indicator in at most four lines, not twelve', () => {
    const notes = collectIndicatorNotes(year(SIGNED_2024));
    expect(notes).toHaveLength(18);
    for (const n of notes) expect({ code: n.indicatorCode, few: n.narratives.length <= 4 }).toEqual({ code: n.indicatorCode, few: true });
    expect(notes.find((n) => n.indicatorCode === 'K4.1')!.narratives).toEqual([
      'Layanan Perkantoran terlaksana setiap bulan sesuai rencana aksi (1 Layanan per bulan) dan telah didokumentasikan.',
    ]);
  });
});
