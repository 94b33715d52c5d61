import { parseLocalDate, reportDeadlinesStreamId, type GrantedDeadlineExtension, type ReportMove } from '@kinerja/domain';

/**
 * A select-list expression: the dispensasi of the office whose code is `<alias>.code`, in the order
 * granted, as a JSON array (null when none), read straight from its stream `report-deadlines:<satker>`
 * (a handful of events, one index lookup per office; always current, unlike a read model). The event
 * is at schema version 1; when it gains an upcaster this must read through the event store instead.
 */
export function deadlineExtensionsSql(alias: string): string {
  const stream = reportDeadlinesStreamId('');
  return `(SELECT json_agg(json_build_object('year', (e.data->>'year')::int, 'month', (e.data->>'month')::int, 'until', e.data->>'until',
                                             'grantedAt', e.data->>'grantedAt')
                   ORDER BY e.stream_version)
             FROM events e WHERE e.tenant_id = ${alias}.code AND e.stream_id = '${stream}' || ${alias}.code AND e.type = 'ReportDeadlineExtended')`;
}

/** The dispensasi read by `deadlineExtensionsSql`. */
export function toDeadlineExtensions(raw: unknown): GrantedDeadlineExtension[] {
  const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ year: number; month: number; until: string; grantedAt: string }> | null;
  return (rows ?? []).map((r) => ({ year: Number(r.year), month: Number(r.month), until: parseLocalDate(r.until), grantedAt: r.grantedAt }));
}

/** Each event type's instant, as the realisasi events carry it. */
const MOVE_AT = `COALESCE(e.data->>'submittedAt', e.data->>'approvedAt', e.data->>'returnedAt', e.data->>'openedAt', e.data->>'savedAt')`;

/**
 * The moves of the given report streams (`realisasi:<satker>:<year>:<MM>:<subbagian>`), oldest first,
 * by stream: what `deadlineOfReport` needs to tell whether a report was still owed at a dispensasi.
 * Read straight from the events, and only for the months that have a dispensasi (a few streams).
 */
export async function readReportMoves(
  query: (sql: string, params: unknown[]) => Promise<Array<{ stream_id: string; type: ReportMove['type']; at: string }>>,
  tenants: readonly string[], streams: readonly string[],
): Promise<Map<string, ReportMove[]>> {
  const moves = new Map<string, ReportMove[]>();
  if (streams.length === 0) return moves;
  const rows = await query(
    `SELECT e.stream_id, e.type, ${MOVE_AT} AS at FROM events e
      WHERE e.tenant_id = ANY($1::text[]) AND e.stream_id = ANY($2::text[]) ORDER BY e.stream_id, e.stream_version`,
    [tenants, streams],
  );
  for (const r of rows) (moves.get(r.stream_id) ?? moves.set(r.stream_id, []).get(r.stream_id)!).push({ type: r.type, at: r.at });
  return moves;
}
