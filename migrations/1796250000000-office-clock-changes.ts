import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the API's per-process cache of offices' clocks (SatkerDirectory.clockOf) needs: every change
 * of what a clock is read from (the office's code, time zone and report deadline day in `satker`;
 * its deadline-day history in `satker_deadline_day_changes`) is announced on the channel
 * `kinerja_clock_changed` (payload: the office's code, or `*` for every office, after a TRUNCATE),
 * whatever process or tool made it. The notification is sent at commit.
 */
export class OfficeClockChanges1796250000000 implements MigrationInterface {
  name = 'OfficeClockChanges1796250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION identity_clock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Separate branches: PL/pgSQL resolves OLD.code / NEW.satker_code only when it runs them,
        -- a satker row has no satker_code, and NEW is null on DELETE (OLD on INSERT).
        IF TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('kinerja_clock_changed', '*');
        ELSIF TG_TABLE_NAME = 'satker' THEN
          PERFORM pg_notify('kinerja_clock_changed', OLD.code);
          IF TG_OP = 'UPDATE' THEN
            PERFORM pg_notify('kinerja_clock_changed', NEW.code);
          END IF;
        ELSE
          IF TG_OP <> 'INSERT' THEN
            PERFORM pg_notify('kinerja_clock_changed', OLD.satker_code);
          END IF;
          IF TG_OP <> 'DELETE' THEN
            PERFORM pg_notify('kinerja_clock_changed', NEW.satker_code);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER satker_clock_changed AFTER UPDATE ON satker FOR EACH ROW
        WHEN ((OLD.code, OLD.time_zone, OLD.report_deadline_day) IS DISTINCT FROM (NEW.code, NEW.time_zone, NEW.report_deadline_day))
        EXECUTE FUNCTION identity_clock_changed()`);
    await queryRunner.query(`CREATE TRIGGER satker_clock_deleted AFTER DELETE ON satker FOR EACH ROW EXECUTE FUNCTION identity_clock_changed()`);
    await queryRunner.query(`CREATE TRIGGER satker_clock_truncated AFTER TRUNCATE ON satker FOR EACH STATEMENT EXECUTE FUNCTION identity_clock_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER satker_deadline_day_changes_clock_changed AFTER INSERT OR UPDATE OR DELETE ON satker_deadline_day_changes
        FOR EACH ROW EXECUTE FUNCTION identity_clock_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER satker_deadline_day_changes_clock_truncated AFTER TRUNCATE ON satker_deadline_day_changes
        FOR EACH STATEMENT EXECUTE FUNCTION identity_clock_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['satker_clock_changed', 'satker'], ['satker_clock_deleted', 'satker'], ['satker_clock_truncated', 'satker'],
      ['satker_deadline_day_changes_clock_changed', 'satker_deadline_day_changes'], ['satker_deadline_day_changes_clock_truncated', 'satker_deadline_day_changes'],
    ]) {
      await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION identity_clock_changed()`);
  }
}
