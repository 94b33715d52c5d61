import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kinerja/domain/shared/domain-error';
import type { AuditChange } from './audit-trail.types';
import { DESCRIBED_EVENT_TYPES } from './describe-event';

/**
 * The event types the `type` filter takes: every type Kinerja records (a spec holds the list
 * against every event union of the code base). Any other name can never match a row.
 */
export const AUDIT_EVENT_TYPES: readonly string[] = [...DESCRIBED_EVENT_TYPES];

export interface AuditTrailFilter {
  satker: string;
  /** Recorded at or after (inclusive) / before (exclusive). */
  from?: Date;
  to?: Date;
  year?: number;
  month?: number;
  subbagian?: string;
  indicator?: string;
  /** A user id or a username. */
  actor?: string;
  role?: string;
  eventTypes?: string[];
}

/** The same filters over several offices (an Inspektorat's scope); no office filter of its own. */
export type AuditTrailCriteria = Omit<AuditTrailFilter, 'satker'>;

export interface AuditTrailAcrossFilter extends AuditTrailCriteria {
  /** The offices to read, already checked against the reader's scope. */
  satkers: string[];
}

export interface AuditTrailItem {
  /** The office whose chain holds the event. */
  satker: string;
  sequence: number;
  eventId: string;
  /** When it was recorded in the chain (UTC). */
  recordedAt: string;
  /**
   * When the event says it happened (its `approvedAt`, `submittedAt` …; UTC), null when it states
   * none. Seconds from `recordedAt` for what was done through Kinerja; far earlier for history that
   * seed:demo loaded on its people's behalf (`actor.loadedBy`).
   */
  occurredAt: string | null;
  eventType: string;
  /** `loadedBy`: the program that recorded the event on the person's behalf (`seed:demo`); null when the person did. */
  actor: { id: string; name: string | null; username: string | null; role: string; loadedBy: string | null };
  subject: { kind: string; streamId: string; year: number | null; month: number | null; subbagian: string | null; pkVersion: number | null; reportRevision: number | null };
  summary: string;
  changes: AuditChange[];
  reason: string | null;
  correlationId: string | null;
  chain: { sequence: number; previousHash: string; hash: string };
  /** Only in the history of one figure: the value of that figure before and after the event. */
  figure?: { field: string; before: string | null; after: string | null } | null;
}

export interface AuditPage {
  items: AuditTrailItem[];
  /** Opaque: pass back as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

type Order = 'asc' | 'desc';

/**
 * A cursor belongs to the listing that issued it: the route (one office's trail, or across
 * offices), the office or offices, every filter and the order. It carries a digest of them
 * (`l`), checked on use, so that a cursor taken to another office, other filters or the other
 * order is refused (400 AUDIT.INVALID_CURSOR) instead of silently starting at its position in
 * a list it was never part of.
 */
export function listingOf(route: 'office' | 'across', offices: readonly string[], criteria: AuditTrailCriteria, order: Order): string {
  const canonical = JSON.stringify([
    route, [...new Set(offices)].sort(), order,
    criteria.from?.toISOString() ?? null, criteria.to?.toISOString() ?? null, criteria.year ?? null, criteria.month ?? null,
    criteria.subbagian ?? null, criteria.indicator ?? null, criteria.actor ?? null, criteria.role ?? null,
    criteria.eventTypes ? [...new Set(criteria.eventTypes)].sort() : null,
  ]);
  // 96 bits tell listings apart; longer would push the cursor of a 64-character office code past
  // the 200 characters the routes take (`cursor` in audit.dto.ts).
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

const invalidCursor = (why: string) =>
  new DomainError('AUDIT.INVALID_CURSOR', `Kursor halaman tidak valid: ${why}; mulai lagi dari halaman pertama.`, 'validation');

const NOT_ISSUED = 'bukan nextCursor yang diberikan rute ini (rusak atau terpotong)';
const OTHER_LISTING = 'kursor ini milik daftar lain (satker, filter, atau urutan yang berbeda); kirim kursor bersama parameter yang sama dengan halaman sebelumnya';

/**
 * The order of the page a cursor continues: the one it was issued for. `order` when asked must be
 * that one; left out, the cursor's order holds.
 */
function orderOfCursor(cursorOrder: Order, asked: Order | undefined): Order {
  if (asked !== undefined && asked !== cursorOrder) throw invalidCursor(OTHER_LISTING);
  return cursorOrder;
}

export function encodeCursor(sequence: number, order: Order, listing: string): string {
  return Buffer.from(JSON.stringify({ s: sequence, o: order, l: listing })).toString('base64url');
}

/** The position a cursor of one office's trail holds; refused unless it is one this route issued. */
export function decodeCursor(cursor: string): { sequence: number; order: Order; listing: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Number.isSafeInteger(parsed.s) && (parsed.o === 'asc' || parsed.o === 'desc') && typeof parsed.l === 'string') {
      return { sequence: parsed.s, order: parsed.o, listing: parsed.l };
    }
  } catch {
    // falls through to the refusal
  }
  throw invalidCursor(NOT_ISSUED);
}

function whereOf(filter: AuditTrailFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.satker];
  const clauses = ['a.satker_code = $1', ...criteriaClauses(filter, params, '$1')];
  return { sql: clauses.join(' AND '), params };
}

/**
 * The filters other than the office, as SQL over `audit_trail a`, their values pushed onto `params`.
 * `office` is the office as the query knows it outside the row (`$1`, or the lateral `o.code`): the
 * reports carrying an indicator are then looked up once per office and hashed, not once per row.
 */
function criteriaClauses(filter: AuditTrailCriteria, params: unknown[], office: string): string[] {
  const clauses: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => clauses.push(sql(params.push(value)));
  if (filter.from) add((n) => `a.recorded_at >= $${n}`, filter.from);
  if (filter.to) add((n) => `a.recorded_at < $${n}`, filter.to);
  if (filter.year !== undefined) add((n) => `a.year = $${n}`, filter.year);
  if (filter.month !== undefined) add((n) => `a.month = $${n}`, filter.month);
  if (filter.subbagian) add((n) => `a.subbagian_code = $${n}`, filter.subbagian);
  if (filter.role) add((n) => `a.actor_role = $${n}`, filter.role);
  if (filter.actor) add((n) => `(a.actor_id = $${n} OR a.actor_username = $${n})`, filter.actor);
  if (filter.eventTypes?.length) add((n) => `a.event_type = ANY($${n}::text[])`, filter.eventTypes);
  if (filter.indicator) {
    // Events on the indicator's figures, and every event of the reports that carry it.
    add((n) => `(EXISTS (SELECT 1 FROM audit_trail_figure f WHERE f.satker_code = a.satker_code
                   AND f.indicator_code = $${n} AND f.tenant_sequence = a.tenant_sequence)
             OR a.stream_id IN (SELECT f.stream_id FROM audit_trail_figure f
                   WHERE f.satker_code = ${office} AND f.indicator_code = $${n} AND f.field = 'realisasi'))`, filter.indicator);
  }
  return clauses;
}

/**
 * Across offices the trail is in order of time recorded, then office, then chain sequence; the
 * cursor carries all three. Each office's chain keeps its own order within it (recordedAt never
 * goes back along a chain), so one office's events still read in chain order.
 */
interface AcrossCursor {
  recordedAt: string;
  satker: string;
  sequence: number;
  order: Order;
  /** The listing it belongs to (`listingOf`). */
  listing: string;
}

function isInstant(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}

export function encodeAcrossCursor(cursor: AcrossCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.recordedAt, k: cursor.satker, s: cursor.sequence, o: cursor.order, l: cursor.listing })).toString('base64url');
}

export function decodeAcrossCursor(cursor: string): AcrossCursor {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Only the exact form this code writes: any other text could be a date to JavaScript and not to PostgreSQL.
    if (typeof p.t === 'string' && isInstant(p.t) && typeof p.k === 'string' && Number.isSafeInteger(p.s) && (p.o === 'asc' || p.o === 'desc')
      && typeof p.l === 'string') {
      return { recordedAt: p.t, satker: p.k, sequence: p.s, order: p.o, listing: p.l };
    }
  } catch {
    // falls through to the refusal
  }
  throw invalidCursor(NOT_ISSUED);
}

const COLUMNS = `a.satker_code, a.tenant_sequence, a.event_id, a.recorded_at, a.occurred_at, a.event_type, a.actor_id, a.actor_name, a.actor_username,
  a.actor_role, a.loaded_by, a.subject_kind, a.stream_id, a.year, a.month, a.subbagian_code, a.pk_version, a.report_revision,
  a.summary, a.changes, a.reason, a.correlation_id, a.previous_hash, a.hash`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toItem(r: any): AuditTrailItem {
  const item: AuditTrailItem = {
    satker: r.satker_code,
    sequence: Number(r.tenant_sequence),
    eventId: r.event_id,
    recordedAt: new Date(r.recorded_at).toISOString(),
    occurredAt: r.occurred_at === null ? null : new Date(r.occurred_at).toISOString(),
    eventType: r.event_type,
    actor: { id: r.actor_id, name: r.actor_name, username: r.actor_username, role: r.actor_role, loadedBy: r.loaded_by },
    subject: {
      kind: r.subject_kind, streamId: r.stream_id, year: r.year, month: r.month, subbagian: r.subbagian_code,
      pkVersion: r.pk_version, reportRevision: r.report_revision,
    },
    summary: r.summary,
    changes: r.changes,
    reason: r.reason,
    correlationId: r.correlation_id,
    chain: { sequence: Number(r.tenant_sequence), previousHash: r.previous_hash, hash: r.hash },
  };
  if ('figure_field' in r) {
    item.figure = r.figure_field === null ? null : { field: r.figure_field, before: r.value_before, after: r.value_after };
  }
  return item;
}

/** A page size within 1–500 (50 when not given). */
function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 50, 1), 500);
}

/** `limit + 1` rows read: the extra one only says whether a next page exists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function pageOf(rows: any[], limit: number, cursorAfter: (last: AuditTrailItem) => string): AuditPage {
  const items = rows.slice(0, limit).map(toItem);
  return { items, nextCursor: rows.length > limit ? cursorAfter(items[items.length - 1]) : null };
}

/** Every item of every page, following the cursors. */
async function* everyPage(read: (cursor: string | undefined) => Promise<AuditPage>): AsyncGenerator<AuditTrailItem> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The Inspektorat's reads of the audit trail. Reads are not events: nothing here is logged to the chain. */
export class AuditTrailQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The IANA time zone of each office named (from the `satker` table), for telling an instant as
   * the office's clock showed it; an office without a row is left out.
   */
  async timeZonesOf(satkers: readonly string[]): Promise<Map<string, string>> {
    if (satkers.length === 0) return new Map();
    const rows: Array<{ code: string; time_zone: string }> = await this.dataSource.query(
      `SELECT code, time_zone FROM satker WHERE code = ANY($1::text[])`,
      [[...new Set(satkers)]],
    );
    return new Map(rows.map((r) => [r.code, r.time_zone]));
  }

  async page(filter: AuditTrailFilter, options: { cursor?: string; limit?: number; order?: Order } = {}): Promise<AuditPage> {
    const limit = pageLimit(options.limit);
    // An empty `cursor=` is a cursor too, and not one this route issued.
    const after = options.cursor !== undefined ? decodeCursor(options.cursor) : null;
    const order: Order = after ? orderOfCursor(after.order, options.order) : options.order ?? 'asc';
    const { satker, ...criteria } = filter;
    const listing = listingOf('office', [satker], criteria, order);
    if (after && after.listing !== listing) throw invalidCursor(OTHER_LISTING);
    const { sql, params } = whereOf(filter);
    let where = sql;
    if (after) where += ` AND a.tenant_sequence ${order === 'asc' ? '>' : '<'} $${params.push(after.sequence)}`;
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_trail a WHERE ${where} ORDER BY a.tenant_sequence ${order} LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return pageOf(rows, limit, (last) => encodeCursor(last.sequence, order, listing));
  }

  /** Every matching row in chain order, a page at a time, for streamed exports. */
  all(filter: AuditTrailFilter, batch = 1000): AsyncGenerator<AuditTrailItem> {
    return everyPage((cursor) => this.page(filter, { cursor, limit: batch, order: 'asc' }));
  }

  /**
   * The trail of several offices in one list (an Inspektorat reviewing the offices under it), in
   * order of time recorded. Each office contributes at most one page through its own time index,
   * so the cost grows with the number of offices, not with the size of their trails.
   */
  async pageAcross(filter: AuditTrailAcrossFilter, options: { cursor?: string; limit?: number; order?: Order } = {}): Promise<AuditPage> {
    const limit = pageLimit(options.limit);
    const after = options.cursor !== undefined ? decodeAcrossCursor(options.cursor) : null;
    const order: Order = after ? orderOfCursor(after.order, options.order) : options.order ?? 'asc';
    const { satkers: offices, ...criteria } = filter;
    const listing = listingOf('across', offices, criteria, order);
    if (after && after.listing !== listing) throw invalidCursor(OTHER_LISTING);
    const satkers = [...new Set(filter.satkers)];
    if (satkers.length === 0) return { items: [], nextCursor: null };
    const params: unknown[] = [satkers];
    const clauses = ['a.satker_code = o.code', ...criteriaClauses(filter, params, 'o.code')];
    if (after) {
      const cmp = order === 'asc' ? '>' : '<';
      const t = params.push(after.recordedAt);
      const k = params.push(after.satker);
      const s = params.push(after.sequence);
      clauses.push(`a.recorded_at ${cmp}= $${t}::timestamptz
        AND (a.recorded_at ${cmp} $${t}::timestamptz OR a.satker_code ${cmp} $${k} OR (a.satker_code = $${k} AND a.tenant_sequence ${cmp} $${s}))`);
    }
    const n = params.push(limit + 1);
    const rows = await this.dataSource.query(
      `SELECT x.* FROM unnest($1::text[]) AS o (code)
        CROSS JOIN LATERAL (
          SELECT ${COLUMNS} FROM audit_trail a WHERE ${clauses.join(' AND ')}
           ORDER BY a.recorded_at ${order}, a.tenant_sequence ${order} LIMIT $${n}
        ) x
        ORDER BY x.recorded_at ${order}, x.satker_code ${order}, x.tenant_sequence ${order} LIMIT $${n}`,
      params,
    );
    return pageOf(rows, limit, (last) => encodeAcrossCursor({ recordedAt: last.recordedAt, satker: last.satker, sequence: last.sequence, order, listing }));
  }

  /** Every matching row of several offices in time order, a page at a time, for streamed exports. */
  allAcross(filter: AuditTrailAcrossFilter, batch = 1000): AsyncGenerator<AuditTrailItem> {
    return everyPage((cursor) => this.pageAcross(filter, { cursor, limit: batch, order: 'asc' }));
  }

  /**
   * The complete history of one figure (office, year, month, indicator): the PK targets of the
   * year, every event of the reports that carried it, the notes written on it, with the value of
   * that figure before and after each event.
   */
  async figureHistory(satker: string, year: number, month: number, indicator: string): Promise<AuditTrailItem[]> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS}, f.field AS figure_field, f.value_before, f.value_after
         FROM audit_trail a
         LEFT JOIN audit_trail_figure f
           ON f.satker_code = a.satker_code AND f.indicator_code = $4 AND f.year = $2
          AND f.month IN ($3, 0) AND f.tenant_sequence = a.tenant_sequence
        WHERE a.satker_code = $1
          AND (f.tenant_sequence IS NOT NULL
               OR a.stream_id IN (SELECT s.stream_id FROM audit_trail_figure s
                                   WHERE s.satker_code = $1 AND s.indicator_code = $4 AND s.year = $2 AND s.month = $3))
        ORDER BY a.tenant_sequence`,
      [satker, year, month, indicator],
    );
    return rows.map(toItem);
  }
}
