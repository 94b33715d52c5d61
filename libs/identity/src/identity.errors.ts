import { DomainError, echoedInput, ROLE_LABELS } from '@kinerja/domain';
import { PASSWORD_MIN_LENGTH } from './identity.types';

// Refusals of the identity part, in one place so that codes stay stable and messages consistent.
// Another office's resources answer "not found", exactly like missing ones: existence never leaks.

/** The first few codes of a list, for a message ("a, b, c dan 4 lainnya"). */
function listed(codes: readonly string[], shown = 5): string {
  const head = codes.slice(0, shown).map((c) => `"${c}"`).join(', ');
  return codes.length > shown ? `${head} dan ${codes.length - shown} lainnya` : head;
}

export const identityErrors = {
  satkerNotFound: (code: string) =>
    // The code comes from the path (`/satker/%00`): repeated without control characters, bounded.
    new DomainError('SATKER.NOT_FOUND', `Satker "${echoedInput(code)}" tidak ditemukan.`, 'not_found', { satker: echoedInput(code) }),
  satkerExists: (code: string) =>
    new DomainError('SATKER.ALREADY_EXISTS', `Satker dengan kode "${code}" sudah ada.`, 'conflict', { satker: code }),
  /** Two offices never share a name: every list across offices names an office by it. */
  satkerNameTaken: (name: string, holder: { code: string; active: boolean }) =>
    new DomainError(
      'SATKER.NAME_TAKEN',
      holder.active
        ? `Nama "${name}" sudah dipakai satker "${holder.code}"; setiap satker harus bernama lain agar tidak tertukar dalam daftar dan jejak audit lintas satker.`
        : `Nama "${name}" sudah dipakai satker "${holder.code}" yang tidak aktif; aktifkan kembali satker itu atau gunakan nama lain.`,
      'conflict',
      { name, satker: holder.code },
    ),
  /** The same, where the holder is outside the caller's scope: every read answers it 404, so neither its code nor its state is told. */
  satkerNameTakenOutOfScope: (name: string) =>
    new DomainError(
      'SATKER.NAME_TAKEN',
      `Nama "${name}" sudah dipakai satker lain di luar wilayah kewenangan Anda; setiap satker harus bernama lain agar tidak tertukar ` +
        'dalam daftar dan jejak audit lintas satker. Gunakan nama lain (misalnya dengan nama kabupaten/kota atau provinsinya), ' +
        'atau tanyakan kepada Admin satker di atas Anda.',
      'conflict',
      { name },
    ),
  satkerParentRequired: () =>
    new DomainError('SATKER.PARENT_REQUIRED', 'Satker baru harus memiliki satker induk.', 'validation'),
  satkerParentInactive: (code: string) =>
    new DomainError('SATKER.PARENT_INACTIVE', `Satker induk "${code}" tidak aktif.`, 'validation', { parentCode: code }),
  /** A closed office takes no new users or subbagian, and none of its closed ones reopen, until the office itself does. */
  satkerInactive: (code: string, what: 'pengguna' | 'subbagian', reopening: boolean) =>
    new DomainError(
      'SATKER.INACTIVE',
      `Satker "${code}" tidak aktif, sehingga ${reopening ? `${what} di dalamnya tidak dapat diaktifkan kembali` : `tidak dapat ditambah ${what} baru`}. ` +
        'Aktifkan kembali satker itu terlebih dahulu (ubah satker dengan active: true), lalu ulangi.',
      'conflict',
      { satker: code },
    ),
  satkerIsRoot: () =>
    new DomainError('SATKER.ROOT_CANNOT_BE_DEACTIVATED', 'Satker induk tertinggi tidak dapat dinonaktifkan.', 'validation'),
  satkerRootCannotMove: () =>
    new DomainError('SATKER.ROOT_CANNOT_MOVE', 'Satker induk tertinggi tidak dapat dipindahkan ke bawah satker lain.', 'validation'),
  satkerParentCycle: (code: string, parentCode: string) =>
    new DomainError(
      'SATKER.PARENT_CYCLE',
      `Satker "${code}" tidak dapat dipindahkan ke bawah "${parentCode}": "${parentCode}" adalah satker itu sendiri atau berada di bawahnya.`,
      'validation',
      { satker: code, parentCode },
    ),
  satkerTooDeep: (code: string, parentCode: string, levels: number, parentLevel: number) =>
    new DomainError(
      'SATKER.TOO_DEEP',
      `Satker "${code}" tidak dapat ditempatkan di bawah "${parentCode}": susunan satker paling banyak ${levels} tingkat ` +
        `(untuk KPU: KPU RI, provinsi, kabupaten/kota) dan "${parentCode}" berada di tingkat ke-${parentLevel}` +
        `, sehingga "${code}" (dengan satker di bawahnya) akan melewati tingkat ke-${levels}. Pilih induk pada tingkat yang lebih tinggi.`,
      'validation',
      // The setting that holds the number is the operator's (logs, details), not the office ADMIN's to read about.
      { satker: code, parentCode, levels, parentLevel, setting: 'OFFICE_LEVELS' },
    ),
  satkerHasActiveChildren: (code: string, children: readonly string[]) =>
    new DomainError(
      'SATKER.HAS_ACTIVE_CHILDREN',
      `Satker "${code}" masih membawahi satker aktif (${listed(children)}); nonaktifkan atau pindahkan satker tersebut terlebih dahulu.`,
      'conflict',
      { satker: code, children: [...children] },
    ),
  satkerOwnCannotBeDeactivated: () =>
    new DomainError('SATKER.OWN_CANNOT_BE_DEACTIVATED', 'Anda tidak dapat menonaktifkan satker Anda sendiri.', 'forbidden'),
  /**
   * Given `active` (a subbagian given to a Kepala Subbagian), the message and `subbagianCodes` name
   * the office's active subbagian to choose from.
   */
  subbagianNotFound: (satker: string, code: string, active?: readonly string[]) =>
    new DomainError(
      'SUBBAGIAN.NOT_FOUND',
      `Subbagian "${code}" tidak ditemukan pada satker "${satker}".` +
        (active === undefined
          ? ''
          : active.length > 0
            ? ` Subbagian aktif satker ini: ${active.join(', ')}. Periksa kode subbagian yang diisi.`
            : ' Satker ini belum memiliki subbagian aktif: tambahkan subbagiannya terlebih dahulu, lalu ulangi.'),
      'not_found',
      { satker, subbagian: code, ...(active === undefined ? {} : { subbagianCodes: [...active] }) },
    ),
  subbagianExists: (satker: string, code: string) =>
    new DomainError('SUBBAGIAN.ALREADY_EXISTS', `Subbagian "${code}" sudah ada pada satker "${satker}".`, 'conflict', {
      satker,
      subbagian: code,
    }),
  subbagianNameTaken: (satker: string, name: string, holder: { code: string; active: boolean }) =>
    new DomainError(
      'SUBBAGIAN.NAME_TAKEN',
      holder.active
        ? `Nama "${name}" sudah dipakai subbagian "${holder.code}" pada satker ini; gunakan nama lain.`
        : `Nama "${name}" sudah dipakai subbagian "${holder.code}" yang tidak aktif; aktifkan kembali subbagian itu atau gunakan nama lain.`,
      'conflict',
      { satker, name, subbagian: holder.code },
    ),
  subbagianInactive: (code: string) =>
    new DomainError('SUBBAGIAN.INACTIVE', `Subbagian "${code}" tidak aktif.`, 'validation', { subbagian: code }),
  userNotFound: (id: string) => new DomainError('USER.NOT_FOUND', 'Pengguna tidak ditemukan.', 'not_found', { userId: id }),
  usernameTaken: (username: string) =>
    new DomainError('USER.USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai.`, 'conflict', { username }),
  /** Says neither which office nor which account has it: an administrator sees only their own offices. */
  emailTaken: (email: string) =>
    new DomainError(
      'USER.EMAIL_TAKEN',
      `Alamat e-mail "${email}" sudah dipakai akun aktif lain. Satu alamat e-mail hanya untuk satu orang: gunakan alamat e-mail ` +
        'pribadi dinas orang tersebut, atau bila orang yang sama pindah satker, minta Admin satker lamanya menonaktifkan akun lama terlebih dahulu. ' +
        'Huruf besar-kecil dan tambahan "+..." sebelum @ tidak dibedakan (budi+kantor@… adalah kotak surat budi@…).',
      'conflict',
      { email },
    ),
  subbagianRequired: () =>
    new DomainError('USER.SUBBAGIAN_REQUIRED', `Pengguna dengan peran ${ROLE_LABELS.KASUBBAG} harus memiliki subbagian.`, 'validation'),
  subbagianNotAllowed: () =>
    new DomainError(
      'USER.SUBBAGIAN_NOT_ALLOWED',
      `Hanya pengguna dengan peran ${ROLE_LABELS.KASUBBAG} yang dapat memiliki subbagian.`,
      'validation',
    ),
  cannotResetOwnPassword: () =>
    new DomainError(
      'USER.CANNOT_RESET_OWN_PASSWORD',
      'Anda tidak dapat mengatur ulang kata sandi Anda sendiri. Gunakan menu Ubah Kata Sandi dengan kata sandi lama Anda.',
      'forbidden',
    ),
  auditorManagedAbove: (satker: string, parent: { code: string; name: string }) =>
    new DomainError(
      'USER.AUDITOR_MANAGED_ABOVE',
      `Akun Inspektorat satker ${satker} hanya dapat dibuat, diubah, diatur ulang kata sandinya, atau dinonaktifkan oleh Admin ` +
        `satker di atasnya — ${parent.name} (${parent.code}) atau satker di atas itu: pengawas tidak diangkat oleh yang diawasi. ` +
        `Mintalah kepada Admin satker tersebut.`,
      'forbidden',
      { satker, parentCode: parent.code },
    ),
  cannotChangeSelf: () =>
    new DomainError(
      'USER.CANNOT_CHANGE_OWN_ACCESS',
      'Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri.',
      'forbidden',
    ),
  passwordTooShort: (min: number) =>
    new DomainError(
      'USER.PASSWORD_TOO_WEAK',
      `Kata sandi minimal ${min} karakter. Gunakan kalimat sandi yang mudah Anda ingat, misalnya beberapa kata acak yang digabung.`,
      'validation',
      { minLength: min },
    ),
  passwordTooCommon: () =>
    new DomainError(
      'USER.PASSWORD_TOO_COMMON',
      'Kata sandi ini terlalu umum atau pernah bocor, sehingga mudah ditebak. Pilih kata sandi lain, misalnya beberapa kata acak ' +
        'yang digabung (contoh: "jeruk-sepeda-awan-hijau"); menambah angka atau tanda baca pada kata umum tidak cukup.',
      'validation',
    ),
  passwordTooPredictable: () =>
    new DomainError(
      'USER.PASSWORD_TOO_PREDICTABLE',
      'Kata sandi ini berupa karakter berulang atau berurutan (seperti "aaaaaaaa", "12345678", "abcdefgh1" atau "qwertyui"), ' +
        'atau hanya angka yang kurang dari 12 digit (seperti tanggal "17081945"), sehingga mudah ditebak. Pilih kata sandi lain, misalnya beberapa kata acak yang digabung.',
      'validation',
    ),
  passwordContainsUsername: (word: string, restGuessable = false) =>
    new DomainError(
      'USER.PASSWORD_CONTAINS_USERNAME',
      restGuessable
        ? `Kata sandi memuat nama pengguna ("${word}"), dan tanpa nama itu sisanya terlalu umum atau mudah ditebak: nama pengguna ` +
          'tidak menambah kekuatan kata sandi. Pilih kata sandi lain, misalnya beberapa kata acak yang digabung.'
        : `Kata sandi tidak boleh sama dengan atau hanya berupa variasi dari nama pengguna ("${word}"). Pilih kata sandi lain; ` +
          `tanpa nama pengguna pun kata sandi harus tetap minimal ${PASSWORD_MIN_LENGTH} karakter.`,
      'validation',
      { word },
    ),
  passwordContainsServiceName: (word: string, restGuessable = false) =>
    new DomainError(
      'USER.PASSWORD_CONTAINS_SERVICE_NAME',
      restGuessable
        ? `Kata sandi memuat nama satker atau satker induknya ("${word}"), dan tanpa nama itu sisanya terlalu umum atau mudah ditebak: ` +
          'nama satker diketahui semua orang. Pilih kata sandi lain, misalnya beberapa kata acak yang digabung.'
        : `Kata sandi tidak boleh hanya berupa variasi dari nama aplikasi, satker, atau satker induknya ("${word}"), karena mudah ditebak. ` +
          `Pilih kata sandi lain; tanpa nama tersebut pun kata sandi harus tetap minimal ${PASSWORD_MIN_LENGTH} karakter.`,
      'validation',
      { word },
    ),
  passwordContainsName: (word: string, restGuessable = false) =>
    new DomainError(
      'USER.PASSWORD_CONTAINS_NAME',
      restGuessable
        ? `Kata sandi memuat nama atau alamat e-mail pemilik akun ("${word}"), dan tanpa nama itu sisanya terlalu umum atau mudah ` +
          'ditebak: nama pemilik akun mudah ditebak siapa pun yang mengenalnya. Pilih kata sandi lain, misalnya beberapa kata acak yang digabung.'
        : `Kata sandi tidak boleh hanya berupa variasi dari nama atau alamat e-mail pemilik akun ("${word}"), karena mudah ditebak. ` +
          `Pilih kata sandi lain; tanpa nama tersebut pun kata sandi harus tetap minimal ${PASSWORD_MIN_LENGTH} karakter.`,
      'validation',
      { word },
    ),
  passwordTooSimilar: () =>
    new DomainError(
      'USER.PASSWORD_TOO_SIMILAR',
      'Kata sandi baru terlalu mirip dengan kata sandi saat ini (hanya berbeda spasi, huruf besar-kecil, tanda baca atau ' +
        'beberapa karakter): siapa pun yang mengetahui kata sandi lama — termasuk Admin, bila ia yang menyetelnya — dapat menebaknya. ' +
        'Pilih kata sandi yang benar-benar baru.',
      'validation',
    ),
  passwordUnchanged: () =>
    new DomainError('USER.PASSWORD_UNCHANGED', 'Kata sandi baru harus berbeda dari kata sandi saat ini.', 'validation'),
  currentPasswordWrong: () =>
    new DomainError('AUTH.CURRENT_PASSWORD_WRONG', 'Kata sandi saat ini salah.', 'validation'),
  /** An administrator's reason, when given, follows the rule of every reason of the workflow (`readableReason`). */
  reasonInvalid: () =>
    new DomainError(
      'IDENTITY.REASON_INVALID',
      'Alasan yang diisi harus berisi 3–2000 karakter yang terlihat, bukan hanya spasi atau karakter tak terlihat. ' +
        'Tulis alasannya, atau hilangkan alasan bila tidak ada.',
      'validation',
    ),
  versionConflict: (what: string, expected: number, actual: number) =>
    new DomainError('IDENTITY.VERSION_CONFLICT', `Data ${what} telah diubah oleh orang lain. Muat ulang lalu coba lagi.`, 'conflict', {
      expectedVersion: expected,
      actualVersion: actual,
    }),
};

export const authErrors = {
  invalidCredentials: () =>
    new DomainError('AUTH.INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah.', 'unauthenticated'),
  accountInactive: (officeInactive: boolean) =>
    new DomainError(
      'AUTH.ACCOUNT_INACTIVE',
      officeInactive
        ? 'Satker Anda tidak aktif lagi (ditutup atau digabung), sehingga akun Anda tidak dapat dipakai. Hubungi Admin satker induk untuk akun di satker yang baru.'
        : 'Akun Anda telah dinonaktifkan. Hubungi Admin satker Anda bila Anda masih memerlukan akses.',
      'forbidden',
    ),
  /**
   * `pair`: the account from this address (another device or network still gets in); `account`:
   * the account from every address but those its owner signed in from before.
   */
  locked: (lockedUntil: Date, now: Date, lock: 'pair' | 'account') => {
    const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return new DomainError(
      'AUTH.LOCKED',
      lock === 'pair'
        ? `Terlalu banyak percobaan masuk yang gagal ke akun ini dari perangkat atau jaringan Anda, sehingga akun ini ` +
          `dikunci sementara dari alamat ini. Coba lagi setelah ${minutes} menit, atau masuk dari perangkat atau jaringan ` +
          'lain yang biasa Anda pakai. Bila Anda lupa kata sandi, minta Admin satker Anda mengatur ulang kata sandi.'
        : `Akun ini dikunci sementara karena terlalu banyak percobaan masuk yang gagal dari berbagai alamat. Selama ` +
          `${minutes} menit ke depan akun ini hanya dapat dipakai dari perangkat atau jaringan yang pernah Anda pakai ` +
          'untuk masuk (misalnya komputer kantor). Bila tidak bisa, coba lagi setelah itu atau hubungi Admin satker Anda.',
      'unauthenticated',
      { lockedUntil: lockedUntil.toISOString(), retryAfterSeconds, lock },
    );
  },
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError(
      'AUTH.RATE_LIMITED',
      'Terlalu banyak percobaan masuk dari alamat ini. Coba lagi nanti.',
      'unauthenticated',
      { retryAfterSeconds },
    ),
  /** The shared count of failed logins (Redis) cannot be read: refusing is safer than not counting. */
  loginUnavailable: (retryAfterSeconds: number) =>
    new DomainError(
      'AUTH.LOGIN_UNAVAILABLE',
      'Layanan masuk sedang terganggu sehingga percobaan masuk tidak dapat diperiksa. Coba lagi beberapa saat lagi; ' +
        'bila berlanjut, hubungi administrator. Sesi yang sudah masuk tetap berjalan.',
      'unavailable',
      { retryAfterSeconds },
    ),
  unauthenticated: () =>
    new DomainError('AUTH.UNAUTHENTICATED', 'Anda harus masuk terlebih dahulu.', 'unauthenticated'),
  tokenInvalid: () =>
    new DomainError('AUTH.TOKEN_INVALID', 'Token akses tidak sah. Silakan masuk kembali.', 'unauthenticated'),
  tokenExpired: () =>
    new DomainError('AUTH.TOKEN_EXPIRED', 'Sesi Anda telah berakhir. Silakan masuk kembali.', 'unauthenticated'),
  tokenRevoked: () =>
    new DomainError('AUTH.TOKEN_REVOKED', 'Token akses sudah tidak berlaku. Silakan masuk kembali.', 'unauthenticated'),
  passwordChangeRequired: () =>
    new DomainError(
      'AUTH.PASSWORD_CHANGE_REQUIRED',
      'Kata sandi Anda dibuat atau diatur ulang oleh Admin, sehingga harus Anda ganti sebelum dapat melanjutkan. ' +
        'Buka menu Ubah Kata Sandi, masukkan kata sandi dari Admin sebagai kata sandi saat ini, ' +
        'pilih kata sandi baru milik Anda sendiri, lalu masuk kembali.',
      'forbidden',
    ),
  forbiddenRole: (allowed: readonly string[]) =>
    new DomainError('AUTH.FORBIDDEN', `Peran Anda tidak berwenang melakukan tindakan ini.${whoMay(allowed)}`, 'forbidden', {
      allowedRoles: [...allowed],
    }),
};

// The roles' names (ROLE_LABELS) with the Kasubbag as the 403 has always named them.
const ROLE_NAMES: Record<string, string> = { ...ROLE_LABELS, KASUBBAG: 'Kasubbag' };

/** " Tindakan ini hanya dapat dilakukan oleh Ketua atau Sekretaris.": who to ask, in the roles' Indonesian names ('' when unknown). */
function whoMay(allowed: readonly string[]): string {
  const names = [...new Set(allowed.map((r) => ROLE_NAMES[r]).filter((n): n is string => n !== undefined))];
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} atau ${names[names.length - 1]}`;
  return ` Tindakan ini hanya dapat dilakukan oleh ${list}.`;
}
