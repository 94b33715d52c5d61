import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy, SUBBAGIAN } from './workflow/jember-office.fixture';

/**
 * Tabel 3.2 "Pengukuran Kinerja" of the Laporan Kinerja 2024 of Sekretariat KPU Kabupaten Jember,
 * transcribed by hand from the reference report: program, kegiatan (numbered 1–7 there, K1–K7 here),
 * indicator name, target and realisasi with their unit, capaian 100% for each of the 18 indicators.
 */
const P1 = 'Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi';
const P2 = 'Program Dukungan Manajemen';
const K = {
  K1: 'Kegiatan Fasilitasi Pengelolaan Data kebutuhan, pengadaan, pendistribusian, serta pemeliharaan dan inventarisasi logistik Pemilu/Pemilihan',
  K2: 'Penyiapan Penyusunan Rancangan Peraturan KPU, Advokasi, Penyelesaian Sengketa dan Penyuluhan Peraturan Perundang-Undangan yang Berkaitan Dengan Penyelenggaraan Pemilu',
  K3: 'Fasilitasi Pelaksanaan Tahapan Pemilu Legislatif, Pemilu Presiden dan Wakil Presiden, Pemilukada, Publikasi dan Sosialisasi serta partisipasi Masyarakat dan PAW',
  K4: 'Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan di Lingkungan Setjen KPU',
  K5: 'Pelaksanaan Manajemen Perencanaan dan Data',
  K6: 'Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU) serta Dukungan Sarana Prasarana',
  K7: 'Pemeriksaan di Lingkungan Setjen KPU, Sekretariat KPU Provinsi, dan Sekretariat KPU Kabupaten/Kota',
};
// [program, kegiatan, code, indicator, target, unit, realisasi, capaian]
const TABEL_3_2: Array<[string, keyof typeof K, string, string, string, string, string, string]> = [
  [P1, 'K1', 'K1.1', 'Norma, Standard, Prosedur dan Kriteria', '1', 'NSPK', '1', '100'],
  [P1, 'K1', 'K1.2', 'Layanan Perencanaan dan Penganggaran Internal', '1', 'Layanan', '1', '100'],
  [P1, 'K1', 'K1.3', 'Layanan Monitoring dan Evaluasi Internal', '1', 'Laporan', '1', '100'],
  [P1, 'K2', 'K2.1', 'Pelayanan Publik Lainnya', '1', 'Layanan', '1', '100'],
  [P1, 'K2', 'K2.2', 'Data dan Informasi Publik', '1', 'Layanan', '1', '100'],
  [P1, 'K3', 'K3.1', 'Pelayanan Publik kepada masyarakat', '2', 'Orang', '2', '100'],
  [P1, 'K3', 'K3.2', 'Pelayanan Publik Lainnya', '1', 'Layanan', '1', '100'],
  [P1, 'K3', 'K3.3', 'Data dan Informasi Publik', '1', 'Layanan', '1', '100'],
  [P1, 'K3', 'K3.4', 'Layanan Monitoring dan Evaluasi Internal', '1', 'Laporan', '1', '100'],
  [P2, 'K4', 'K4.1', 'Layanan Perkantoran', '12', 'Layanan', '12', '100'],
  [P2, 'K4', 'K4.2', 'Layanan Pengawasan Internal', '1', 'Laporan', '1', '100'],
  [P2, 'K4', 'K4.3', 'Layanan Monitoring dan Evaluasi Internal', '1', 'Laporan', '1', '100'],
  [P2, 'K5', 'K5.1', 'Layanan Data dan Informasi', '12', 'Layanan', '12', '100'],
  [P2, 'K5', 'K5.2', 'Layanan Monitoring dan Evaluasi Internal', '1', 'Laporan', '1', '100'],
  [P2, 'K5', 'K5.3', 'Perencanaan dan Penganggaran', '1', 'Layanan', '1', '100'],
  [P2, 'K6', 'K6.1', 'Layanan Perkantoran', '12', 'Layanan', '12', '100'],
  [P2, 'K6', 'K6.2', 'Layanan Sarana Internal', '1', 'unit', '1', '100'],
  [P2, 'K7', 'K7.1', 'Layanan Monitoring dan Evaluasi Internal', '1', 'Laporan', '1', '100'],
];

/** What a subbagian achieved in a month: monthly services once a month, one-off outputs in the month they were delivered. */
function monthlyValue(target: string, indexInOffice: number, month: number): string {
  if (target === '12') return '1';
  if (target === '2') return month === 6 || month === 12 ? '1' : '0';
  return month === (indexInOffice % 12) + 1 ? '1' : '0';
}

function contentFor(subbagian: string, month: number, override: Record<string, string> = {}) {
  const { indicators, kegiatan } = ownedBy(subbagian);
  const order = TABEL_3_2.map((row) => row[2]);
  return {
    lines: indicators.map((i) => ({
      indicatorCode: i.code,
      value: override[i.code] ?? monthlyValue(i.target.kind === 'SINGLE' ? i.target.value : i.target.max, order.indexOf(i.code), month),
      narrative: `Pelaksanaan ${i.name} bulan ${month} sesuai rencana aksi.`,
      kendala: 'Tidak ada kendala berarti.',
      solusi: '-',
      evidence: [],
    })),
    budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '1500000.50' })),
  };
}

describe('KPU Kabupaten Jember 2024 through HTTP reproduces Tabel 3.2 of its Laporan Kinerja', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (month: number, subbagian: string) => `/api/v1/satker/${JEMBER}/realisasi/2024/${month}/${subbagian}`;

  beforeAll(async () => {
    t = await createTestApp();
    tokens = await createJemberOffice(t);
  });

  afterAll(() => t?.close());

  it('drafts, submits and approves the 2024 PK', async () => {
    const approved = await approveJemberPk(t, tokens, 2024);
    expect(approved.body.inForce).toMatchObject({ version: 1, status: 'APPROVED' });
    expect(approved.headers.etag).toBe('"3"');
    const pk = await t.http.get(`/api/v1/satker/${JEMBER}/pk/2024`).set(as(tokens.inspektorat));
    expect(pk.status).toBe(200);
    expect(pk.body.inForce.structure.programs.flatMap((p: { kegiatan: { indicators: unknown[] }[] }) => p.kegiatan.flatMap((k) => k.indicators))).toHaveLength(18);
  });

  it('has twelve months submitted by the four Kasubbag and approved by the Sekretaris, one returned and fixed on the way', async () => {
    for (let month = 1; month <= 12; month++) {
      for (const subbagian of SUBBAGIAN) {
        const faulty = month === 3 && subbagian === 'KUL';
        const content = contentFor(subbagian, month, faulty ? { 'K4.1': '0' } : {});
        const submitted = await t.http.post(`${report(month, subbagian)}/submit`).set(as(tokens.kasubbag[subbagian])).send(content);
        expect({ status: submitted.status, body: submitted.body.status }).toEqual({ status: 200, body: 'SUBMITTED' });
        if (faulty) {
          const returned = await t.http.post(`${report(month, subbagian)}/return`).set(as(tokens.sekretaris))
            .send({ reason: 'Realisasi Layanan Perkantoran bulan Maret tertulis 0, padahal gaji dan operasional kantor dibayarkan; mohon diperbaiki.' });
          expect(returned.body).toMatchObject({ status: 'RETURNED', lastReturn: { reason: expect.stringContaining('Maret') } });
          const fixed = await t.http.post(`${report(month, subbagian)}/submit`).set(as(tokens.kasubbag[subbagian])).send(contentFor(subbagian, month));
          expect(fixed.body.status).toBe('SUBMITTED');
        }
        const approved = await t.http.post(`${report(month, subbagian)}/approve`).set(as(tokens.sekretaris)).send({});
        expect({ status: approved.status, body: approved.body.status }).toEqual({ status: 200, body: 'APPROVED' });
      }
    }
    const list = await t.http.get(`/api/v1/satker/${JEMBER}/realisasi/2024`).set(as(tokens.ketua));
    const statuses = list.body.months.flatMap((m: { reports: { status: string }[] }) => m.reports.map((r) => r.status));
    expect(statuses).toHaveLength(48);
    expect(new Set(statuses)).toEqual(new Set(['APPROVED']));
  });

  it('tells the returned report\'s history in words, with the value before and after', async () => {
    const history = await t.http.get(`${report(3, 'KUL')}/history`).set(as(tokens.inspektorat));
    expect(history.status).toBe(200);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiReturned', 'RealisasiDraftSaved', 'RealisasiSubmitted', 'RealisasiApproved',
    ]);
    const fix = history.body.entries[3];
    expect(fix.valueChanges).toEqual([{ indicatorCode: 'K4.1', before: '0', after: '1' }]);
    expect(fix.by).toMatchObject({ username: 'kasubbag.kul', role: 'KASUBBAG' });
    expect(history.body.entries[2]).toMatchObject({ description: 'Laporan dikembalikan untuk diperbaiki', by: { username: 'sekretaris' } });
  });

  it('answers kinerja/2024 with Tabel 3.2 exactly: 18 indicators, targets, realisasi, 100.00 and Berhasil', async () => {
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024`).set(as(tokens.ketua));
    expect(response.status).toBe(200);
    const table = response.body;
    const rows = table.programs.flatMap((p: any) => p.kegiatan.flatMap((k: any) => k.indicators.map((i: any) => [
      p.name, k.code, i.code, i.name, i.targetText, i.unit, i.realisasi, i.capaian, i.category, k.name,
    ])));
    expect(rows).toEqual(TABEL_3_2.map(([program, kegiatan, code, name, target, unit, realisasi]) => [
      program, kegiatan, code, name, target, unit, realisasi, '100.00', 'Berhasil', K[kegiatan],
    ]));
    expect(Object.keys(table)).toEqual(['satker', 'year', 'pkVersion', 'month', 'ratingScaleVersion', 'programs', 'office', 'integrity']);
    expect(table.integrity).toEqual({ status: 'OK', message: null, alerts: [] });
    expect(table.office).toMatchObject({ capaianAverage: '100.00', category: 'Berhasil', measuredCount: 18, indicatorCount: 18 });
    expect(table.programs.map((p: any) => p.capaianAverage)).toEqual(['100.00', '100.00']);
  });

  it('documents kinerja/{year} in the OpenAPI document, with an example of the response', async () => {
    const document = (await t.http.get('/api/docs-json')).body;
    const operation = document.paths['/api/v1/satker/{satker}/kinerja/{year}'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['satker', 'year', 'month']));
    const example = operation.responses['200'].content['application/json'].schema.example;
    expect(Object.keys(example)).toEqual(['satker', 'year', 'pkVersion', 'month', 'ratingScaleVersion', 'programs', 'office', 'integrity']);
    // The precision of realisasi and targetApplied is part of the contract.
    expect(operation.description).toContain('dibulatkan sekali, setengah ke atas, ke P desimal ("1.33")');
  });

  it('answers "to date" through June against the monthly plan', async () => {
    const response = await t.http.get(`/api/v1/satker/${JEMBER}/kinerja/2024?month=6`).set(as(tokens.sekretaris));
    expect(response.status).toBe(200);
    const k41 = response.body.programs[1].kegiatan[0].indicators[0];
    expect(k41).toMatchObject({ code: 'K4.1', realisasi: '6', targetApplied: { kind: 'SINGLE', value: '6' }, capaian: '100.00' });
  });
});
