import { DomainError } from '@kinerja/domain';
import { officeNameWords } from './office-name-words';
import { assertAcceptablePassword, type PasswordContext } from './password.rule';

/** An office whose code does not spell its town: only its name says "Sukamaju". */
const SUKAMAJU: PasswordContext = {
  username: 'budi.s',
  fullName: 'Budi Santoso',
  satker: 'kpu-3599',
  officeNames: ['Sekretariat KPU Kabupaten Sukamaju', 'KPU Provinsi Jawa Timur'],
};

function refused(password: string, context: PasswordContext = SUKAMAJU): DomainError | null {
  try {
    assertAcceptablePassword(password, context);
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('a password that names the office or the office above it', () => {
  it('given the town of the office with a year, then it is refused for naming the office, the word named', () => {
    const error = refused('Sukamaju2026!!');
    expect(error?.code).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
    expect(error?.details).toEqual({ word: 'sukamaju' });
    expect(error?.message).toContain('("sukamaju")');
    // Without the office's name it is nobody's guess: the name is what refuses it.
    expect(refused('Sukamaju2026!!', { username: 'budi.s', satker: 'kpu-3599' })).toBeNull();
  });

  it.each(['JawaTimur-2026', 'jawa-timur-2026!', 'Jawa Timur 1945'])(
    'given the province above, written as one word or two (%s), then it is refused for naming it, not as merely common',
    (password) => expect(refused(password)?.code).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME'),
  );

  it('given the office’s town beside a common word, then the town is named and the rest said to be guessable', () => {
    const error = refused('rahasia-sukamaju-7');
    expect(error?.code).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
    expect(error?.message).toMatch(/^Kata sandi memuat nama satker \("sukamaju"\), dan tanpa nama itu sisanya terlalu umum/);
  });

  it('given the town with a strong password beside it, or a generic word of the name, then it is accepted', () => {
    expect(refused('sukamaju-jeruk-sepeda-biru')).toBeNull();
    expect(refused('timur-jeruk-sepeda')).toBeNull();
    expect(refused('Sekretariat-Sepeda-Biru')).toBeNull();
  });
});

describe('the words that name an office', () => {
  it('leaves out the words every office has and those under four letters', () => {
    expect(officeNameWords(['Sekretariat KPU Kabupaten Sukamaju'])).toEqual(['sukamaju']);
    expect(officeNameWords(['Sekretariat Jenderal KPU RI', 'Komisi Pemilihan Umum Republik Indonesia'])).toEqual([]);
    expect(officeNameWords(['KPU Kab. Banyuwangi'])).toEqual(['banyuwangi']);
  });

  it('counts a direction only joined to the place it qualifies, however the two are joined', () => {
    expect(officeNameWords(['KPU Provinsi Jawa Timur'])).toEqual(['jawa', 'jawatimur', 'jawa timur', 'jawa-timur', 'jawa_timur', 'jawa.timur']);
    expect(officeNameWords(['KPU Kota Jakarta Selatan'])).toContain('jakartaselatan');
    expect(officeNameWords(['KPU Kota Jakarta Selatan'])).not.toContain('selatan');
  });
});
