import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { collectIndicatorNotes, saysNone } from '../model/collect-indicator-notes';
import { jemberReportsWith } from '../testing/jember-variants';

/** The Jember year with one more indicator's line changed (tests only). */
function twoChanged(
  a: [string, Parameters<typeof jemberReportsWith>[1]],
  b: [string, Parameters<typeof jemberReportsWith>[1]],
) {
  const first = jemberReportsWith(...a);
  const second = new Map(jemberReportsWith(...b).map((r) => [`${r.month}/${r.subbagian}`, r]));
  return first.map((r) => ({ ...r, lines: r.lines.map((l) => (l.indicatorCode === b[0] ? second.get(`${r.month}/${r.subbagian}`)!.lines.find((x) => x.indicatorCode === b[0])! : l)) }));
}

describe('the Ikhtisar and Kesimpulan count shortfalls as Tabel 3.1 does', () => {
  // K4.1 (12 Layanan): 11 reported → 91,67% Berhasil; K4.2 (reported in the months after July) not reported → not measured.
  const reports = twoChanged(
    ['K4.1', (month) => (month === 12 ? { value: null } : undefined)],
    ['K4.2', (month) => (month >= 8 ? { value: null } : undefined)],
  );
  const model = buildLkjModel(jember2024LkjInput({ suggestions: [] }, reports));
  const rows = model.measurement.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.rows));

  it('given one indicator at 91,67% (Berhasil) and one not measured, then neither is said not to have reached the target: the second is said not measurable (a final: "tidak")', () => {
    expect(rows.find((r) => r.indicatorCode === 'K4.1')).toMatchObject({ capaian: '91.67', category: 'Berhasil' });
    expect(model.analyses.flatMap((k) => k.items).find((i) => i.indicatorCode === 'K4.2')).toMatchObject({ capaian: null, note: 'NOT_REPORTED' });
    expect(model.conclusions.find((c) => c.startsWith('Indikator yang belum mencapai target'))).toBeUndefined();
    expect(model.conclusions).toContain('Dari 18 (delapan belas) indikator kinerja, 17 (tujuh belas) indikator berkategori Berhasil dan 1 (satu) indikator tidak dapat diukur.');
    expect(model.conclusions).toContain('Seluruh indikator kinerja yang telah dapat diukur telah mencapai target menurut skala penilaian pada Tabel 3.1.');
    expect(model.conclusions).toContain('Sebanyak 1 (satu) indikator tidak dapat diukur karena realisasinya tidak dilaporkan, yaitu Layanan Pengawasan Internal.');
    // Two indicators of the PK are named "Layanan Perkantoran": the one meant is told by its code.
    expect(model.conclusions).toContain(
      'Sebanyak 1 (satu) indikator memperoleh capaian di bawah 100% namun masih berkategori Berhasil, sehingga menurut Tabel 3.1 telah mencapai ' +
        'target, yaitu K4.1 Layanan Perkantoran (capaian 91,67%, Berhasil).',
    );
  });

  it('given a Kasubbag who wrote "Tidak ada" or "-" as kendala, then no kendala is said, not "not recorded", in 4.1 and 4.2', () => {
    // K4.1 reported January–July only (58,33% Kurang Berhasil), its kendala "Tidak ada" then "-".
    const none = buildLkjModel(jember2024LkjInput({ suggestions: [] }, jemberReportsWith('K4.1', (month) =>
      month >= 8 ? { value: null, kendala: month === 8 ? 'Tidak ada' : '-' } : undefined)));
    const short = none.conclusions.find((c) => c.startsWith('Indikator yang belum mencapai target'))!;
    expect(short).toBe('Indikator yang belum mencapai target sebanyak 1 (satu), yaitu K4.1 Layanan Perkantoran ' +
      '(capaian 58,33%, Kurang Berhasil; Kepala Subbagian menyatakan tidak ada kendala).');
    const saran = none.suggestions.find((s) => s.startsWith('Meningkatkan capaian indikator 4.1'))!;
    expect(saran).toContain('Kepala Subbagian penanggung jawab menyatakan tidak ada kendala');
    expect(saran).not.toContain('tidak dicatat');
  });

  it('given every indicator in the target categories but one under 100%, then all are said to have reached the target, the one named apart', () => {
    const only = buildLkjModel(jember2024LkjInput({}, jemberReportsWith('K4.1', (month) => (month === 12 ? { value: null } : undefined))));
    expect(only.conclusions).toContain('Seluruh indikator kinerja telah mencapai target menurut skala penilaian pada Tabel 3.1 (kategori Sangat Berhasil atau Berhasil).');
    expect(only.conclusions.join(' ')).not.toContain('belum mencapai target');
  });
});

describe('one rule for "no kendala"', () => {
  it.each(['Tidak ada', 'tidak ada', '-', 'Nihil', 'Tidak ada kendala', 'Tidak ada kendala berarti.', ' nihil. '])('"%s" says there was none', (text) => {
    expect(saysNone(text)).toBe(true);
  });

  it('keeps a real kendala, and marks an indicator whose reports said none', () => {
    expect(saysNone('Tidak ada anggaran')).toBe(false);
    const reports = jemberReportsWith('K4.1', (month) => (month === 3 ? { value: '1', kendala: 'Nihil' } : undefined));
    const k41 = collectIndicatorNotes(reports).find((n) => n.indicatorCode === 'K4.1')!;
    expect(k41.kendala).not.toContain('Nihil');
    expect(k41.kendalaNoneSaid).toBe(true);
  });
});
