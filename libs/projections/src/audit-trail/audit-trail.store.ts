import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@kinerja/event-store';
import { identityStreamId } from '@kinerja/identity/events/identity.events';
import { AuditTrailState, reportKey, splitKey, yearKey } from './audit-trail.state';
import type { AuditFigureRow, AuditTrailRow, IndicatorInfo, ReportLines } from './audit-trail.types';

/** The physical name of one of the trail's tables (a shadow copy during a rebuild). */
export type TableName = (name: string) => string;

/** Streams whose events the trail describes from what it kept of their earlier events. */
const STREAMS_WITH_STATE = new Set(['realisasi', 'catatan-reviu', 'pk', 'identity', 'capaian-tahun-lalu', 'lkj']);

/** Streams `<kind>:<satker>:<year>` whose events name the indicators of that year's PK. */
const STREAMS_OF_A_PK_YEAR = new Set(['pk', 'realisasi', 'capaian-tahun-lalu']);

/** Which (satker, year) and stream states a batch needs, read from stream ids and metadata. */
function keysOf(events: readonly RecordedEvent[]) {
  const actors = new Set<string>();
  const years = new Set<string>();
  const streams = new Set<string>();
  for (const e of events) {
    actors.add(e.metadata.actorId);
    const data = e.data as { userId?: unknown; recipientIds?: unknown } | null;
    if (typeof data?.userId === 'string') actors.add(data.userId);
    if (Array.isArray(data?.recipientIds)) for (const id of data.recipientIds) if (typeof id === 'string') actors.add(id);
    const [kind, , year] = e.streamId.split(':');
    if (STREAMS_OF_A_PK_YEAR.has(kind) && Number.isInteger(Number(year))) years.add(yearKey(e.tenantId, Number(year)));
    if (STREAMS_WITH_STATE.has(kind)) streams.add(reportKey(e.tenantId, e.streamId));
    // An alert's closing says when it was detected on the office's clock: its zone is remembered on the identity stream.
    if (kind === 'integrity') streams.add(reportKey(e.tenantId, identityStreamId(e.tenantId)));
  }
  return { actors: [...actors], years: [...years].map(splitKey), streams: [...streams].map(splitKey) };
}

/** Loads, in three queries, the state a batch of events needs. */
export async function loadAuditState(manager: EntityManager, events: readonly RecordedEvent[], t: TableName): Promise<AuditTrailState> {
  const state = new AuditTrailState();
  const keys = keysOf(events);
  // One after another: the three share the caller's transaction, hence one connection.
  const actors = await manager.query(`SELECT user_id, full_name, username FROM ${t('audit_trail_actor')} WHERE user_id = ANY($1::text[])`, [keys.actors]);
  const indicators = await manager.query(
      `SELECT i.satker_code, i.year, i.indicator_code, i.name, i.target, i.pic_subbagian
         FROM ${t('audit_trail_indicator')} i
         JOIN jsonb_to_recordset($1::jsonb) AS k(satker text, year integer) ON i.satker_code = k.satker AND i.year = k.year`,
      [JSON.stringify(keys.years.map(([satker, year]) => ({ satker, year: Number(year) })))],
  );
  const streams = await manager.query(
      `SELECT s.satker_code, s.stream_id, s.lines FROM ${t('audit_trail_stream_state')} s
         JOIN jsonb_to_recordset($1::jsonb) AS k(satker text, stream text) ON s.satker_code = k.satker AND s.stream_id = k.stream`,
      [JSON.stringify(keys.streams.map(([satker, stream]) => ({ satker, stream })))],
  );
  for (const a of actors) state.actors.set(a.user_id, { fullName: a.full_name, username: a.username });
  for (const i of indicators) {
    const key = yearKey(i.satker_code, i.year);
    const map = state.indicators.get(key) ?? new Map<string, IndicatorInfo>();
    map.set(i.indicator_code, { name: i.name, target: i.target, picSubbagian: i.pic_subbagian });
    state.indicators.set(key, map);
  }
  for (const s of streams) state.reports.set(reportKey(s.satker_code, s.stream_id), s.lines as ReportLines);
  return state;
}

/** Writes the rows and the changed state of a batch, each table in one statement. */
export async function saveAuditBatch(manager: EntityManager, rows: AuditTrailRow[], figures: AuditFigureRow[], state: AuditTrailState, t: TableName): Promise<void> {
  if (rows.length > 0) {
    await manager.query(
      `INSERT INTO ${t('audit_trail')} (satker_code, tenant_sequence, event_id, stream_id, stream_version, event_type, recorded_at,
          actor_id, actor_name, actor_username, actor_role, subject_kind, year, month, subbagian_code, pk_version,
          report_revision, summary, changes, reason, correlation_id, causation_id, previous_hash, hash, occurred_at, loaded_by)
       SELECT satker, "tenantSequence", "eventId", "streamId", "streamVersion", "eventType", "recordedAt",
          "actorId", "actorName", "actorUsername", "actorRole", "subjectKind", year, month, subbagian, "pkVersion",
          "reportRevision", summary, changes, reason, "correlationId", "causationId", "previousHash", hash, "occurredAt", "loadedBy"
         FROM jsonb_to_recordset($1::jsonb) AS r(satker text, "tenantSequence" bigint, "eventId" uuid, "streamId" text,
          "streamVersion" integer, "eventType" text, "recordedAt" timestamptz, "actorId" text, "actorName" text,
          "actorUsername" text, "actorRole" text, "subjectKind" text, year integer, month integer, subbagian text,
          "pkVersion" integer, "reportRevision" integer, summary text, changes jsonb, reason text, "correlationId" text,
          "causationId" text, "previousHash" text, hash text, "occurredAt" timestamptz, "loadedBy" text)
       ON CONFLICT (satker_code, tenant_sequence) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
  if (figures.length > 0) {
    await manager.query(
      `INSERT INTO ${t('audit_trail_figure')} (satker_code, indicator_code, year, month, tenant_sequence, stream_id, field, value_before, value_after)
       SELECT satker, "indicatorCode", year, month, "tenantSequence", "streamId", field, before, after
         FROM jsonb_to_recordset($1::jsonb) AS f(satker text, "indicatorCode" text, year integer, month integer,
          "tenantSequence" bigint, "streamId" text, field text, before text, after text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(figures)],
    );
  }
  await saveState(manager, state, t);
}

/** Upserts what the batch changed in the trail's memory (names, indicators, last saved values). */
export async function saveState(manager: EntityManager, state: AuditTrailState, t: TableName): Promise<void> {
  const actors = [...state.dirtyActors].map((id) => ({ id, ...state.actors.get(id) }));
  if (actors.length > 0) {
    await manager.query(
      `INSERT INTO ${t('audit_trail_actor')} (user_id, full_name, username)
       SELECT id, "fullName", username FROM jsonb_to_recordset($1::jsonb) AS a(id text, "fullName" text, username text)
       ON CONFLICT (user_id) DO UPDATE SET full_name = EXCLUDED.full_name, username = EXCLUDED.username`,
      [JSON.stringify(actors)],
    );
  }
  const indicators = [...state.dirtyIndicatorYears].flatMap((key) => {
    const [satker, year] = splitKey(key);
    return [...(state.indicators.get(key) ?? new Map()).entries()].map(([code, info]) => ({ satker, year: Number(year), code, ...info }));
  });
  if (indicators.length > 0) {
    await manager.query(
      `INSERT INTO ${t('audit_trail_indicator')} (satker_code, year, indicator_code, name, target, pic_subbagian)
       SELECT satker, year, code, name, target, "picSubbagian"
         FROM jsonb_to_recordset($1::jsonb) AS i(satker text, year integer, code text, name text, target text, "picSubbagian" text)
       ON CONFLICT (satker_code, year, indicator_code) DO UPDATE
         SET name = EXCLUDED.name, target = EXCLUDED.target, pic_subbagian = EXCLUDED.pic_subbagian`,
      [JSON.stringify(indicators)],
    );
  }
  const streams = [...state.dirtyReports].map((key) => {
    const [satker, stream] = splitKey(key);
    return { satker, stream, lines: state.reports.get(key) };
  });
  if (streams.length > 0) {
    await manager.query(
      `INSERT INTO ${t('audit_trail_stream_state')} (satker_code, stream_id, lines)
       SELECT satker, stream, lines FROM jsonb_to_recordset($1::jsonb) AS s(satker text, stream text, lines jsonb)
       ON CONFLICT (satker_code, stream_id) DO UPDATE SET lines = EXCLUDED.lines`,
      [JSON.stringify(streams)],
    );
  }
  state.clearDirty();
}
