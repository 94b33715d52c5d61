import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROLES } from '@kinerja/domain';
import type { Role } from '@kinerja/domain';
import { PASSWORD_MAX_LENGTH, PLAIN_EMAIL_MESSAGE, PLAIN_EMAIL_PATTERN, SUBBAGIAN_CODE_PATTERN, USERNAME_PATTERN } from '@kinerja/identity';
import { INT4_MAX } from '../http/integer-bounds';
import { IsOptionalButNotNull } from '../http/optional-but-not-null.validator';
import { IsNotBlank } from '../http/not-blank.validator';
import { IsPersonName } from '../http/readable-name.validator';
import { AdminReason } from './admin-reason';

/**
 * A full name's length is judged on its stored (NFKC) form by `IsPersonName` and the service (2–200
 * characters); this only keeps absurd input away, allowing for decomposed accents ("e" + U+0301).
 */
const PERSON_NAME_RAW_MAX_LENGTH = 800;

const EMAIL_DESCRIPTION =
  'Plain ASCII only. One person, one address: no other active account may have it, case and a +tag in the local part aside (409 USER.EMAIL_TAKEN).';

const FULL_NAME_DESCRIPTION =
  'A person reads it, and the maker-checker "same name" rule compares it. Latin letters (accented too: é, ñ), digits 0–9, spaces and ' +
  '. , \' ’ - ( ) / only, at least two letters, 2–200 characters as stored; stored in Unicode NFKC with single spaces, trimmed (a fullwidth "Ｂ" is stored as "B"; ' +
  'tabs and line breaks, as a name pasted from a spreadsheet carries them, are white space and become one space). ' +
  'Refused (400 VALIDATION.FAILED naming fullName): invisible and format characters (zero-width space, joiners, BOM), bidi controls ' +
  '(U+202E…), other control characters, and letters of other scripts that only imitate Latin ones (Greek "Β", Cyrillic "В", IPA small capitals, dotless ı).';

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'kasubbag.pdi', pattern: USERNAME_PATTERN.source })
  @Transform(lowerCase)
  @Matches(USERNAME_PATTERN, { message: 'nama pengguna: 3–64 huruf kecil, angka, ".", "_" atau "-"' })
  username: string;

  @ApiProperty({ example: 'Kepala Subbagian PDI', description: FULL_NAME_DESCRIPTION })
  @IsString()
  @IsNotBlank()
  @MaxLength(PERSON_NAME_RAW_MAX_LENGTH)
  @IsPersonName()
  fullName: string;

  @ApiPropertyOptional({ example: 'pdi@kpu-jember.go.id', nullable: true, type: String, description: EMAIL_DESCRIPTION })
  @IsOptional()
  @IsEmail()
  @Matches(PLAIN_EMAIL_PATTERN, { message: PLAIN_EMAIL_MESSAGE })
  @MaxLength(254)
  email?: string | null;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: 'PDI', description: 'Required for KASUBBAG, refused for every other role', nullable: true, type: String })
  @IsOptional()
  @Matches(SUBBAGIAN_CODE_PATTERN)
  subbagian?: string | null;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @AdminReason('Pengganti Sekretaris yang pensiun, SK Sekretaris Jenderal 12/2026', false)
  reason?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional({
    description: `${FULL_NAME_DESCRIPTION} A name stored before this rule may be sent back unchanged; a changed one must follow it.`,
  })
  @IsOptionalButNotNull()
  @IsString()
  @IsNotBlank()
  @MaxLength(PERSON_NAME_RAW_MAX_LENGTH)
  fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: `null removes the e-mail address. ${EMAIL_DESCRIPTION}` })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @Matches(PLAIN_EMAIL_PATTERN, { message: PLAIN_EMAIL_MESSAGE })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ enum: ROLES, description: 'Changing it ends the user’s current sessions' })
  @IsOptionalButNotNull()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'For KASUBBAG; dropped automatically when the role changes away' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(SUBBAGIAN_CODE_PATTERN)
  subbagian?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions; nothing is deleted' })
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Refuse the change (409) unless the user is still at this version', minimum: 1, maximum: INT4_MAX })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  expectedVersion?: number;

  @AdminReason('Pensiun per 1 Desember 2026')
  reason?: string;
}

export class ResetPasswordDto {
  @ApiProperty({ format: 'password', minLength: 8, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;

  @AdminReason('Pemilik akun lupa kata sandi; permintaan lewat surat 3 Desember 2026', false)
  reason?: string | null;
}

/** The optional body of `POST …/users/{userId}/unlock`: an empty or absent body unlocks without a reason. */
export class UnlockAccountDto {
  @AdminReason('Pemilik akun menelepon; terkunci karena salah ketik sebelum batas waktu laporan', false)
  reason?: string | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'kasubbag.pdi' }) username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ example: 'kpu-kab-jember' }) satker: string;
  @ApiProperty({ nullable: true, type: String, example: 'PDI' }) subbagian: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/**
 * Omitted, not null (null already means "not locked", "none"): the office's own ADMIN does not see
 * the sign-ins of an INSPEKTORAT account that an ADMIN of the office above manages.
 */
const HIDDEN_FROM_AUDITED =
  ' Tidak ada (field dihilangkan) pada akun Inspektorat satker di bawah satker induk bila dibaca Administrator satker itu sendiri: ' +
  'akun itu dikelola Administrator satker di atasnya (USER.AUDITOR_MANAGED_ABOVE), dan satker yang diperiksa tidak memantau kegiatan masuk pemeriksanya.';

/**
 * A user as an ADMIN of the office sees it (list and detail): with how it stands with signing in,
 * when that ADMIN may manage the account.
 */
/** The last e-mail to the user that Kinerja gave up on (notification_outbox, README "E-mail delivery"). */
export class EmailDeliveryFailureDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T03:15:00.000Z', description: 'Saat pengiriman dihentikan' })
  at: string;

  @ApiProperty({ example: 'siti@kpu-jember.go.id', description: 'Alamat yang dituju saat itu' })
  to: string;

  @ApiProperty({ example: 'Ringkasan: 1 laporan realisasi menunggu persetujuan — KPU Kabupaten Jember', description: 'Subjek e-mail' })
  subject: string;

  @ApiProperty({ example: '550 5.1.1 <siti@kpu-jember.go.id>: Recipient address rejected: User unknown', description: 'Jawaban terakhir server e-mail (apa adanya) atau galat sambungan' })
  reply: string;

  @ApiProperty({
    enum: ['REJECTED', 'EXPIRED'],
    description: 'REJECTED: server menolak alamat atau pesan secara permanen (jawaban 5xx), tidak dikirim ulang; EXPIRED: tidak diterima (4xx atau server tidak terhubung) selama 5 hari sejak ditulis',
  })
  failure: 'REJECTED' | 'EXPIRED';

  @ApiProperty({
    example: 'E-mail "…" ke siti@kpu-jember.go.id ditolak server e-mail penerima (550 5.1.1 …) dan tidak dikirim ulang. Periksa alamat e-mail pengguna ini.',
    description: 'Apa yang terjadi dan apa yang perlu dilakukan',
  })
  description: string;
}

export class AdministeredUserDto extends UserDto {
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-12-07T03:15:00.000Z',
    description:
      'Akhir penguncian akun karena gagal masuk berulang; null bila akun tidak terkunci. Buka lebih awal dengan POST …/users/{userId}/unlock. ' +
      'Penguncian satu alamat klien (setelah LOGIN_MAX_FAILURES dari alamat itu) ada di addressLockedUntil.' +
      HIDDEN_FROM_AUDITED,
  })
  lockedUntil?: string | null;

  @ApiProperty({
    required: false,
    example: 3,
    description:
      'Gagal masuk berturut-turut (kata sandi salah saat masuk atau saat mengganti kata sandi) sejak terakhir berhasil masuk, dibuka kuncinya, atau diberi kata sandi baru; ' +
      'dilupakan LOGIN_FAILURE_MEMORY_HOURS setelah kegagalan terakhir. Akun terkunci setiap LOGIN_ACCOUNT_MAX_FAILURES kegagalan.' +
      HIDDEN_FROM_AUDITED,
  })
  failedAttempts?: number;

  @ApiProperty({ required: false, nullable: true, type: String, format: 'date-time', description: `Waktu kegagalan masuk terakhir yang masih dihitung; null bila tidak ada.${HIDDEN_FROM_AUDITED}` })
  lastFailedLoginAt?: string | null;

  @ApiProperty({
    required: false,
    description: `true: kata sandi ditetapkan administrator (akun baru atau reset) dan pemiliknya belum menggantinya; ia hanya dapat mengganti kata sandi.${HIDDEN_FROM_AUDITED}`,
  })
  mustChangePassword?: boolean;

  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'Akhir penguncian terakhir akun ini dari satu alamat klien (setelah LOGIN_MAX_FAILURES kegagalan dari alamat itu, biasanya komputer pemiliknya sendiri); ' +
      'null bila tidak ada. Alamat lain tetap dapat masuk. Berakhir sendiri setelah LOGIN_LOCK_MINUTES; POST …/users/{userId}/unlock membukanya. ' +
      'Tidak ada (field dihilangkan) bila keadaan itu tidak dapat dibaca saat ini (Redis tidak menjawab).' +
      HIDDEN_FROM_AUDITED,
  })
  addressLockedUntil?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    type: EmailDeliveryFailureDto,
    description:
      'E-mail terakhir kepada pengguna ini yang tidak terkirim dan tidak dicoba lagi (ditolak server, atau tidak diterima selama 5 hari); ' +
      'null bila tidak ada. Tetap tampil setelah alamatnya diperbaiki: bandingkan `to` dan `at` dengan alamat dan perubahan akun.' +
      HIDDEN_FROM_AUDITED,
  })
  lastEmailFailure?: EmailDeliveryFailureDto | null;
}

/** `POST …/users/{userId}/unlock`: what was there before the unlock. */
export class UnlockedAccountDto {
  @ApiProperty({ example: 4, description: 'Kegagalan masuk berturut-turut yang dihapus (0 bila tidak ada)' })
  failedAttempts: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-07T03:15:00.000Z', description: 'Akhir penguncian akun yang dibuka; null bila akun tidak terkunci' })
  lockedUntil: string | null;

  @ApiProperty({
    type: 'integer', nullable: true, example: 1,
    description:
      'Penguncian per alamat klien (`addressLockedUntil`) yang masih berlaku dan ikut dibuka; 0 bila tidak ada atau bila permintaan ini '
      + 'diulang dengan Idempotency-Key yang sama (permintaan pertama sudah membukanya); null bila Redis tidak menjawab sehingga '
      + 'penguncian per alamat belum dapat dibuka (berakhir sendiri setelah LOGIN_LOCK_MINUTES; ulangi unlock nanti).',
  })
  addressLocksLifted: number | null;
}
