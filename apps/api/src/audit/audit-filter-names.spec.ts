import { actorProblem, indicatorProblem, subbagianProblem } from './audit-filter-names';

describe('audit trail filters naming what the offices read never had', () => {
  it('given a subbagian code the office has (or had), then no problem; otherwise the codes it has are listed, at most 30', () => {
    expect(subbagianProblem('KUL', ['KUL', 'PDI'], ['kpu-kab-jember'])).toBeNull();
    expect(subbagianProblem('KEU', [], ['kpu-kab-jember'])?.message).toContain('Belum ada subbagian yang terdaftar');
    const many = Array.from({ length: 31 }, (_, i) => `S${String(i).padStart(2, '0')}`);
    expect(subbagianProblem('KEU', many, ['a', 'b'])?.message).toMatch(/^KEU tidak ada pada satker mana pun yang dibaca \(2 satker\).*S28, S29, …$/);
  });

  it('given a subbagian code only in another case (pdi), then the code it differs from is pointed out, as for an indicator', () => {
    expect(subbagianProblem('pdi', ['KUL', 'PDI'], ['kpu-kab-jember'])).toMatchObject({
      field: 'subbagian', constraint: 'isKnownSubbagian', message: expect.stringMatching(/^pdi \(maksud Anda PDI\? huruf besar dan kecil dibedakan\) tidak ada pada satker kpu-kab-jember/),
    });
    expect(subbagianProblem('xyz', ['KUL', 'PDI'], ['kpu-kab-jember'])?.message).not.toContain('maksud Anda');
  });

  it('given an indicator only in another case, then that near miss is pointed out; the exact code is no problem', () => {
    expect(indicatorProblem('K4.1', ['K4.1'], ['kpu-kab-jember'])).toBeNull();
    expect(indicatorProblem('k4.1', ['K4.1'], ['kpu-kab-jember'])).toMatchObject({ field: 'indicator', constraint: 'isKnownIndicator', message: expect.stringMatching(/^k4\.1 \(maksud Anda K4\.1\?/) });
  });

  it('given an actor unknown or out of sight, then one answer for both, hinting at lower case only when it was not', () => {
    expect(actorProblem('kasubbag.kul', true, ['kpu-kab-jember'])).toBeNull();
    expect(actorProblem('tidak.ada', false, ['kpu-kab-jember'])?.message).not.toContain('huruf kecil');
    expect(actorProblem('Tidak.Ada', false, ['kpu-kab-jember'])?.message).toContain('huruf kecil: tidak.ada?');
  });
});
