import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the API's per-process session cache needs: every change of what a token's session depends
 * on (the user's name, role, office, subbagian, active flag, token version; the office's active
 * flag) is announced on the channel `kinerja_session_changed` (payload: the user's id, or `*` for
 * a whole office), whatever process or tool made it. The notification is sent at commit.
 */
export class SessionChanges1795840856361 implements MigrationInterface {
  name = 'SessionChanges1795840856361';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION identity_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Two branches, not CASE: a satker row has no id, and PL/pgSQL resolves OLD.id when it runs.
        IF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('kinerja_session_changed', OLD.id::text);
        ELSE
          PERFORM pg_notify('kinerja_session_changed', '*');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_session_changed AFTER UPDATE ON users FOR EACH ROW
        WHEN ((OLD.username, OLD.full_name, OLD.role, OLD.satker_code, OLD.subbagian_code, OLD.active, OLD.token_version)
              IS DISTINCT FROM (NEW.username, NEW.full_name, NEW.role, NEW.satker_code, NEW.subbagian_code, NEW.active, NEW.token_version))
        EXECUTE FUNCTION identity_session_changed()`);
    await queryRunner.query(`CREATE TRIGGER users_session_deleted AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION identity_session_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER satker_session_changed AFTER UPDATE ON satker FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION identity_session_changed()`);
    await queryRunner.query(`CREATE TRIGGER satker_session_deleted AFTER DELETE ON satker FOR EACH ROW EXECUTE FUNCTION identity_session_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [trigger, table] of [['users_session_changed', 'users'], ['users_session_deleted', 'users'], ['satker_session_changed', 'satker'], ['satker_session_deleted', 'satker']]) {
      await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION identity_session_changed()`);
  }
}
