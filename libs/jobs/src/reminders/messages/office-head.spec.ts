import { officeHead, roleWord, runningTitle } from './office-head';

/** What notices call the head of an office: KPU's "Ketua", or another office's own title, never KPU's word for it. */
describe('the word notices use for the head of the office', () => {
  it('given a KPU office (no profile, a profile without a kind, or of kind KPU, whatever title it records), then "Ketua", as always', () => {
    expect(officeHead(null)).toBe('Ketua');
    expect(officeHead(undefined)).toBe('Ketua');
    expect(officeHead({ institutionKind: null, headTitle: null })).toBe('Ketua');
    expect(officeHead({ institutionKind: 'KPU', headTitle: 'Ketua KPU Kabupaten Jember' })).toBe('Ketua');
  });

  it('given an office of another kind with its head\'s title recorded, then that title, as running text reads it', () => {
    expect(officeHead({ institutionKind: 'LAINNYA', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' })).toBe('Kepala Dinas Kesehatan Kabupaten Kupang');
    expect(officeHead({ institutionKind: 'LAINNYA', headTitle: '  Kepala  Dinas Sosial ' })).toBe('Kepala Dinas Sosial');
    expect(officeHead({ institutionKind: 'LAINNYA', headTitle: 'KEPALA DINAS KESEHATAN KABUPATEN KUPANG' })).toBe('Kepala Dinas Kesehatan Kabupaten Kupang');
  });

  it('given an office of another kind without a title (or a blank one), then the neutral "Pimpinan", never "Ketua"', () => {
    expect(officeHead({ institutionKind: 'LAINNYA', headTitle: null })).toBe('Pimpinan');
    expect(officeHead({ institutionKind: 'LAINNYA' })).toBe('Pimpinan');
    expect(officeHead({ institutionKind: 'LAINNYA', headTitle: '   ' })).toBe('Pimpinan');
  });

  it.each([
    ['KEPALA DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK KOTA KUPANG', 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Kupang'],
    ['KEPALA UPTD PUSKESMAS OELAMASI', 'Kepala UPTD Puskesmas Oelamasi'],
    ['KEPALA PELAKSANA BPBD KABUPATEN KUPANG', 'Kepala Pelaksana BPBD Kabupaten Kupang'],
    ['DIREKTUR RSUD PROF. DR. W. Z. JOHANNES', 'Direktur RSUD Prof. Dr. W. Z. Johannes'],
    ['KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG', 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang'],
    ['KEPALA BAGIAN UMUM SETDA KABUPATEN KUPANG II', 'Kepala Bagian Umum SETDA Kabupaten Kupang II'],
    ['Kepala Dinas Kesehatan', 'Kepala Dinas Kesehatan'],
    ['Kepala UPTD RSUD dr. Ben Mboi', 'Kepala UPTD RSUD dr. Ben Mboi'],
  ])('a title recorded as %p reads %p in running text (one in capitals, as the signature prints it, is capitalised word by word)', (title, running) => {
    expect(runningTitle(title)).toBe(running);
  });

  it('names the KETUA role by the head, the other roles by their own words', () => {
    const words = { KETUA: 'Ketua', SEKRETARIS: 'Sekretaris' };
    expect(roleWord('KETUA', words)).toBe('Ketua');
    expect(roleWord('KETUA', words, 'Kepala Dinas Kesehatan Kabupaten Kupang')).toBe('Kepala Dinas Kesehatan Kabupaten Kupang');
    expect(roleWord('SEKRETARIS', words, 'Kepala Dinas Kesehatan Kabupaten Kupang')).toBe('Sekretaris');
    expect(roleWord('ADMIN', words, 'Pimpinan')).toBe('ADMIN');
  });
});
