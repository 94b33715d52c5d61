import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national holiday calendar (hari libur nasional and cuti bersama), kept by the root office's
 * administrator year by year from the SKB 3 Menteri: no date is shipped. `hari_libur` holds each
 * year's dates in force, with who recorded each and when; `hari_libur_years` each year's version
 * (the ETag, for If-Match) and who last changed it; `hari_libur_changes` every list a year was given,
 * so that who changed it and when can be told afterwards. Written by HariLiburService in one
 * transaction; the reminders read `hari_libur` (no approval digest on those days).
 */
export class HariLibur1796205000000 implements MigrationInterface {
  name = 'HariLibur1796205000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hari_libur_years (
        year        integer     PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        version     integer     NOT NULL CHECK (version > 0),
        changed_by  uuid        NOT NULL,
        changed_at  timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE hari_libur (
        date         date        PRIMARY KEY,
        year         integer     NOT NULL REFERENCES hari_libur_years (year),
        name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind         text        NOT NULL CHECK (kind IN ('LIBUR_NASIONAL', 'CUTI_BERSAMA')),
        recorded_by  uuid        NOT NULL,
        recorded_at  timestamptz NOT NULL,
        CHECK (extract(year FROM date) = year)
      )`);
    await queryRunner.query(`CREATE INDEX hari_libur_year ON hari_libur (year)`);
    await queryRunner.query(`
      CREATE TABLE hari_libur_changes (
        year        integer     NOT NULL REFERENCES hari_libur_years (year),
        version     integer     NOT NULL CHECK (version > 0),
        holidays    jsonb       NOT NULL,
        changed_by  uuid        NOT NULL,
        changed_at  timestamptz NOT NULL,
        PRIMARY KEY (year, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE hari_libur_changes`);
    await queryRunner.query(`DROP TABLE hari_libur`);
    await queryRunner.query(`DROP TABLE hari_libur_years`);
  }
}
