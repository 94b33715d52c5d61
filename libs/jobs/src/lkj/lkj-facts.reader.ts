import type { DataSource } from 'typeorm';
import {
  approvedRealisasiOf, approvedVersionsOf, capaianTahunLaluStreamId, computeKinerja, foldCapaianTahunLalu, foldEvents, lkjNoApprovedPk,
  perjanjianKinerjaDecider, pkForKinerja, pkInForce, pkStreamId, ratingScaleDecider, ratingScaleInForce, ratingScaleStreamId, realisasiDecider,
  realisasiStreamId, subbagianOwingByMonth, subbagianReportingInYear, type ApprovedRealisasi, type CapaianTahunLaluImported, type KinerjaTable, type PkEvent, type PkState,
  type PkVersionInForce, type RatingScale, type RatingScaleEvent, type RealisasiEvent,
  type RealisasiState,
} from '@kinerja/domain';
import type { EventStore, RecordedEvent } from '@kinerja/event-store';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '@kinerja/event-store/event-row';
import { collectIndicatorNotes, type LkjInput, type PendingReportInput, type PendingReportStatus } from '@kinerja/reporting';
import { approvalHistory } from './lkj-approval-history';
import { localDate, readOfficeFacts } from './lkj-office-profile';
import { nextDailyDigestAt } from './next-digest';

export interface LkjRequestFacts {
  version: number;
  draft: boolean;
  suggestions: string[];
  producedAt: Date;
}

interface YearFacts {
  pk: PkVersionInForce;
  pkState: PkState;
  pkEvents: RecordedEvent[];
  realisasiEvents: RecordedEvent[];
  approved: ApprovedRealisasi[];
  /** Every report stream of the year read, by month and subbagian, folded. */
  reports: Array<{ month: number; subbagian: string; state: RealisasiState }>;
}

/**
 * Everything the LKj of one office and year is made of, read from the log and the read models:
 * the PK in force, Tabel 3.2 computed exactly as `GET …/kinerja/{year}` computes it (with the office's
 * rating scale; a draft to date through month M against the version M was reported under), the Kasubbag's notes, last year's capaian (from Kinerja, else imported), the approval
 * history, chain head and the latest signed digest.
 */
export class LkjFactsReader {
  constructor(private readonly dataSource: DataSource, private readonly store: EventStore) {}

  async read(satker: string, year: number, request: LkjRequestFacts): Promise<LkjInput> {
    const current = await this.year(satker, year);
    if (!current) {
      throw lkjNoApprovedPk(satker, year); // refused when requested (lkj.decider.ts); a safety net here
    }
    const office = await readOfficeFacts(this.dataSource, satker);
    const lastMonth = Math.max(0, ...current.approved.map((r) => r.month));
    // A draft runs to the last approved month; before any is approved it has no month to name.
    const noMonthApproved = request.draft && lastMonth === 0;
    const month = request.draft && lastMonth >= 1 && lastMonth < 12 ? lastMonth : null;
    const ratingScale = await this.ratingScale(satker);
    // A draft to date follows the version its last month was reported under, as `GET …/kinerja/{year}?month=M` does.
    const kinerjaPk = pkForKinerja(current.pkState, month, office.profile.timeZone) ?? current.pk;
    const kinerja = computeKinerja(kinerjaPk, current.approved, { month, ratingScale });
    const pendingReports = request.draft && !noMonthApproved ? pendingThrough(current, year, month ?? 12, office.profile.timeZone) : [];
    const previous = await this.previousCapaian(satker, year);
    const notes = new Map(collectIndicatorNotes(current.approved).map((n) => [n.indicatorCode, n]));
    const indicatorCodes = kinerja.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => i.code)));
    return {
      year,
      version: request.version,
      draft: request.draft,
      producedAt: request.producedAt.toISOString(),
      office: office.profile,
      signing: { place: office.place, date: localDate(request.producedAt, office.profile.timeZone) },
      pk: current.pk,
      ...(kinerjaPk.version !== current.pk.version ? { kinerjaPk } : {}),
      pkSignedOn: localDate(new Date(current.pk.approvedAt), office.profile.timeZone),
      kinerja,
      ...(noMonthApproved ? { noMonthApproved } : {}),
      ...(pendingReports.length > 0 ? { pendingReports } : {}),
      ratingScale,
      indicatorNotes: indicatorCodes.map((code) => ({
        indicatorCode: code,
        narratives: notes.get(code)?.narratives ?? [],
        kendala: notes.get(code)?.kendala ?? [],
        kendalaNoneSaid: notes.get(code)?.kendalaNoneSaid ?? false,
        solusi: notes.get(code)?.solusi ?? [],
        capaianPrevYear: previous.get(code) ?? null,
      })),
      suggestions: request.suggestions,
      approvals: approvalHistory([...current.pkEvents, ...current.realisasiEvents], year, office.names, office.unitNames),
      audit: await this.audit(satker, request.producedAt),
    };
  }

  /** Tabel 3.2 of a year as the API serves it, or null without an approved PK. */
  async kinerja(satker: string, year: number): Promise<KinerjaTable | null> {
    const facts = await this.year(satker, year);
    return facts ? computeKinerja(facts.pk, facts.approved, { month: null, ratingScale: await this.ratingScale(satker) }) : null;
  }

  /** The office's rating scale in force (Tabel 3.1 of the reference when it has set none). */
  private async ratingScale(satker: string): Promise<RatingScale> {
    const events = await this.store.readStream(ratingScaleStreamId(satker), { tenantId: satker });
    return ratingScaleInForce(foldEvents(ratingScaleDecider, events as unknown as RatingScaleEvent[]));
  }

  private async year(satker: string, year: number): Promise<YearFacts | null> {
    const pkEvents = await this.store.readStream(pkStreamId(satker, year), { tenantId: satker });
    const pkState = foldEvents(perjanjianKinerjaDecider, pkEvents as unknown as PkEvent[]);
    const pk = pkInForce(pkState);
    if (!pk) return null;
    const keys: Array<{ month: number; subbagian: string }> = [];
    for (let month = 1; month <= 12; month++) {
      for (const subbagian of subbagianReportingInYear(pkState)) keys.push({ month, subbagian });
    }
    const streams = await this.readStreams(satker, keys.map((k) => realisasiStreamId(satker, year, k.month, k.subbagian)));
    const reports = streams.map((events, n) => ({ ...keys[n], state: foldEvents(realisasiDecider, events as unknown as RealisasiEvent[]) }));
    const approved = reports.map((r) => approvedRealisasiOf(r.state)).filter((r): r is ApprovedRealisasi => r !== null);
    return { pk, pkState, pkEvents, realisasiEvents: streams.flat(), approved, reports };
  }

  /** Many streams of one office in one query (the year's 48 reports), each in version order. */
  private async readStreams(satker: string, ids: string[]): Promise<RecordedEvent[][]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.tenant_id = $1 AND e.stream_id = ANY($2::text[]) ORDER BY e.stream_id, e.stream_version`,
      [satker, ids],
    );
    const byStream = new Map<string, RecordedEvent[]>(ids.map((id) => [id, []]));
    for (const row of rows) byStream.get(row.stream_id)?.push(toRecordedEvent(row, this.store.upcasters));
    return ids.map((id) => byStream.get(id)!);
  }

  private async previousCapaian(satker: string, year: number): Promise<Map<string, string>> {
    const previous = await this.kinerja(satker, year - 1);
    if (previous) {
      const rows = previous.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators));
      return new Map(rows.filter((r) => r.capaian !== null).map((r) => [r.code, r.capaian as string]));
    }
    const imported = await this.store.readStream(capaianTahunLaluStreamId(satker, year), { tenantId: satker });
    return foldCapaianTahunLalu(imported as unknown as CapaianTahunLaluImported[]);
  }

  /** The chain head now, the latest signed digest, and when the next one (the first to cover this head) is due. */
  private async audit(satker: string, producedAt: Date): Promise<LkjInput['audit']> {
    const head = await this.store.headOf(satker);
    const digests: Array<{ day: string; hash: string; event_count: string }> = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, hash, event_count FROM chain_digests WHERE satker_code = $1 ORDER BY day DESC LIMIT 1`,
      [satker],
    );
    const digest = digests[0];
    return {
      chainHead: { sequence: String(head.sequence), hash: head.hash },
      digest: digest ? { algorithm: `Ed25519, digest harian ${digest.day}`, value: digest.hash, eventCount: Number(digest.event_count) } : null,
      nextDigestAt: nextDailyDigestAt(producedAt).toISOString(),
    };
  }
}

/**
 * The reports owed through `month` (by the subbagian PIC under the PK version of each month, as the
 * reminders count them) whose figures a draft does not hold as now written: never submitted or still
 * a draft, waiting for approval, returned, or approved and being revised.
 */
function pendingThrough(facts: YearFacts, year: number, month: number, timeZone: string): PendingReportInput[] {
  const owing = subbagianOwingByMonth(approvedVersionsOf(facts.pkState), year, timeZone);
  const stateOf = new Map(facts.reports.map((r) => [`${r.month}:${r.subbagian}`, r.state]));
  const pending: PendingReportInput[] = [];
  for (let m = 1; m <= month; m++) {
    for (const subbagian of owing[m - 1]) {
      const status = pendingStatusOf(stateOf.get(`${m}:${subbagian}`));
      if (status !== null) pending.push({ month: m, subbagian, status });
    }
  }
  return pending;
}

function pendingStatusOf(state: RealisasiState | undefined): PendingReportStatus | null {
  if (state === undefined || state.status === 'EMPTY') return 'NOT_SUBMITTED';
  if (state.status === 'APPROVED') return null;
  if (state.approved !== null) return 'REVISING';
  if (state.status === 'SUBMITTED') return 'SUBMITTED';
  return state.status === 'RETURNED' ? 'RETURNED' : 'NOT_SUBMITTED';
}
