import type { Role } from '@kinerja/domain';
import type { UserView } from '../identity.types';

export const USER_COLUMNS = `satker_code, id, username, full_name, email, role, subbagian_code, active, version, created_at, updated_at`;

export interface UserRow {
  satker_code: string;
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  role: Role;
  subbagian_code: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** What authentication needs on top of the public view. */
export interface UserCredentialRow extends UserRow {
  password_hash: string;
  token_version: number;
  failed_login_count: number;
  locked_until: Date | null;
  must_change_password: boolean;
  satker_active: boolean;
}

export const CREDENTIAL_COLUMNS = `u.satker_code, u.id, u.username, u.full_name, u.email, u.role, u.subbagian_code,
  u.active, u.version, u.created_at, u.updated_at, u.password_hash, u.token_version, u.failed_login_count,
  u.locked_until, u.must_change_password, s.active AS satker_active`;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    satker: row.satker_code,
    subbagian: row.subbagian_code,
    active: row.active,
    version: Number(row.version),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
