import type { Role } from '@kinerja/domain';

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/** What an office gets when created without them; also what readers assume for an office row they cannot find. */
export const DEFAULT_TIME_ZONE: TimeZone = 'Asia/Jakarta';
export const DEFAULT_REPORT_DEADLINE_DAY = 5;

/** Any office code Kinerja holds (paths, parents, scope): offices created before the rule below keep theirs. */
export const SATKER_CODE_PATTERN = /^[a-z0-9-]{2,64}$/;
/**
 * The code of an office created now: 2–64 of a–z, 0–9 and "-", starting and ending with a letter or
 * digit, with at least one letter. "--", "-kpu-" or "00" read as no code (`audit:verify --satker --`
 * takes "--" for the end of its options) or as a number.
 */
export const NEW_SATKER_CODE_PATTERN = /^(?=[a-z0-9-]*[a-z])[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])$/;
export const NEW_SATKER_CODE_MESSAGE =
  'kode satker: 2–64 huruf kecil a–z, angka 0–9 atau "-", diawali dan diakhiri huruf atau angka, dengan paling sedikit satu huruf ' +
  '(bukan hanya angka atau "-"), misalnya kpu-kab-jember';
export const SUBBAGIAN_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface Satker {
  code: string;
  name: string;
  parentCode: string | null;
  timeZone: TimeZone;
  reportDeadlineDay: number;
  /** Each final LKj waits for the Ketua's signature (LkjSigned); off by default. */
  ketuaSignsLkj: boolean;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Subbagian {
  satkerCode: string;
  code: string;
  name: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A user as anyone may see them: never the password hash nor the lockout counters. */
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  role: Role;
  satker: string;
  subbagian: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The person behind a request, as the authentication guard established it from the token and the
 * database (role, office and subbagian are read fresh, never trusted from the token alone).
 */
export interface AuthenticatedUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  satker: string;
  subbagian: string | null;
}

/** Who performs an identity change: the acting user, or the system at start-up. */
export interface IdentityActor {
  id: string;
  role: Role | 'SYSTEM';
  satker: string;
}

export const SYSTEM_ACTOR: IdentityActor = { id: 'system', role: 'SYSTEM', satker: '' };
