import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offices (satker), their subbagian and their users. These tables are the current state; every
 * change to them is also an event in the `identity:<satker>` stream, appended in the same
 * transaction. They are small reference data (a few rows per office): when the event tables are
 * distributed by office, these become Citus reference tables, which is why a username and a user id
 * may be unique across every office while the satker code still leads each primary key.
 */
export class Identity1795821322855 implements MigrationInterface {
  name = 'Identity1795821322855';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE satker (
        code                text        PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,64}$'),
        name                text        NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
        parent_code         text        REFERENCES satker (code),
        time_zone           text        NOT NULL CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
        report_deadline_day smallint    NOT NULL DEFAULT 5 CHECK (report_deadline_day BETWEEN 1 AND 28),
        active              boolean     NOT NULL DEFAULT true,
        version             integer     NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        CHECK (parent_code IS NULL OR parent_code <> code)
      )`);
    await queryRunner.query(`CREATE INDEX satker_parent_idx ON satker (parent_code, code)`);
    await queryRunner.query(`
      CREATE TABLE subbagian (
        satker_code text        NOT NULL REFERENCES satker (code),
        code        text        NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
        name        text        NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        active      boolean     NOT NULL DEFAULT true,
        version     integer     NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        PRIMARY KEY (satker_code, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE users (
        satker_code         text        NOT NULL REFERENCES satker (code),
        id                  uuid        NOT NULL,
        username            text        NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
        full_name           text        NOT NULL,
        email               text,
        role                text        NOT NULL CHECK (role IN ('KASUBBAG', 'SEKRETARIS', 'KETUA', 'INSPEKTORAT', 'ADMIN')),
        subbagian_code      text,
        active              boolean     NOT NULL DEFAULT true,
        password_hash       text        NOT NULL,
        token_version       integer     NOT NULL DEFAULT 1,
        failed_login_count  integer     NOT NULL DEFAULT 0,
        locked_until        timestamptz,
        password_changed_at timestamptz NOT NULL,
        version             integer     NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        PRIMARY KEY (satker_code, id),
        FOREIGN KEY (satker_code, subbagian_code) REFERENCES subbagian (satker_code, code),
        CHECK ((role = 'KASUBBAG') = (subbagian_code IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_username_key ON users (username)`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_id_key ON users (id)`);
    await queryRunner.query(`CREATE INDEX users_satker_role_idx ON users (satker_code, role, username)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE subbagian`);
    await queryRunner.query(`DROP TABLE satker`);
  }
}
