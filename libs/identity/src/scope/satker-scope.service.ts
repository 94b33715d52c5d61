import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@kinerja/domain';
import { identityErrors } from '../identity.errors';
import { SATKER_CODE_PATTERN } from '../identity.types';
import { reachesDescendants, satkerInScope } from './satker-scope.rule';

// Offices nest a handful of levels deep (RI → provinsi → kabupaten/kota); the depth cap only guards
// against a corrupted parent chain looping forever.
const MAX_DEPTH = 32;

export interface ScopedUser {
  role: Role;
  satker: string;
}

/** The office scope rule of satker-scope.rule.ts, applied to the offices in the database. */
@Injectable()
export class SatkerScopeService {
  constructor(private readonly dataSource: DataSource) {}

  /** The office's parent, grandparent … up to the root; null when the office does not exist. */
  async ancestorsOf(code: string): Promise<string[] | null> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `WITH RECURSIVE chain (code, parent_code, depth) AS (
         SELECT code, parent_code, 0 FROM satker WHERE code = $1
         UNION ALL
         SELECT s.code, s.parent_code, c.depth + 1
           FROM satker s JOIN chain c ON s.code = c.parent_code
          WHERE c.depth < ${MAX_DEPTH}
       )
       SELECT code FROM chain ORDER BY depth`,
      [code],
    );
    return rows.length === 0 ? null : rows.slice(1).map((r) => r.code);
  }

  async isInScope(user: ScopedUser, code: string): Promise<boolean> {
    if (code === user.satker) return true;
    // A code no office can have (a NUL byte in the path would fail in PostgreSQL, 500) is not looked up.
    if (!reachesDescendants(user.role) || !SATKER_CODE_PATTERN.test(code)) return false;
    const ancestors = await this.ancestorsOf(code);
    return ancestors !== null && satkerInScope(user, code, ancestors);
  }

  /** Throws SATKER.NOT_FOUND (404) for an office that is missing or outside the user's scope. */
  async assertInScope(user: ScopedUser, code: string): Promise<void> {
    if (!(await this.isInScope(user, code))) throw identityErrors.satkerNotFound(code);
  }

  /** Every office the user may see, their own first. */
  async codesInScope(user: ScopedUser): Promise<string[]> {
    if (!reachesDescendants(user.role)) return [user.satker];
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `WITH RECURSIVE tree (code, depth) AS (
         SELECT code, 0 FROM satker WHERE code = $1
         UNION ALL
         SELECT s.code, t.depth + 1 FROM satker s JOIN tree t ON s.parent_code = t.code WHERE t.depth < ${MAX_DEPTH}
       )
       SELECT code FROM tree ORDER BY depth, code`,
      [user.satker],
    );
    return rows.map((r) => r.code);
  }
}
