import { hasObligations, type YearObligation } from './subbagian-obligations';

describe('SUBBAGIAN.HAS_OBLIGATIONS in words', () => {
  const obligation = (o: Partial<YearObligation>): YearObligation => ({ year: 2026, owedReports: [], indicators: ['K1.1'], pendingPkVersion: null, ...o });

  it('given a subbagian PIC in a PK Perubahan being drafted, then the message says the PK Perubahan may be withdrawn if it was opened by mistake', () => {
    const error = hasObligations('kpu-x', 'TPH', [obligation({ pendingPkVersion: 3 })]);
    expect(error.code).toBe('SUBBAGIAN.HAS_OBLIGATIONS');
    expect(error.message).toBe(
      'Subbagian "TPH" tidak dapat dinonaktifkan karena masih memiliki kewajiban SAKIP — 2026: PIC indikator K1.1 pada PK versi 3 yang sedang disusun. ' +
        'Ubah PIC indikator tersebut pada draf PK sebelum menonaktifkan subbagian ini. Bila PK Perubahan 2026 versi 3 dibuka karena keliru, ' +
        'Sekretaris dapat membatalkannya (bila sudah diajukan, setelah Ketua mengembalikannya); PK yang berlaku tetap berlaku.',
    );
  });

  it('given a subbagian PIC in a first PK being drafted, or owing only reports, then no withdrawal is offered: a first version is only finished', () => {
    expect(hasObligations('kpu-x', 'TPH', [obligation({ pendingPkVersion: 1 })]).message).not.toContain('membatalkan');
    expect(hasObligations('kpu-x', 'TPH', [obligation({ owedReports: [{ month: 3, state: 'DRAFT', overdue: false }] })]).message).not.toContain('membatalkan');
  });
});
