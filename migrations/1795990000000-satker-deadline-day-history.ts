import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of each office's report deadline day: one row when the office is created and one per
 * change, written by SatkerService in the transaction that writes `satker`. `changed_on` is the
 * office's local date of the change (its time zone after that change); `seq` orders the changes of
 * one office. Readers fold it with `deadlineDayForMonth` (@kinerja/domain): a change applies to a
 * month only while that month's deadline has passed under neither the old day nor the new, so a
 * change never rewrites a deadline already passed. `satker.report_deadline_day` stays the current
 * day.
 *
 * Existing offices are backfilled from their identity stream (`SatkerCreated` and every
 * `SatkerUpdated` naming `reportDeadlineDay`), each dated by its `recorded_at` in the time zone the
 * office had after that event. An office with no such event gets one row, its current day from its
 * creation date (so from the beginning); one whose last recorded day is not its current day (changed
 * outside Kinerja) gets a last row with the current day on the date of its last update.
 */
export class SatkerDeadlineDayHistory1795990000000 implements MigrationInterface {
  name = 'SatkerDeadlineDayHistory1795990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE satker_deadline_day_changes (
        satker_code  text        NOT NULL REFERENCES satker (code),
        seq          integer     NOT NULL CHECK (seq > 0),
        changed_on   date        NOT NULL,
        deadline_day smallint    NOT NULL CHECK (deadline_day BETWEEN 1 AND 28),
        recorded_at  timestamptz NOT NULL,
        PRIMARY KEY (satker_code, seq)
      )`);
    await queryRunner.query(`
      INSERT INTO satker_deadline_day_changes (satker_code, seq, changed_on, deadline_day, recorded_at)
      SELECT s.code,
             row_number() OVER (PARTITION BY s.code ORDER BY e.tenant_sequence),
             (e.recorded_at AT TIME ZONE COALESCE(
               (SELECT COALESCE(z.data->'changes'->>'timeZone', z.data->>'timeZone')
                  FROM events z
                 WHERE z.tenant_id = e.tenant_id AND z.stream_id = e.stream_id AND z.tenant_sequence <= e.tenant_sequence
                   AND (z.type = 'SatkerCreated' OR (z.type = 'SatkerUpdated' AND z.data->'changes' ? 'timeZone'))
                 ORDER BY z.tenant_sequence DESC LIMIT 1),
               s.time_zone))::date,
             COALESCE(e.data->'changes'->>'reportDeadlineDay', e.data->>'reportDeadlineDay')::smallint,
             e.recorded_at
        FROM satker s
        JOIN events e ON e.tenant_id = s.code AND e.stream_id = 'identity:' || s.code
       WHERE (e.type = 'SatkerCreated' AND e.data->>'code' = s.code AND e.data ? 'reportDeadlineDay')
          OR (e.type = 'SatkerUpdated' AND e.data->'changes' ? 'reportDeadlineDay')`);
    await queryRunner.query(`
      INSERT INTO satker_deadline_day_changes (satker_code, seq, changed_on, deadline_day, recorded_at)
      SELECT s.code, 1, (s.created_at AT TIME ZONE s.time_zone)::date, s.report_deadline_day, s.created_at
        FROM satker s
       WHERE NOT EXISTS (SELECT 1 FROM satker_deadline_day_changes c WHERE c.satker_code = s.code)`);
    await queryRunner.query(`
      INSERT INTO satker_deadline_day_changes (satker_code, seq, changed_on, deadline_day, recorded_at)
      SELECT s.code, last.seq + 1, (s.updated_at AT TIME ZONE s.time_zone)::date, s.report_deadline_day, s.updated_at
        FROM satker s
        JOIN LATERAL (SELECT c.seq, c.deadline_day FROM satker_deadline_day_changes c
                       WHERE c.satker_code = s.code ORDER BY c.seq DESC LIMIT 1) last ON true
       WHERE last.deadline_day <> s.report_deadline_day`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE satker_deadline_day_changes`);
  }
}
