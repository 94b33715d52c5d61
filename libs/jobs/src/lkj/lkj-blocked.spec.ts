import { lkjBlocked } from './lkj-chain-integrity';

describe('lkjBlocked: why the LKj versions still to be produced wait', () => {
  const alert = { id: 7, kind: 'modified', brokenSequence: 169 };

  it('given no version pending, then nothing is blocked, whatever the alerts', () => {
    expect(lkjBlocked('kpu-kab-jember', 2025, [], [alert])).toBeNull();
  });

  it('given no open chain alert, then nothing is blocked', () => {
    expect(lkjBlocked('kpu-kab-jember', 2025, [4], [])).toBeNull();
  });

  it('given a pending version and an open chain alert, then it is blocked with the refusal\'s code, the alert ids and what to do', () => {
    const blocked = lkjBlocked('kpu-kab-jember', 2025, [4], [alert]);

    expect(blocked).toMatchObject({ code: 'LKJ.INTEGRITY_DAMAGED', alertIds: [7], versions: [4] });
    expect(blocked!.message).toBe(
      'LKj 2025 versi 4 tertahan, belum dibuat: log peristiwa satker kpu-kab-jember gagal pemeriksaan keutuhan rantai integritas ' +
        '(peristiwa diubah pada urutan 169), sehingga angka-angkanya tidak dapat dipercaya. Inspektorat harus memeriksa, memulihkan, ' +
        'dan menutup peringatan integritas #7 (Jejak Audit → Peringatan); setelah itu LKj dibuat otomatis tanpa perlu diminta ulang.',
    );
  });

  it('given several versions and alerts, then it names each, and a damage without a sequence without one', () => {
    const blocked = lkjBlocked('kpu-kab-jember', 2025, [3, 4], [{ id: 2, kind: 'digest_mismatch', brokenSequence: null }, alert]);

    expect(blocked).toMatchObject({ alertIds: [2, 7], versions: [3, 4] });
    expect(blocked!.message).toContain('LKj 2025 versi 3, 4 tertahan');
    expect(blocked!.message).toContain('(peristiwa ditulis ulang (tidak cocok dengan digest bertanda tangan))');
    expect(blocked!.message).toContain('peringatan integritas #2, #7');
  });
});
