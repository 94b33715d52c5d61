import { DataSource } from 'typeorm';
import { checkpointName } from '../runner/projection';

/** The read models `SubmissionStatusQuery.matrices` reads: `rm_submission_status` and the approved PK versions of `rm_perf_pk_versions`. */
const READ_MODELS = [checkpointName('submission-status'), checkpointName('current-performance')];

/**
 * What `SubmissionStatusQuery.matrices(satkers, year, now)` is made of, as one short text that
 * changes whenever any of it changes:
 * - the checkpoints of the two read models it reads (a projection's batch saves its rows and a
 *   later checkpoint in one transaction);
 * - the offices' event chains (`tenant_chain_heads`, whose sequence grows with every append): the
 *   dispensasi and report moves it reads straight from `events`, and the identity events written
 *   with each change of an office or subbagian;
 * - the rows of `satker`, `subbagian` and `satker_deadline_day_changes` themselves (each change bumps
 *   a `version` or adds a row, none is deleted), so that a change made outside Kinerja counts too.
 * Every part only grows and it is read before the data: two equal texts mean that nothing
 * `matrices` reads changed in between, so an answer computed after reading the first is the answer
 * at the second (the rest of a matrix depends only on each office's local date of `now`).
 * Whoever makes `matrices` read something more adds it here. One query, an index lookup per office.
 */
export async function submissionMatricesVersion(dataSource: DataSource, satkers: readonly string[]): Promise<string> {
  const [row]: Array<{ read_models: string | null; chains: string; offices: string; subbagian: string; deadline_days: string }> = await dataSource.query(
    `SELECT (SELECT string_agg(subscriber || '@' || transaction_id::text || ':' || global_position::text, ',' ORDER BY subscriber)
               FROM event_subscriber_checkpoints WHERE subscriber = ANY($2::text[])) AS read_models,
            (SELECT count(*)::text || ':' || COALESCE(sum(sequence), 0)::text FROM tenant_chain_heads WHERE tenant_id = ANY($1::text[])) AS chains,
            (SELECT count(*)::text || ':' || COALESCE(sum(version), 0)::text FROM satker WHERE code = ANY($1::text[])) AS offices,
            (SELECT count(*)::text || ':' || COALESCE(sum(version), 0)::text FROM subbagian WHERE satker_code = ANY($1::text[])) AS subbagian,
            (SELECT count(*)::text FROM satker_deadline_day_changes WHERE satker_code = ANY($1::text[])) AS deadline_days`,
    [satkers, READ_MODELS],
  );
  return [row.read_models ?? '-', row.chains, row.offices, row.subbagian, row.deadline_days].join('|');
}
