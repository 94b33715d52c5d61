import { JEMBER_OFFICE, jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { KABUPATEN_KOTA_FUNCTIONS, KABUPATEN_KOTA_TASKS, officeIdentity } from '../model/office-identity';
import { blocksOf, sectionOf, textsOf } from '../testing/document-blocks';

type Model = ReturnType<typeof buildLkjModel>;

/** The LKj of an office other than Jember, its profile derived as the job derives it. */
function lkjOf(name: string, depth: number | null = null, parentName: string | null = null): Model {
  const id = officeIdentity(name, { depth, parentName });
  return buildLkjModel(jember2024LkjInput({
    office: {
      ...JEMBER_OFFICE,
      code: 'x',
      name,
      level: id.level,
      shortName: id.shortName,
      institutionName: id.institutionName,
      region: id.region,
      tasks: id.tasks,
      functions: id.functions,
    },
    signing: { place: id.place, date: '2026-12-07' },
    producedAt: '2026-12-07T05:00:00Z',
  }));
}
const allText = (model: Model) => blocksOf(model).flatMap((b) =>
  b.kind === 'paragraph' || b.kind === 'title' || b.kind === 'heading' ? [b.text] : b.kind === 'list' ? b.items : b.kind === 'signature' ? b.lines : []);
const signature = (model: Model) => blocksOf(model).find((b) => b.kind === 'signature');

describe('the office is named, tasked and placed for its level', () => {
  it('given Sekretariat Jenderal KPU RI, then its name is kept whole, its duties are national and it signs in Jakarta', () => {
    const model = lkjOf('Sekretariat Jenderal KPU RI', 0);
    const text = allText(model);
    expect(text.filter((t) => /(^|[^t] )Jenderal KPU RI/.test(t) && !/Sekretariat Jenderal KPU RI/.test(t))).toEqual([]);
    expect(text).toContain('Komisi Pemilihan Umum Republik Indonesia');
    expect(text.some((t) => t.includes('Laporan Kinerja Sekretariat Jenderal KPU RI Tahun 2024'))).toBe(true);
    expect(text).toContain('1.4 Struktur Kelembagaan Sekretariat Jenderal KPU RI');
    expect(signature(model)).toMatchObject({ lines: ['Jakarta, 7 Desember 2026', 'KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA', 'KETUA'] });
    const tugas = textsOf(sectionOf(model, 'bab-1-3'));
    expect(tugas.join(' ')).not.toMatch(/tugas KPU Kabupaten\/Kota dalam/);
    expect(tugas).toContain('Membantu pelaksanaan tugas KPU RI dalam menyelenggarakan Pemilu secara nasional;');
    expect(tugas.some((t) => t.startsWith('Selain itu, Sekretariat Jenderal mempunyai'))).toBe(true);
    expect(textsOf(sectionOf(model, 'bab-1-4'))[0]).toMatch(/^Sekretariat Jenderal dipimpin oleh seorang Sekretaris Jenderal yang dibantu oleh 4 \(empat\) unit kerja/);
  });

  it('given the root office under another name, then its depth makes it KPU RI', () => {
    expect(officeIdentity('Komisi Pemilihan Umum', { depth: 0 }).level).toBe('PUSAT');
    expect(officeIdentity('Sekretariat KPU Papua', { depth: 1 }).level).toBe('PROVINSI');
    expect(officeIdentity('Sekretariat KPU Jember', { depth: 2 }).level).toBe('KABUPATEN_KOTA');
  });

  it('given a KPU Provinsi, then its duties are the province\'s and no town is invented: the place is left blank to fill in', () => {
    const model = lkjOf('Sekretariat KPU Provinsi Papua', 1);
    const tugas = textsOf(sectionOf(model, 'bab-1-3'));
    expect(tugas).toContain('Membantu pelaksanaan tugas KPU Provinsi dalam menyelenggarakan Pemilu;');
    expect(tugas.some((t) => /KPU Kabupaten\/Kota dan Sekretariatnya di wilayah provinsi/.test(t))).toBe(true);
    expect(tugas).not.toContain('Membantu pelaksanaan tugas KPU Kabupaten/Kota dalam menyelenggarakan Pemilu;');
    expect(signature(model)).toMatchObject({ lines: ['...................., 7 Desember 2026', 'KOMISI PEMILIHAN UMUM PROVINSI PAPUA', 'KETUA'] });
    expect(allText(model)).toContain('Provinsi Papua');
  });

  it('given a province whose name is its town, then it signs there', () => {
    expect(officeIdentity('Sekretariat KPU Provinsi DKI Jakarta').place).toBe('Jakarta');
    expect(officeIdentity('Sekretariat KPU Provinsi DI Yogyakarta').place).toBe('Yogyakarta');
  });

  it('given a KPU Kabupaten or Kota, then it is named and placed as Jember is, with its province from the parent', () => {
    expect(officeIdentity('Sekretariat KPU Kabupaten Jember', { depth: 2, parentName: 'Sekretariat KPU Provinsi Jawa Timur' })).toEqual({
      level: 'KABUPATEN_KOTA',
      shortName: JEMBER_OFFICE.shortName,
      commission: 'KPU Kabupaten Jember',
      institutionName: JEMBER_OFFICE.institutionName,
      region: JEMBER_OFFICE.region,
      place: 'Jember',
      tasks: JEMBER_OFFICE.tasks,
      functions: JEMBER_OFFICE.functions,
    });
    expect(KABUPATEN_KOTA_TASKS).toEqual(JEMBER_OFFICE.tasks);
    expect(KABUPATEN_KOTA_FUNCTIONS).toEqual(JEMBER_OFFICE.functions);
    const kota = officeIdentity('Sekretariat KPU Kota Surabaya');
    expect([kota.level, kota.shortName, kota.place, kota.region]).toEqual(['KABUPATEN_KOTA', 'KPU Kota Surabaya', 'Surabaya', 'Kota Surabaya']);
    expect(officeIdentity('Sekretariat KPU Kabupaten Kotawaringin Barat').place).toBe('Kotawaringin Barat');
  });
});
