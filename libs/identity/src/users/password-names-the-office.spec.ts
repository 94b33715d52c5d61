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
    expect(error?.message).toMatch(/^Kata sandi memuat nama satker atau satker induknya \("sukamaju"\), dan tanpa nama itu sisanya terlalu umum/);
  });

  /** Offices whose code spells the town (`kpu-kab-jember`) as well as their names do. */
  const BONDOWOSO: PasswordContext = { username: 'sekretaris.bdw', satker: 'kpu-kab-bondowoso', officeNames: ['KPU Kabupaten Bondowoso', 'KPU Provinsi Jawa Timur'] };
  const JEMBER: PasswordContext = { username: 'sekretaris.jbr', satker: 'kpu-kab-jember', officeNames: ['KPU Kabupaten Jember', 'KPU Provinsi Jawa Timur'] };

  it.each([
    ['BONDOW0S0-2026', BONDOWOSO, 'bondowoso'],
    ['b0nd0w0s0!2026', BONDOWOSO, 'bondowoso'],
    ['JEMB3R-2026-x', JEMBER, 'jember'],
    ['j3mb3r_2026!x', JEMBER, 'jember'],
    ['J4W4T1MUR.2026', JEMBER, 'jawatimur'],
    ['kpu-k4b-j3mb3r', JEMBER, 'kpu-kab-jember'],
  ] as Array<[string, PasswordContext, string]>)(
    'given the office’s words with letters written as digits or symbols (%s), then it is refused for naming the office, the word named',
    (password, context, word) => {
      const error = refused(password, context);
      expect(error?.code).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
      expect(error?.details).toEqual({ word });
    },
  );

  it('given the office’s town split by separators, then it is refused for naming the office, not as a leaked password', () => {
    // "bondowoso" is also a common password: the office's name is what its owner can act on.
    const error = refused('Bondo-woso-2026', BONDOWOSO);
    expect(error?.code).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
    expect(error?.details).toEqual({ word: 'bondowoso' });
    expect(refused('Jem.Ber 2026!!x', JEMBER)?.details).toEqual({ word: 'jember' });
  });

  it('given the province inside a longer word, then the province is taken out and the rest judged alone', () => {
    // "provinsi" is left, eight letters nobody lists: accepted, as it is without the l33t.
    expect(refused('Provinsijawatimur', BONDOWOSO)).toBeNull();
    expect(refused('Provinsijawat1mur', BONDOWOSO)).toBeNull();
    const error = refused('Prov-jawat1mur-26', BONDOWOSO);
    expect(error?.code).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
    expect(error?.details).toEqual({ word: 'jawatimur' });
  });

  it('given the town with a strong password beside it, or a generic word of the name, then it is accepted', () => {
    expect(refused('sukamaju-jeruk-sepeda-biru')).toBeNull();
    expect(refused('timur-jeruk-sepeda')).toBeNull();
    expect(refused('Sekretariat-Sepeda-Biru')).toBeNull();
    expect(refused('b0nd0w0s0-jeruk-sepeda-biru', { username: 'sekretaris.bdw', satker: 'kpu-kab-bondowoso' })).toBeNull();
  });
});

describe('the words that name an office', () => {
  it('leaves out the words every office has and those under four letters', () => {
    expect(officeNameWords(['Sekretariat KPU Kabupaten Sukamaju'])).toEqual(['sukamaju']);
    expect(officeNameWords(['Sekretariat Jenderal KPU RI', 'Komisi Pemilihan Umum Republik Indonesia'])).toEqual([]);
    expect(officeNameWords(['KPU Kab. Banyuwangi'])).toEqual(['banyuwangi']);
  });

  it('counts a direction only joined to the place it qualifies', () => {
    // Written apart (`jawa-timur`, `Jawa Timur`) it is found by the password rule, which skips separators.
    expect(officeNameWords(['KPU Provinsi Jawa Timur'])).toEqual(['jawa', 'jawatimur']);
    expect(officeNameWords(['KPU Kota Jakarta Selatan'])).toContain('jakartaselatan');
    expect(officeNameWords(['KPU Kota Jakarta Selatan'])).not.toContain('selatan');
  });
});
