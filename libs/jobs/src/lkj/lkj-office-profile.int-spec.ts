import pino from 'pino';
import type { PkIndicator, PkStructure } from '@kinerja/domain';
import { SatkerProfileService, SatkerService, SubbagianService, UserService, type SatkerProfileInput } from '@kinerja/identity';
import { onPath, pdfText, scratchDir } from '@kinerja/reporting/testing/external-tools';
import { createIdentityTestContext, type IdentityTestContext } from '../../../../test/support/identity-test-context';
import { createLkjParts, type LkjParts } from './demo-lkj';
import { YearDriver } from './testing/year-driver.testing';

const YEAR = 2025;
const DINKES = 'dinkes-kab-kupang';
const DINSOS = 'dinsos-kab-kupang';
const JEMBER = 'kpu-kab-jember';
/** Anything of KPU's own wording: none of it may reach another office's report. */
const KPU_WORDS = /Komisi Pemilihan Umum|KPU|Pemilu/i;

const DINKES_PROFILE: SatkerProfileInput = {
  institutionKind: 'LAINNYA',
  institutionName: 'Dinas Kesehatan Kabupaten Kupang',
  headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang',
  signingPlace: 'Oelamasi',
  address: 'Jl. Timor Raya Km. 36, Oelamasi',
  region: 'Kabupaten Kupang, Provinsi Nusa Tenggara Timur',
  tasks: ['Melaksanakan urusan pemerintahan daerah di bidang kesehatan berdasarkan asas otonomi dan tugas pembantuan.'],
  functions: ['Perumusan kebijakan teknis di bidang kesehatan;', 'Pembinaan puskesmas dan jaringannya.'],
  subbagian: [{ code: 'UMPEG', duties: ['Menyusun rencana kebutuhan pegawai dinas.'] }],
  staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: [12, 30] }] },
};

function indicator(code: string, name: string, pic: string): PkIndicator {
  return {
    code, name, unit: 'Dokumen', target: { kind: 'SINGLE', value: '12' }, polarity: 'HIGHER_IS_BETTER', lowerIsBetterFormula: 'INVERSE_DIFFERENCE',
    aggregation: 'SUM', monthlyPlan: null, evidenceRequired: false, picSubbagian: pic, sasaran: 'Meningkatnya tata kelola perangkat daerah',
  };
}

/** A small PK in the office's own words: one indicator per subbagian, 12 a year, one a month. */
function pkOf(subbagian: string[]): PkStructure {
  return {
    programs: [{
      code: 'P1', name: 'Program Penunjang Urusan Pemerintahan Daerah',
      kegiatan: [{ code: 'K1', name: 'Administrasi Umum Perangkat Daerah', pagu: null, indicators: subbagian.map((s, i) => indicator(`K1.${i + 1}`, `Laporan Bulanan ${s}`, s)) }],
    }],
  };
}

/**
 * The LKj reads who the office is from its own records: a Dinas Kesehatan with its profile set
 * prints its institution line, head's title, town, address and tasks, and nothing of KPU; a Dinas
 * without a profile prints neutral text and a blank to sign by hand; a KPU Kabupaten Jember that an
 * administrator created (not seed:demo) prints its own Ketua and subbagian, not the demo's.
 */
describe('the LKj of an office, from its own records', () => {
  let context: IdentityTestContext;
  let parts: LkjParts;
  const files = scratchDir();
  const texts = new Map<string, string>();

  async function officeWithYear(code: string, name: string, parentCode: string, subbagian: Array<[string, string]>, ketua: string | null): Promise<void> {
    const admin = context.rootAdmin;
    await context.module.get(SatkerService).create(admin, { code, name, parentCode });
    for (const [sub, subName] of subbagian) await context.module.get(SubbagianService).create(admin, code, { code: sub, name: subName });
    if (ketua) {
      await context.module.get(UserService).create(admin, code, { username: `ketua.${code}`, fullName: ketua, role: 'KETUA', password: 'tebing-karang-biru-77' });
    }
    const driver = new YearDriver(context.db.dataSource, context.store, code);
    const pk = await driver.approvePk(YEAR, pkOf(subbagian.map(([s]) => s)));
    for (let month = 1; month <= 12; month++) {
      for (const [sub] of subbagian) {
        const [line] = pk.structure.programs[0].kegiatan[0].indicators.filter((i) => i.picSubbagian === sub);
        await driver.approveReport(pk, month, sub, { lines: [{ indicatorCode: line.code, value: '1', narrative: 'Laporan disusun tepat waktu.', kendala: 'Tidak ada', solusi: '-', evidence: [] }], budget: [] });
      }
    }
  }

  beforeAll(async () => {
    context = await createIdentityTestContext();
    parts = createLkjParts(context.db.dataSource, { DATA_DIR: files.path }, context.clock, context.store, pino({ level: 'silent' }));
    const admin = context.rootAdmin;
    await context.module.get(SatkerService).create(admin, { code: 'pemkab-kupang', name: 'Pemerintah Kabupaten Kupang', parentCode: 'kpu-ri', timeZone: 'Asia/Makassar' });
    await officeWithYear(DINKES, 'Dinas Kesehatan Kabupaten Kupang', 'pemkab-kupang', [['UMPEG', 'Subbagian Umum dan Kepegawaian'], ['PROG', 'Subbagian Program dan Keuangan']], 'dr. Maria Yasinta Kono, M.Kes');
    await context.module.get(SatkerProfileService).set(admin, DINKES, DINKES_PROFILE);
    await officeWithYear(DINSOS, 'Dinas Sosial Kabupaten Kupang', 'pemkab-kupang', [['UMUM', 'Subbagian Umum']], null);
    await context.module.get(SatkerProfileService).set(admin, DINSOS, { institutionKind: 'LAINNYA' });
    await context.module.get(SatkerService).create(admin, { code: 'kpu-prov-jatim', name: 'Sekretariat KPU Provinsi Jawa Timur', parentCode: 'kpu-ri' });
    await officeWithYear(JEMBER, 'Sekretariat KPU Kabupaten Jember', 'kpu-prov-jatim', [['TU', 'Subbagian Tata Usaha']], 'Ahmad Fauzi Rahman');
    for (const intent of await parts.processManager.catchUpThroughNow()) {
      const produced = await parts.producer.produce(intent.satker, intent.year, intent.version);
      const pdf = produced.files.find((f) => f.format === 'PDF')!;
      if (onPath('pdftotext')) texts.set(intent.satker, pdfText(parts.files.pathOf(intent.satker, pdf.sha256)).replace(/\s+/g, ' '));
    }
  });
  afterAll(async () => {
    await context?.close();
    files.remove();
  });

  const input = (satker: string) => parts.facts.read(satker, YEAR, { version: 1, draft: false, suggestions: [], producedAt: context.clock.now() });

  it('hands the report a Dinas Kesehatan as its profile describes it', async () => {
    const { office, signing } = await input(DINKES);
    expect(office).toMatchObject({
      kind: 'LAINNYA', institutionName: 'Dinas Kesehatan Kabupaten Kupang', shortName: 'Dinas Kesehatan Kabupaten Kupang',
      headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang', region: 'Kabupaten Kupang, Provinsi Nusa Tenggara Timur',
      address: 'Jl. Timor Raya Km. 36, Oelamasi', ketua: 'dr. Maria Yasinta Kono, M.Kes', tasks: DINKES_PROFILE.tasks, functions: DINKES_PROFILE.functions,
      subbagian: [
        { code: 'UMPEG', name: 'Subbagian Umum dan Kepegawaian', duties: ['Menyusun rencana kebutuhan pegawai dinas.'] },
        { code: 'PROG', name: 'Subbagian Program dan Keuangan', duties: [] },
      ],
      staff: { educationLevels: ['D3', 'S1'], rows: [{ status: 'PNS', counts: { D3: 12, S1: 30 } }] },
    });
    expect(signing.place).toBe('Oelamasi');
    expect(JSON.stringify(office)).not.toMatch(KPU_WORDS);
  });

  (onPath('pdftotext') ? it : it.skip)('prints the Dinas Kesehatan\'s institution line, head, town, address and tasks, and nothing of KPU (pdftotext)', () => {
    const text = texts.get(DINKES)!;
    expect(text).not.toMatch(KPU_WORDS);
    expect(text).toContain('LAPORAN KINERJA Dinas Kesehatan Kabupaten Kupang Tahun 2025');
    expect(text).toContain('Jl. Timor Raya Km. 36, Oelamasi');
    expect(text).toContain('Oelamasi, 2 Februari 2026 KEPALA DINAS KESEHATAN KABUPATEN KUPANG DR. MARIA YASINTA KONO, M.KES');
    expect(text).toContain('Dinas Kesehatan Kabupaten Kupang mempunyai tugas sebagai berikut: a) Melaksanakan urusan pemerintahan daerah di bidang kesehatan');
    expect(text).toContain('menyelenggarakan fungsi sebagai berikut: a) Perumusan kebijakan teknis di bidang kesehatan;');
    expect(text).toContain('didukung oleh 2 (dua) unit kerja, yaitu: a) Subbagian Umum dan Kepegawaian 1. Menyusun rencana kebutuhan pegawai dinas.');
    expect(text).toMatch(/terdapat 42 \(empat puluh dua\) pegawai/);
  });

  (onPath('pdftotext') ? it : it.skip)('prints a Dinas without a profile in neutral words, with a blank for the head to sign and name by hand (pdftotext)', () => {
    const text = texts.get(DINSOS)!;
    expect(text).not.toMatch(KPU_WORDS);
    expect(text).toContain('Uraian tugas dan fungsi Dinas Sosial Kabupaten Kupang belum dicatat.');
    expect(text).toContain('...................., 2 Februari 2026 PIMPINAN DINAS SOSIAL KABUPATEN KUPANG (........................................)');
    expect(text).toContain('Data sumber daya manusia Dinas Sosial Kabupaten Kupang belum dicatat.');
  });

  (onPath('pdftotext') ? it : it.skip)('prints, for a KPU Kabupaten Jember its administrator set up, its own Ketua and subbagian, not the demo\'s (pdftotext)', () => {
    const text = texts.get(JEMBER)!;
    expect(text).toContain('Jember, 2 Februari 2026 KOMISI PEMILIHAN UMUM KABUPATEN JEMBER KETUA AHMAD FAUZI RAHMAN');
    expect(text).toContain('a) Subbagian Tata Usaha');
    expect(text).toContain('Data sumber daya manusia KPU Kabupaten Jember belum dicatat.');
    expect(text).not.toMatch(/DESI ANGGRAENI|Sub\. Bagian Perencanaan|PPNPN/i);
  });

  it('names each report of a Dinas in the Lampiran\'s approval history by its unit, while a KPU office keeps "Sub. Bagian <code>"', async () => {
    const dinkes = (await input(DINKES)).approvals.map((a) => a.action);
    expect(dinkes).toContain('Menyetujui laporan realisasi Januari 2025 (Subbagian Umum dan Kepegawaian)');
    expect(dinkes).toContain('Menyetujui laporan realisasi Desember 2025 (Subbagian Program dan Keuangan)');
    expect(dinkes.filter((a) => a.includes('Sub. Bagian'))).toEqual([]);
    expect((await input(JEMBER)).approvals.map((a) => a.action)).toContain('Menyetujui laporan realisasi Januari 2025 (Sub. Bagian TU)');
  });

  it('hands the report that Jember\'s own people and subbagian, with the KPU text its name gives', async () => {
    const { office } = await input(JEMBER);
    expect(office).toMatchObject({
      ketua: 'Ahmad Fauzi Rahman', institutionName: 'Komisi Pemilihan Umum Kabupaten Jember', subbagian: [{ code: 'TU', name: 'Subbagian Tata Usaha', duties: [] }],
      staff: { rows: [] },
    });
    expect(office.kind).toBeUndefined();
  });
});
