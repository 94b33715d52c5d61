import { AuditTrailState } from './audit-trail.state';
import { indicator, recorded, structure } from './audit-trail.testing';
import { describeEvent } from './describe-event';

const PK = 'pk:kpu-a:2025';
const SEKRETARIS = { id: 'u-sek', role: 'SEKRETARIS' };
const drafted = (s: unknown) => recorded('PkDrafted', { satker: 'kpu-a', year: 2025, version: 1, structure: s, draftedBy: 'u-sek', draftedAt: 'x' }, PK, SEKRETARIS);
const changed = (version: number, s: unknown) => recorded('PkIndicatorsChanged', { version, structure: s, changedBy: 'u-sek', changedAt: 'x' }, PK, SEKRETARIS);

describe('the audit trail in words: a PK draft changed', () => {
  it('given a draft, when only the PIC subbagian of an indicator moves, then that change is listed and counted', () => {
    const state = new AuditTrailState();
    describeEvent(drafted(structure([indicator('K1.1'), indicator('K1.2')])), state);
    const { row, figures } = describeEvent(changed(2, structure([indicator('K1.1', { picSubbagian: 'PDI' }), indicator('K1.2')])), state);
    expect(row.summary).toBe('Mengubah indikator draf PK Perubahan 2025 versi 2: 1 perubahan (PIC subbagian 1 indikator).');
    expect(row.changes).toEqual([{ indicatorCode: 'K1.1', indicatorName: 'Indikator K1.1', field: 'PIC subbagian', before: 'HSDM', after: 'PDI' }]);
    expect(figures).toEqual([]);
  });

  it('given a draft, when every property of an indicator changes, then each appears with its value before and after', () => {
    const state = new AuditTrailState();
    describeEvent(drafted(structure([indicator('K1.1', { sasaran: 'Sasaran lama' })])), state);
    const next = indicator('K1.1', {
      name: 'Layanan baru', unit: 'Laporan', target: { kind: 'RANGE', min: '2', max: '3' }, polarity: 'LOWER_IS_BETTER',
      lowerIsBetterFormula: 'INVERSE_RATIO', aggregation: 'LAST', monthlyPlan: ['3', '3', '3', '3', '3', '3', '3', '3', '3', '3', '3', '3'],
      evidenceRequired: true, picSubbagian: 'PDI', sasaran: null,
    });
    const { row, figures } = describeEvent(changed(1, structure([next])), state);
    expect(row.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['indikator', 'Indikator K1.1', 'Layanan baru'],
      ['satuan', 'Layanan', 'Laporan'],
      ['target', '12', '2–3'],
      ['polaritas', 'makin tinggi makin baik', 'makin rendah makin baik'],
      ['rumus capaian', null, 'T / R × 100'],
      ['agregasi', 'jumlah', 'nilai terakhir'],
      ['rencana aksi', null, '3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3'],
      ['wajib bukti dukung', 'tidak', 'ya'],
      ['PIC subbagian', 'HSDM', 'PDI'],
      ['sasaran', 'Sasaran lama', null],
    ]);
    expect(row.changes.every((c) => c.indicatorCode === 'K1.1' && c.indicatorName === 'Layanan baru')).toBe(true);
    expect(row.summary).toBe('Mengubah indikator draf PK 2025 versi 1: 10 perubahan (nama 1 indikator, satuan 1 indikator, target 1 indikator, '
      + 'polaritas 1 indikator, rumus capaian 1 indikator, agregasi 1 indikator, rencana aksi 1 indikator, wajib bukti dukung 1 indikator, '
      + 'PIC subbagian 1 indikator, sasaran 1 indikator).');
    expect(figures).toEqual([expect.objectContaining({ indicatorCode: 'K1.1', year: 2025, month: 0, field: 'target', before: '12', after: '2–3' })]);
  });

  it('given a draft, when indicators are added and removed, a kegiatan moved, its pagu changed, then each is listed', () => {
    const state = new AuditTrailState();
    describeEvent(drafted(structure([indicator('K1.1'), indicator('K1.2')])), state);
    const k2 = { code: 'K2', name: 'Kegiatan Dua', pagu: null, indicators: [indicator('K1.1')] };
    const next = structure([indicator('K1.3', { target: { kind: 'SINGLE', value: '4' } })], [k2]);
    next.programs[0].kegiatan[0].pagu = '1500000';
    const { row, figures } = describeEvent(changed(1, next), state);
    expect(row.changes.map((c) => [c.indicatorCode, c.field, c.before, c.after])).toEqual([
      ['K1.3', 'indikator', null, 'Indikator K1.3'],
      ['K1.3', 'satuan', null, 'Layanan'],
      ['K1.3', 'target', null, '4'],
      ['K1.3', 'polaritas', null, 'makin tinggi makin baik'],
      ['K1.3', 'agregasi', null, 'jumlah'],
      ['K1.3', 'wajib bukti dukung', null, 'tidak'],
      ['K1.3', 'PIC subbagian', null, 'HSDM'],
      ['K1.3', 'kegiatan', null, 'K1'],
      ['K1.1', 'kegiatan', 'K1', 'K2'],
      ['K1.2', 'indikator', 'Indikator K1.2', null],
      ['K1.2', 'satuan', 'Layanan', null],
      ['K1.2', 'target', '12', null],
      ['K1.2', 'polaritas', 'makin tinggi makin baik', null],
      ['K1.2', 'agregasi', 'jumlah', null],
      ['K1.2', 'wajib bukti dukung', 'tidak', null],
      ['K1.2', 'PIC subbagian', 'HSDM', null],
      ['K1.2', 'kegiatan', 'K1', null],
      [null, 'pagu:K1', '1000000', '1500000'],
      [null, 'kegiatan:K2', null, 'Kegiatan Dua'],
      [null, 'program kegiatan:K2', null, 'P1'],
    ]);
    expect(row.summary).toBe('Mengubah indikator draf PK 2025 versi 1: 5 perubahan (1 indikator ditambah, kegiatan 1 indikator, '
      + '1 indikator dihapus, pagu 1 kegiatan, 1 kegiatan ditambah).');
    expect(figures.map((f) => [f.indicatorCode, f.before, f.after])).toEqual([['K1.3', null, '4'], ['K1.2', '12', null]]);
  });

  it('given a new draft, when an indicator is higher-is-better, then no rumus capaian is listed for it, and one lower-is-better shows its formula', () => {
    const { row } = describeEvent(drafted(structure([
      indicator('K1.1'), indicator('K1.2', { polarity: 'LOWER_IS_BETTER', lowerIsBetterFormula: 'INVERSE_DIFFERENCE', aggregation: 'AVERAGE' }),
    ])), new AuditTrailState());
    const rows = row.changes.filter((c) => ['polaritas', 'rumus capaian', 'agregasi'].includes(c.field)).map((c) => [c.indicatorCode, c.field, c.after]);
    expect(rows).toEqual([
      ['K1.1', 'polaritas', 'makin tinggi makin baik'], ['K1.1', 'agregasi', 'jumlah'],
      ['K1.2', 'polaritas', 'makin rendah makin baik'], ['K1.2', 'rumus capaian', '(2T − R) / T × 100'], ['K1.2', 'agregasi', 'rata-rata'],
    ]);
  });

  it('given a higher-is-better indicator, when only its unused formula changes, then nothing is listed', () => {
    const state = new AuditTrailState();
    describeEvent(drafted(structure([indicator('K1.1')])), state);
    const { row } = describeEvent(changed(1, structure([indicator('K1.1', { lowerIsBetterFormula: 'INVERSE_RATIO' })])), state);
    expect(row).toMatchObject({ summary: 'Mengubah indikator draf PK 2025 versi 1: tidak ada yang berubah.', changes: [] });
  });

  it('given a draft, when the same structure is saved again, then it says nothing changed', () => {
    const state = new AuditTrailState();
    describeEvent(drafted(structure([indicator('K1.1')])), state);
    const { row } = describeEvent(changed(1, structure([indicator('K1.1')])), state);
    expect(row).toMatchObject({ summary: 'Mengubah indikator draf PK 2025 versi 1: tidak ada yang berubah.', changes: [] });
  });

  it('given an approved PK, when a PK Perubahan opens as a copy of it, then it changes nothing yet', () => {
    const state = new AuditTrailState();
    const s = structure([indicator('K1.1')]);
    describeEvent(drafted(s), state);
    const opened = recorded('PkRevisionOpened', { version: 2, basedOnVersion: 1, reason: 'Refocusing anggaran', structure: s, openedBy: 'u-sek', openedAt: 'x' }, PK, SEKRETARIS);
    expect(describeEvent(opened, state).row).toMatchObject({ changes: [], reason: 'Refocusing anggaran' });
  });
});

describe('the audit trail in words: a PK Perubahan is named so at every step (QA7 finding 6)', () => {
  it('given version 2 opened, when it is changed, submitted, returned, submitted again and approved, then each row says "PK Perubahan", as the notices do; version 1 stays "PK"', () => {
    const state = new AuditTrailState();
    const s = structure([indicator('K1.1')]);
    const KETUA = { id: 'u-ketua', role: 'KETUA' };
    const summaries = [
      drafted(s),
      recorded('PkSubmitted', { version: 1, submittedBy: 'u-sek', submittedAt: 'x' }, PK, SEKRETARIS),
      recorded('PkApproved', { version: 1, approvedBy: 'u-ketua', approvedByRole: 'KETUA', approvedAt: 'x', supersedesVersion: null }, PK, KETUA),
      recorded('PkRevisionOpened', { version: 2, basedOnVersion: 1, reason: 'Refocusing', structure: s, openedBy: 'u-sek', openedAt: 'x' }, PK, SEKRETARIS),
      changed(2, structure([indicator('K1.1', { picSubbagian: 'PDI' })])),
      recorded('PkSubmitted', { version: 2, submittedBy: 'u-sek', submittedAt: 'x' }, PK, SEKRETARIS),
      recorded('PkReturned', { version: 2, returnedBy: 'u-ketua', returnedByRole: 'KETUA', reason: 'Perbaiki', returnedAt: 'x' }, PK, KETUA),
      recorded('PkSubmitted', { version: 2, submittedBy: 'u-sek', submittedAt: 'x' }, PK, SEKRETARIS),
      recorded('PkApproved', { version: 2, approvedBy: 'u-ketua', approvedByRole: 'KETUA', approvedAt: 'x', supersedesVersion: 1 }, PK, KETUA),
    ].map((e) => describeEvent(e, state).row.summary);
    expect(summaries).toEqual([
      'Menyusun draf Perjanjian Kinerja 2025 versi 1 (1 indikator).',
      'Mengajukan PK 2025 versi 1 untuk disetujui.',
      'Menyetujui PK 2025 versi 1; PK ini berlaku.',
      'Membuka PK Perubahan 2025 versi 2 berdasarkan versi 1.',
      'Mengubah indikator draf PK Perubahan 2025 versi 2: 1 perubahan (PIC subbagian 1 indikator).',
      'Mengajukan PK Perubahan 2025 versi 2 untuk disetujui.',
      'Mengembalikan PK Perubahan 2025 versi 2 untuk diperbaiki.',
      'Mengajukan PK Perubahan 2025 versi 2 untuk disetujui.',
      'Menyetujui PK Perubahan 2025 versi 2 menggantikan versi 1; PK ini berlaku.',
    ]);
  });
});

describe('the audit trail in words: a PK Perubahan withdrawn', () => {
  const KETUA = { id: 'u-ket', role: 'KETUA' };
  const s = structure([indicator('K1.1')]);
  const opened = recorded('PkRevisionOpened', { version: 2, basedOnVersion: 1, reason: 'Refocusing anggaran', structure: s, openedBy: 'u-sek', openedAt: 'x' }, PK, SEKRETARIS);
  const submitted = (version: number) => recorded('PkSubmitted', { version, submittedBy: 'u-sek', submittedAt: 'x' }, PK, SEKRETARIS);
  const returned = (version: number) => recorded('PkReturned', { version, returnedBy: 'u-ket', returnedByRole: 'KETUA', reason: 'Tidak perlu diubah', returnedAt: 'x' }, PK, KETUA);
  const withdrawn = (version: number) => recorded('PkRevisionWithdrawn', {
    version, inForceVersion: 1, inForceStructure: s, reason: 'Dibuka keliru', withdrawnBy: 'u-sek', withdrawnAt: 'x',
  }, PK, SEKRETARIS);

  it('given a PK Perubahan never submitted, when withdrawn, then it says it was dropped before its submission', () => {
    const state = new AuditTrailState();
    for (const e of [drafted(s), opened]) describeEvent(e, state);
    expect(describeEvent(withdrawn(2), state).row.summary).toBe('Membatalkan PK Perubahan 2025 versi 2 sebelum diajukan; versi 1 tetap berlaku.');
  });

  it('given a PK Perubahan submitted and returned by the Ketua, when withdrawn, then it says it was withdrawn after its return, not before its submission', () => {
    const state = new AuditTrailState();
    for (const e of [drafted(s), opened, submitted(2), returned(2)]) describeEvent(e, state);
    expect(describeEvent(withdrawn(2), state).row.summary).toBe('Membatalkan PK Perubahan 2025 versi 2 setelah dikembalikan; versi 1 tetap berlaku.');
  });

  it('given version 1 returned once and a later PK Perubahan never submitted, when that one is withdrawn, then it was dropped before its submission', () => {
    const state = new AuditTrailState();
    for (const e of [drafted(s), submitted(1), returned(1), submitted(1), opened]) describeEvent(e, state);
    expect(describeEvent(withdrawn(2), state).row.summary).toContain('versi 2 sebelum diajukan');
  });
});
