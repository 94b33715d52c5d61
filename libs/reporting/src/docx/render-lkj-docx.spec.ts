import { computeKinerja, DEFAULT_RATING_SCALE, type PkVersionInForce } from '@kinerja/domain';
import { JEMBER_2024_PK_IN_FORCE, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { formatPercentId, formatQuantityId } from '../format/format-id';
import { buildLkjModel } from '../model/build-lkj-model';
import { bodyElements, readDocx, tableAfter, textOf } from '../testing/docx-xml';
import { jemberInputWithBudget, jemberReportsWith } from '../testing/jember-variants';
import { renderLkjDocx } from './render-lkj-docx';

describe('renderLkjDocx — the Jember 2024 LKj read back from its XML', () => {
  const model = buildLkjModel(jember2024LkjInput());
  let parts: Awaited<ReturnType<typeof readDocx>>;
  let elements: ReturnType<typeof bodyElements>;

  beforeAll(async () => {
    parts = await readDocx(await renderLkjDocx(model));
    elements = bodyElements(parts.document);
  });

  it('has Tabel 3.2 with one row per indicator equal to the model', () => {
    const table = tableAfter(elements, 'Tabel 3.2');
    expect(table.headerRows).toBe(1);
    expect(table.rows[0]).toEqual(['No', 'Program/Kegiatan/Indikator Kinerja', 'Target', 'Realisasi', 'Capaian', 'Kategori']);
    const indicatorRows = table.rows.filter((r) => /^\d+\.\d+$/.test(r[0]));
    const expected = model.measurement.programs.flatMap((p) =>
      p.kegiatan.flatMap((k) =>
        k.rows.map((r, i) => [
          `${k.no}.${i + 1}`,
          r.indicatorName,
          formatQuantityId(r.targetText, r.unit),
          formatQuantityId(r.realisasi, r.unit),
          formatPercentId(r.capaian),
          r.category,
        ]),
      ),
    );
    expect(indicatorRows).toEqual(expected);
    expect(indicatorRows).toHaveLength(18);
  });

  it('prints the published Jember figures', () => {
    const rows = tableAfter(elements, 'Tabel 3.2').rows;
    expect(rows).toContainEqual(['4.1', 'Layanan Perkantoran', '12 Layanan', '12 Layanan', '100,00%', 'Berhasil']);
    expect(rows).toContainEqual(['3.1', 'Pelayanan Publik kepada masyarakat', '2 Orang', '2 Orang', '100,00%', 'Berhasil']);
    expect(rows).toContainEqual(['6.2', 'Layanan Sarana Internal', '1 unit', '1 unit', '100,00%', 'Berhasil']);
    expect(rows[rows.length - 1]).toEqual(['', 'Rata-rata capaian seluruh indikator', '100,00%', 'Berhasil']);
    expect(rows).toContainEqual(['1', expect.stringMatching(/^Kegiatan Fasilitasi Pengelolaan Data kebutuhan/)]);
  });

  it('sets chapters and sections in Heading styles, so they are in the outline', () => {
    const headings = (style: string) => elements.filter((e) => e.kind === 'paragraph' && e.style === style).map((e) => e.kind === 'paragraph' && e.text);
    expect(headings('Heading1')).toEqual([
      'KATA PENGANTAR',
      'IKHTISAR EKSEKUTIF',
      'DAFTAR ISI',
      'BAB I PENDAHULUAN',
      'BAB II PERENCANAAN KINERJA',
      'BAB III AKUNTABILITAS KINERJA',
      'BAB IV PENUTUP',
      'LAMPIRAN',
    ]);
    expect(headings('Heading2')).toEqual(expect.arrayContaining(['3.1 Pengukuran Capaian Kinerja', '4.1 Kesimpulan', '4.2 Saran']));
    expect(headings('Heading3')).toHaveLength(7);
  });

  it('has a table of contents field, page numbers in the footer and A4 pages', () => {
    // (booleans, so a failure does not print the whole document)
    expect(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/.test(parts.document)).toBe(true);
    expect(parts.footers.some((f) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(f))).toBe(true);
    expect(/<w:pgSz w:w="11906" w:h="16838"/.test(parts.document)).toBe(true);
    expect(/<w:pgNumType w:start="1" w:fmt="lowerRoman"\/>/.test(parts.document)).toBe(true);
    expect(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/.test(parts.document)).toBe(true);
  });

  it('has the other tables: SDM, RKT, PK, rating scale, budget and the annex', () => {
    for (const caption of ['Tabel 1.1', 'Tabel 2.1', 'Tabel 2.2', 'Tabel 3.1', 'Tabel 3.3', 'Tabel L.1', 'Tabel L.2']) {
      expect(tableAfter(elements, caption).rows.length).toBeGreaterThan(1);
    }
    expect(tableAfter(elements, 'Tabel 1.1').rows).toContainEqual(['Jumlah', '2', '8', '2', '12', '0', '24']);
    expect(tableAfter(elements, 'Tabel 3.3').rows[1]).toContain('tidak tersedia');
    expect(tableAfter(elements, 'Tabel L.1').rows).toHaveLength(1 + 50);
    expect(tableAfter(elements, 'Tabel L.2').rows).toContainEqual(['Hash kepala rantai', model.integrity.chainHead!.hash]);
  });

  it('is not marked as a draft when final, and carries a watermark when it is a draft', async () => {
    expect(parts.headers.join('')).not.toContain('DRAF');
    const draft = await readDocx(await renderLkjDocx(buildLkjModel(jember2024LkjInput({ draft: true }))));
    expect(draft.headers.some((h) => /string="DRAF"/.test(h))).toBe(true);
  });
});

describe('renderLkjDocx — what Word shows and keeps together', () => {
  it('names the office as the author and last editor, never "Un-named", with an Indonesian title and subject', async () => {
    const { core } = await readDocx(await renderLkjDocx(buildLkjModel(jember2024LkjInput())));
    expect(core).toContain('<dc:creator>Sekretariat KPU Kabupaten Jember</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Sekretariat KPU Kabupaten Jember</cp:lastModifiedBy>');
    expect(core).toContain('<dc:title>Laporan Kinerja KPU Kabupaten Jember Tahun 2024</dc:title>');
    expect(core).toContain('<dc:subject>Laporan Kinerja (LKj) Tahun 2024, versi 1</dc:subject>');
    expect(core).not.toContain('Un-named');
  });

  it('sets "Pendidikan" over the education columns of Tabel 1.1, the other titles merged down both header rows', async () => {
    const elements = bodyElements((await readDocx(await renderLkjDocx(buildLkjModel(jember2024LkjInput())))).document);
    const table = tableAfter(elements, 'Tabel 1.1');
    expect(table.headerRows).toBe(2);
    expect(table.rows.slice(0, 2)).toEqual([
      ['No', 'Status Pegawai', 'Pendidikan', 'Jumlah SDM'],
      ['', '', 'SMP', 'SLTA', 'Diploma', 'Sarjana', 'Magister', ''],
    ]);
    expect(/<w:gridSpan w:val="5"\/>[\s\S]*?Pendidikan/.test(table.xml)).toBe(true);
    expect(table.xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(3);
  });

  it('keeps the closing "Demikian…" paragraph with the signature below it, and "Rp" with its figure in Tabel 3.3', async () => {
    const input = jemberInputWithBudget({}, { K4: '19662500' });
    const elements = bodyElements((await readDocx(await renderLkjDocx(buildLkjModel(input)))).document);
    const closing = elements.findIndex((e) => e.kind === 'paragraph' && e.text.startsWith('Demikian Laporan Kinerja ini dibuat'));
    const name = elements.findIndex((e, i) => i > closing && e.kind === 'paragraph' && e.text === 'DESI ANGGRAENI, SH.MH');
    expect(closing).toBeGreaterThan(0);
    expect(name).toBeGreaterThan(closing);
    const kept = elements.slice(closing, name).map((e) => e.kind === 'paragraph' && e.xml.includes('<w:keepNext/>'));
    expect(kept).toEqual(kept.map(() => true));
    const jumlah = tableAfter(elements, 'Tabel 3.3').rows.find((r) => r[0] === 'Jumlah')!;
    expect(jumlah).toContain('Rp\u00a0235.950.000');
  });
});

describe('renderLkjDocx with tocPageNumbers', () => {
  it('writes the page of every Daftar Isi entry, front matter in roman numerals', async () => {
    const parts = await readDocx(await renderLkjDocx(buildLkjModel(jember2024LkjInput()), { tocPageNumbers: true }));
    const toc = parts.document.slice(parts.document.indexOf('<w:sdt>'), parts.document.indexOf('</w:sdt>'));
    const entries = [...toc.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0])).filter((t) => t !== '').map((t) => t.split('\t'));
    expect(entries.slice(0, 4)).toEqual([
      ['KATA PENGANTAR', 'i'],
      ['IKHTISAR EKSEKUTIF', 'ii'],
      ['DAFTAR ISI', 'iii'],
      ['BAB I PENDAHULUAN', '1'],
    ]);
    expect(entries).toHaveLength(23);
    for (const [, page] of entries) expect(page).toMatch(/^([ivx]+|\d+)$/);
  }, 60_000);
});

describe('renderLkjDocx for an office whose profile is still thin', () => {
  it('says what is not recorded instead of printing empty tables or broken sentences', async () => {
    const input = jember2024LkjInput();
    const office = { ...input.office, tasks: [], staff: { educationLevels: ['SLTA', 'Sarjana'], rows: [] }, address: 'Jl. Kalimantan No. 35, Jember' };
    const parts = await readDocx(await renderLkjDocx(buildLkjModel({ ...input, office, suggestions: [] })));
    const texts = bodyElements(parts.document).flatMap((e) => (e.kind === 'paragraph' ? [e.text] : []));
    expect(texts).toContain('Data sumber daya manusia KPU Kabupaten Jember belum dicatat.');
    expect(texts).toContain('Uraian tugas Sekretariat KPU Kabupaten Jember belum dicatat.');
    // No saran from the Sekretaris: 4.2 is written from the year's data, never a placeholder.
    expect(texts.join('\n')).not.toMatch(/Belum ada saran/);
    expect(texts).toContain(
      'Berdasarkan hasil pengukuran dan analisis capaian kinerja Tahun 2024 di atas, untuk meningkatkan kinerja KPU Kabupaten Jember di masa yang akan datang disarankan sebagai berikut:',
    );
    expect(texts).toContain('Jl. Kalimantan No. 35, Jember');
    expect(texts).not.toContain('Tabel 1.1');
  });
});

describe('renderLkjDocx with an AVERAGE indicator whose average does not end', () => {
  it('prints the realisasi rounded once (1 + 1 + 2) ÷ 3 = 1,33 Orang, and capaian from the exact 4/3: 66,67%', async () => {
    const structure = structuredClone(JEMBER_2024_PK_IN_FORCE.structure);
    const k31 = structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators)).find((i) => i.code === 'K3.1')!;
    k31.aggregation = 'AVERAGE';
    const pk: PkVersionInForce = { ...JEMBER_2024_PK_IN_FORCE, structure };
    const reports = jemberReportsWith('K3.1', (m) => ({ value: m < 10 ? null : m < 12 ? '1' : '2' }));
    const input = jember2024LkjInput({ pk, kinerja: computeKinerja(pk, reports, { ratingScale: DEFAULT_RATING_SCALE }) }, reports);
    const elements = bodyElements((await readDocx(await renderLkjDocx(buildLkjModel(input)))).document);
    const row = ['2 Orang', '1,33 Orang'];
    expect(tableAfter(elements, 'Tabel 3.2').rows).toContainEqual(['3.1', 'Pelayanan Publik kepada masyarakat', ...row, '66,67%', 'Kurang Berhasil']);
    // …and the same figure in its analysis table of 3.2 (activity, target, realisasi, capaian 2023, 2024, kategori).
    const rows = elements.flatMap((e) => (e.kind === 'table' ? e.rows : []));
    expect(rows).toContainEqual([expect.any(String), ...row, '100,00%', '66,67%', 'Kurang Berhasil']);
    expect(rows.flat().some((cell) => /1,3{3}/.test(cell))).toBe(false);
  });
});
