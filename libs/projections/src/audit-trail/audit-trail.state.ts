import type { ActorInfo, IndicatorInfo, ReportLines } from './audit-trail.types';

/**
 * What the audit trail needs to remember between events to write them in words: the names of
 * users (from identity events, so a rebuild names people as they were called then), the indicators
 * of each PK year, the last saved values of each report (the "before" of the next change), and
 * what a describer remembers about a stream between its events (`recall`/`remember`: the last PK
 * structure, the fields of users and offices, the opening of a review note …).
 * Loaded per batch from the projection's own tables, changed in memory, written back with the rows.
 */
export class AuditTrailState {
  readonly actors = new Map<string, ActorInfo>();
  /** key: `${satker}|${year}` → indicator code → info. */
  readonly indicators = new Map<string, Map<string, IndicatorInfo>>();
  /** key: `${satker}|${streamId}`. */
  readonly reports = new Map<string, ReportLines>();

  readonly dirtyActors = new Set<string>();
  readonly dirtyIndicatorYears = new Set<string>();
  readonly dirtyReports = new Set<string>();

  actor(userId: string): ActorInfo | null {
    return this.actors.get(userId) ?? null;
  }

  setActor(userId: string, info: ActorInfo): void {
    this.actors.set(userId, info);
    this.dirtyActors.add(userId);
  }

  indicatorsOf(satker: string, year: number): Map<string, IndicatorInfo> {
    return this.indicators.get(yearKey(satker, year)) ?? new Map();
  }

  indicator(satker: string, year: number, code: string): IndicatorInfo | null {
    return this.indicatorsOf(satker, year).get(code) ?? null;
  }

  setIndicators(satker: string, year: number, indicators: Map<string, IndicatorInfo>): void {
    this.indicators.set(yearKey(satker, year), indicators);
    this.dirtyIndicatorYears.add(yearKey(satker, year));
  }

  reportLines(satker: string, streamId: string): ReportLines | null {
    return this.reports.get(reportKey(satker, streamId)) ?? null;
  }

  setReportLines(satker: string, streamId: string, lines: ReportLines): void {
    this.reports.set(reportKey(satker, streamId), lines);
    this.dirtyReports.add(reportKey(satker, streamId));
  }

  /** What was remembered under `name` about a stream (null: nothing yet). */
  recall<T>(satker: string, streamId: string, name: string): T | null {
    const stored = this.reportLines(satker, streamId)?.[memoKey(name)];
    return typeof stored === 'string' ? (JSON.parse(stored) as T) : null;
  }

  /**
   * Keeps `value` about a stream for its later events, as JSON text under `__<name>` in the
   * stream's slot, beside whatever else is kept there. A report's slot is its lines (every other
   * key an indicator): its describer keeps what it remembers there apart from the lines itself.
   */
  remember(satker: string, streamId: string, name: string, value: unknown): void {
    const lines = this.reportLines(satker, streamId) ?? {};
    this.setReportLines(satker, streamId, { ...lines, [memoKey(name)]: JSON.stringify(value) });
  }

  clearDirty(): void {
    this.dirtyActors.clear();
    this.dirtyIndicatorYears.clear();
    this.dirtyReports.clear();
  }
}

function memoKey(name: string): string {
  return `__${name}`;
}

export function yearKey(satker: string, year: number): string {
  return `${satker}|${year}`;
}

export function reportKey(satker: string, streamId: string): string {
  return `${satker}|${streamId}`;
}

export function splitKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}
