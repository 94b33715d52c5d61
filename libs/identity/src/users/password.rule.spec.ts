import { DomainError } from '@kinerja/domain';
import { assertAcceptablePassword, type PasswordContext } from './password.rule';
import { assertNotLikeCurrent, editDistance } from './password-similarity';

function refusal(password: string, context: PasswordContext = { username: 'kasubbag.pdi', satker: 'kpu-kab-jember' }): string | null {
  try {
    assertAcceptablePassword(password, context);
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('what makes a password acceptable (NIST SP 800-63B §5.1.1.2)', () => {
  it('given eight characters or more that are nobody’s guess, then it is accepted', () => {
    expect(refusal('jeruk-sepeda')).toBeNull();
    expect(refusal('lampu merah berkedip')).toBeNull();
  });

  it('given seven characters, then it is refused as too weak with the minimum stated', () => {
    const error = (() => {
      try {
        assertAcceptablePassword('tujuh77', { username: 'kasubbag.pdi' });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.code).toBe('USER.PASSWORD_TOO_WEAK');
    expect(error?.details).toEqual({ minLength: 8 });
    expect(error?.message).toMatch(/^Kata sandi minimal 8 karakter\./);
  });

  it('counts characters, not bytes: eight accented letters are enough', () => {
    expect(refusal('àéîõüçñø')).toBeNull();
  });

  it.each(['password', 'PASSWORD', 'iloveyou', 'qwerty123', 'p@ssw0rd', 'sunshine'])(
    'given a commonly used or breached password (%s), then it is refused as too common',
    (password) => expect(refusal(password)).toBe('USER.PASSWORD_TOO_COMMON'),
  );

  it.each(['bismillah', 'indonesia', 'Indonesia1945!', 'jember2024', 'kpu12345', 'rahasia123', 'sayangku', 'katasandi', 'pemilu2024'])(
    'given a password common in Indonesia (%s), then it is refused as too common',
    (password) => expect(refusal(password, { username: 'ketua.x' })).toBe('USER.PASSWORD_TOO_COMMON'),
  );

  it('given a common word with only digits or symbols around it, or spelt in l33t, then it is refused as too common', () => {
    expect(refusal('dragon2024!')).toBe('USER.PASSWORD_TOO_COMMON');
    expect(refusal('2024sunshine')).toBe('USER.PASSWORD_TOO_COMMON');
    expect(refusal('p4ssw0rd99')).toBe('USER.PASSWORD_TOO_COMMON');
    expect(refusal('pass-word')).toBe('USER.PASSWORD_TOO_COMMON');
    // "1" read as "l" as well as "i"; "8" as "b".
    expect(refusal('he11o-2024')).toBe('USER.PASSWORD_TOO_COMMON');
    expect(refusal('8aseball!')).toBe('USER.PASSWORD_TOO_COMMON');
  });

  it('given the published demo password, then it is refused as too common', () => {
    expect(refusal('kinerja-demo-2024', { username: 'admin' })).toBe('USER.PASSWORD_TOO_COMMON');
  });

  it.each(['aaaaaaaa', '11111111', '12345678', '87654321', 'abcdefgh', 'hgfedcba', '24682468', 'abcabcabc', 'qwertyui', 'lkjhgfds', 'aaaa1111', 'abcd1234', '7890123456'])(
    'given a repetitive or sequential string (%s), then it is refused as too predictable (or too common)',
    (password) => expect(['USER.PASSWORD_TOO_PREDICTABLE', 'USER.PASSWORD_TOO_COMMON']).toContain(refusal(password)),
  );

  it('given repetitions that no list holds, then it is refused as too predictable', () => {
    expect(refusal('zqzqzqzqzq')).toBe('USER.PASSWORD_TOO_PREDICTABLE');
    expect(refusal('mnopqrstu')).toBe('USER.PASSWORD_TOO_PREDICTABLE');
  });

  it('given the username itself, in any case, then it is refused', () => {
    expect(refusal('Kasubbag.PDI')).toBe('USER.PASSWORD_CONTAINS_USERNAME');
  });

  it('given the username repeated or with a little around it, then it is refused', () => {
    expect(refusal('dup.b.dup.b', { username: 'dup.b' })).toMatch(/^USER\.PASSWORD_(CONTAINS_USERNAME|TOO_PREDICTABLE)$/);
    expect(refusal('dup.b-2024!', { username: 'dup.b' })).toBe('USER.PASSWORD_CONTAINS_USERNAME');
    expect(refusal('kasubbag.pdi-2024')).toBe('USER.PASSWORD_CONTAINS_USERNAME');
  });

  it('names the part of the username it found, so the person knows what to leave out', () => {
    let refused: DomainError | null = null;
    try {
      assertAcceptablePassword('Rahmawati!2025', { username: 'siti.rahmawati', satker: 'kpu-kab-lumajang' });
    } catch (error) {
      refused = error as DomainError;
    }
    expect(refused).toMatchObject({ code: 'USER.PASSWORD_CONTAINS_USERNAME', details: { word: 'rahmawati' } });
    expect(refused?.message).toContain('("rahmawati")');
  });

  it('given the username with a strong password beside it, then it is accepted: the rest is strong on its own', () => {
    expect(refusal('admin-password-for-tests', { username: 'admin' })).toBeNull();
  });

  it('given the username beside a common password, then it is refused for holding the username, saying the rest is common', () => {
    expect(refusal('dup.b-iloveyou', { username: 'dup.b' })).toBe('USER.PASSWORD_CONTAINS_USERNAME');
    expect(refusal('dup.b-iloveyou', { username: 'other.user' })).toBeNull();
  });

  it('given the name of the service or the office with little else, then it is refused and the word named', () => {
    expect(refusal('kinerja2025!')).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
    expect(refusal('kpu-kab-jember-1')).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
    expect(refusal('Jember#Kita1')).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
  });

  it('given the office’s own name, which the common list also holds, then it is refused for naming the office, and the word named', () => {
    expect(refusal('Lumajang2025!', { username: 'sekretaris.lmj', satker: 'kpu-kab-lumajang' })).toBe('USER.PASSWORD_CONTAINS_SERVICE_NAME');
    expect(refusal('Lumajang2025!', { username: 'sekretaris', satker: 'kpu-kab-jember' })).toBe('USER.PASSWORD_TOO_COMMON');
  });

  it('accepts the passwords the test fixtures use', () => {
    expect(refusal('fixture-password-1', { username: 'sekretaris.kpu-kab-x', satker: 'kpu-kab-x' })).toBeNull();
    expect(refusal('admin-password-for-tests', { username: 'admin', satker: 'kpu-ri' })).toBeNull();
  });

  it.each(['17081945', '01012026', '31122026', '19450817', '17-08-1945', '12345678901'])(
    'given only digits, fewer than twelve (%s: a date, a number someone knows), then it is refused as too predictable (or too common)',
    (password) => expect(['USER.PASSWORD_TOO_PREDICTABLE', 'USER.PASSWORD_TOO_COMMON']).toContain(refusal(password)),
  );

  it('given twelve digits or more with no pattern, then the digits rule lets it through', () => {
    expect(refusal('902741385160')).toBeNull();
  });

  it.each(['abcdefgh1', 'abcdefgh12', 'aaaaaaab', 'aaaaaaa1b', 'hgfedcba!2024', 'zqzqzq-77-zqzq'])(
    'given a sequence or repetition with a little added (%s), then it is refused as too predictable',
    (password) => expect(refusal(password)).toBe('USER.PASSWORD_TOO_PREDICTABLE'),
  );

  it.each(['pass1234word', 'sun2024shine', 'dragon-99-dragon'])(
    'given a common password with digits or symbols inside it (%s), then it is refused as too common (or predictable)',
    (password) => expect(['USER.PASSWORD_TOO_COMMON', 'USER.PASSWORD_TOO_PREDICTABLE']).toContain(refusal(password)),
  );

  it.each(['merahputih', 'MerahPutih45', 'indonesiaraya', 'garuda2024', 'pancasila!', 'bhinneka-1'])(
    'given a patriotic word common in Indonesia (%s), then it is refused as too common',
    (password) => expect(refusal(password, { username: 'ketua.x' })).toBe('USER.PASSWORD_TOO_COMMON'),
  );

  it('given the owner’s full name or a word of it with little else, then it is refused and the word named', () => {
    const budi: PasswordContext = { username: 'kasubbag.pdi', fullName: 'Budi Santoso', email: 'budi.santoso@bwi.kpu.go.id' };
    expect(refusal('santoso1980', budi)).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('BudiSantoso!', budi)).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('santoso1980', { username: 'kasubbag.pdi', fullName: 'Dr. Budi Santoso, S.H.' })).toBe('USER.PASSWORD_CONTAINS_NAME');
  });

  it('given the owner’s name or username with letters written as digits or symbols, or split, then it is refused and the word named', () => {
    const eko = { username: 'sekretaris.jbr', fullName: 'Eko Prasetyo', satker: 'kpu-kab-jember' };
    expect(refusal('Pr4s3ty0-2026', eko)).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('pra-setyo!2026', eko)).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('3k0-pr4s3ty0', eko)).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('S3kr3t4r1s-2026', eko)).toBe('USER.PASSWORD_CONTAINS_USERNAME');
    // A short name is not looked for across two words: "make koala" does not hold "eko", nor "made-wine-77" "dewi".
    expect(refusal('make koala', eko)).toBeNull();
    expect(refusal('made-wine-77', { username: 'sek.baru', fullName: 'Dewi Lestari' })).toBeNull();
    expect(refusal('dew1-2026!!', { username: 'sek.baru', fullName: 'Dewi Lestari' })).toBe('USER.PASSWORD_CONTAINS_NAME');
  });

  it('given the local part of the owner’s e-mail address, then it is refused', () => {
    expect(refusal('budi.santoso@bwi', { username: 'kasubbag.pdi', email: 'budi.santoso@bwi.kpu.go.id' })).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('rudy-hartono-7', { username: 'ketua.x', email: 'rudy.hartono@kpu.go.id' })).toBe('USER.PASSWORD_CONTAINS_NAME');
  });

  it.each([
    ['EkoSri12345678', { username: 'eko.sri', fullName: 'Eko Sri' }],
    ['ekosri17081945', { username: 'eko.sri', fullName: 'Eko Sri' }],
    ['Eko.Sri.2026!!', { username: 'eko.sri', fullName: 'Eko Sri' }],
    ['sri12345678', { username: 'eko.sri', fullName: 'Eko Sri' }],
    ['eko.sri1945', { username: 'eko.sri6', fullName: 'Eko Sri' }],
    ['Kas Z 12345678', { username: 'kas.z', fullName: 'Kas Z' }],
    ['Dwi-Ani-31122026', { username: 'sekretaris.bwi', fullName: 'Dwi Ani' }],
  ] as Array<[string, PasswordContext]>)('given short names (three letters, an initial) around a date or a run of digits (%s), then it is refused for holding the name', (password, context) => {
    // Told as the name or the username (`eko.sri` holds both words), never as a leaked password.
    expect(refusal(password, context)).toMatch(/^USER\.PASSWORD_CONTAINS_(NAME|USERNAME)$/);
  });

  it('given a long name with a run of digits or a date beside it, then it is refused for holding the name, not as a leaked password', () => {
    expect(refusal('BudiSantoso12345678', { username: 'kasubbag.pdi', fullName: 'Budi Santoso' })).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('SantosoBudi987654321', { username: 'kasubbag.pdi', fullName: 'Budi Santoso' })).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(refusal('EkoSri12345678', { username: 'kasubbag.pdi', fullName: 'Eko Sri' })).toBe('USER.PASSWORD_CONTAINS_NAME');
  });

  it('given a common word with a word of the owner’s name beside it, then the name is named whichever word of the name it is', () => {
    // "Rahasia-Osing-77" is refused only because "osing" is the owner's: it is the name they must leave out, not a leaked password.
    const error = (() => {
      try {
        assertAcceptablePassword('Rahasia-Osing-77', { username: 'sek.baru', fullName: 'Dewi Lestari Osing' });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.code).toBe('USER.PASSWORD_CONTAINS_NAME');
    expect(error?.details).toEqual({ word: 'osing' });
    expect(error?.message).toMatch(/^Kata sandi memuat nama atau alamat e-mail pemilik akun \("osing"\), dan tanpa nama itu sisanya terlalu umum/);
    expect(refusal('Rahasia-Osing-77', { username: 'sek.baru', fullName: 'Dewi Lestari' })).toBeNull();
    expect(refusal('Rahasia-Dewi-77', { username: 'sek.baru', fullName: 'Dewi Lestari Osing' })).toBe('USER.PASSWORD_CONTAINS_NAME');
    // A word everybody's (the service's) beside a common word stays "too common".
    expect(refusal('rahasia-kpu-77', { username: 'sek.baru', fullName: 'Dewi Lestari' })).toBe('USER.PASSWORD_TOO_COMMON');
  });

  it('given a name with a strong password beside it, or a name of three letters, then it is accepted', () => {
    expect(refusal('santoso-jeruk-sepeda-biru', { username: 'kasubbag.pdi', fullName: 'Budi Santoso' })).toBeNull();
    expect(refusal('ani-meja-kursi', { username: 'kasubbag.pdi', fullName: 'Ani' })).toBeNull();
    expect(refusal('Eko-Sri-jeruk-sepeda-biru', { username: 'eko.sri', fullName: 'Eko Sri' })).toBeNull();
    expect(refusal('z-tulip-orbit-9472', { username: 'kas.z', fullName: 'Kas Z' })).toBeNull();
  });
});

describe('a new password is not the current one in other clothes (one’s own change)', () => {
  function similarity(newPassword: string, currentPassword: string): string | null {
    try {
      assertNotLikeCurrent(newPassword, currentPassword);
      return null;
    } catch (error) {
      return (error as DomainError).code;
    }
  }

  it.each([' Tulip-Orbit-9472', 'Tulip-Orbit-9472 ', 'TULIP-ORBIT-9472', 'tulip orbit 9472', 'TulipOrbit9472', 'Tulip-Orbit-9473', 'Tulip-Orbit-947', 'Tulip-Orbit-9472!!', 'Tulip-Orbit-9472-2025'])(
    'given %j for the current Tulip-Orbit-9472, then it is refused as too similar',
    (newPassword) => expect(similarity(newPassword, 'Tulip-Orbit-9472')).toBe('USER.PASSWORD_TOO_SIMILAR'),
  );

  it('given a password three characters or more apart, then it is accepted', () => {
    expect(similarity('Tulip-Orbit-1234', 'Tulip-Orbit-9472')).toBeNull();
    expect(similarity('sepeda-biru-di-taman', 'meja-kursi-lemari')).toBeNull();
    expect(similarity('Tulip-Orbit-9472-sepeda-biru', 'Tulip-Orbit-9472')).toBeNull();
  });

  it('counts edits by character', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('àb', 'ab')).toBe(1);
  });
});
