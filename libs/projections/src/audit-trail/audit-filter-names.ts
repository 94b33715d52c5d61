import type { DataSource } from 'typeorm';

// Only a canonical (lower-case) uuid can equal a user id as the trail stores it, as text.
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether the names a filter of the audit trail gives (a subbagian, an indicator, an actor) exist
 * at all for the offices read: a name that never existed there can never match a row. One small
 * query per name, over the office-led keys.
 */
export class AuditFilterNames {
  constructor(private readonly dataSource: DataSource) {}

  /** Every subbagian code the offices have, deactivated ones included (their history stays). */
  async subbagianCodes(offices: readonly string[]): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `SELECT DISTINCT code FROM subbagian WHERE satker_code = ANY($1::text[]) ORDER BY code`,
      [[...offices]],
    );
    return rows.map((r) => r.code);
  }

  /**
   * The indicator codes equal to `code` but for case that any PK version (draft, returned or
   * approved, any year) of the offices ever had, as the trail remembers them: `code` itself
   * when it is one, otherwise the near misses worth pointing out.
   */
  async indicatorCodesLike(offices: readonly string[], code: string): Promise<string[]> {
    const rows: Array<{ indicator_code: string }> = await this.dataSource.query(
      `SELECT DISTINCT indicator_code FROM audit_trail_indicator
        WHERE satker_code = ANY($1::text[]) AND lower(indicator_code) = lower($2)
        ORDER BY indicator_code LIMIT 10`,
      [[...offices], code],
    );
    return rows.map((r) => r.indicator_code);
  }

  /**
   * The indicator codes equal to `code` but for case that a PK version (draft, returned or
   * approved) of the office had in `year`: the history of one figure asks for one year.
   */
  async indicatorCodesOfYearLike(satker: string, year: number, code: string): Promise<string[]> {
    const rows: Array<{ indicator_code: string }> = await this.dataSource.query(
      `SELECT DISTINCT indicator_code FROM audit_trail_indicator
        WHERE satker_code = $1 AND year = $2 AND lower(indicator_code) = lower($3)
        ORDER BY indicator_code LIMIT 10`,
      [satker, year, code],
    );
    return rows.map((r) => r.indicator_code);
  }

  /**
   * Whether `actor` (a user id or username) is a user of one of the `visible` offices (the
   * reader's scope), or acted in the trail of the offices `read` (the system, or an Inspektorat of
   * an office above, whose name the trail already shows). A user of any other office is not told
   * apart from one that does not exist.
   */
  async actorKnown(actor: string, read: readonly string[], visible: readonly string[]): Promise<boolean> {
    const id = USER_ID.test(actor) ? actor : null;
    const rows: Array<{ known: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM users u WHERE (u.username = $1 OR u.id = $2::uuid) AND u.satker_code = ANY($3::text[]))
           OR EXISTS (SELECT 1 FROM audit_trail a
                       WHERE a.satker_code = ANY($4::text[])
                         AND (a.actor_id = $1 OR a.actor_id IN (SELECT u.id::text FROM users u WHERE u.username = $1))) AS known`,
      [actor, id, [...visible], [...read]],
    );
    return rows[0].known;
  }
}
