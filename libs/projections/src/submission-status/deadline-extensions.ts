import { parseLocalDate, reportDeadlinesStreamId, type DeadlineExtension } from '@kinerja/domain';

/**
 * A select-list expression: the dispensasi of the office whose code is `<alias>.code`, in the order
 * granted, as a JSON array (null when none), read straight from its stream `report-deadlines:<satker>`
 * (a handful of events, one index lookup per office; always current, unlike a read model). The event
 * is at schema version 1; when it gains an upcaster this must read through the event store instead.
 */
export function deadlineExtensionsSql(alias: string): string {
  const stream = reportDeadlinesStreamId('');
  return `(SELECT json_agg(json_build_object('year', (e.data->>'year')::int, 'month', (e.data->>'month')::int, 'until', e.data->>'until')
                   ORDER BY e.stream_version)
             FROM events e WHERE e.tenant_id = ${alias}.code AND e.stream_id = '${stream}' || ${alias}.code AND e.type = 'ReportDeadlineExtended')`;
}

/** The dispensasi read by `deadlineExtensionsSql`. */
export function toDeadlineExtensions(raw: unknown): DeadlineExtension[] {
  const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ year: number; month: number; until: string }> | null;
  return (rows ?? []).map((r) => ({ year: Number(r.year), month: Number(r.month), until: parseLocalDate(r.until) }));
}
