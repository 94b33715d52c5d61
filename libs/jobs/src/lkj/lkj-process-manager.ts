import type { DataSource, EntityManager } from 'typeorm';
import {
  approvedVersionsOf, DEFAULT_RATING_SCALE, foldEvents, indonesianMonthYear, perjanjianKinerjaDecider, pkInForce, ratingScaleDecider,
  ratingScaleInForce, ratingScaleStreamId, subbagianOwingByMonth,
  type CommandMetadata, type LkjProduced, type LkjRequestReason, type LkjVersionState, type PkEvent, type RatingScale, type RatingScaleEvent,
  type RatingScaleSet, type RatingScaleState,
} from '@kinerja/domain';
import type { EventStore, GlobalEvent, RecordedEvent } from '@kinerja/event-store';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '@kinerja/event-store/event-row';
import { DEFAULT_TIME_ZONE } from '@kinerja/identity/identity.types';
import { subbagianNames } from '@kinerja/identity/subbagian/subbagian-names';
import type { Clock } from '@kinerja/platform';
import { tryLockProjection } from '@kinerja/projections';
import type { IntegrityAlertResolved } from '@kinerja/projections/audit-trail/integrity.events';
import { lkjReadsScalesAlike } from '@kinerja/reporting';
import { subbagianTitle } from '../reminders/messages/render-reminder';
import type { LkjIntent, LkjOutbox } from './lkj-outbox';
import { SYSTEM_ACTOR, systemMetadata, type LoadedLkj, type LkjStreams } from './lkj-stream';

export const LKJ_PROCESS_MANAGER = 'process-manager:lkj';

/** Is every monthly report of the year approved under the PK in force? Read from the manager's own tables. */
export async function isYearComplete(db: EntityManager | DataSource, satker: string, year: number): Promise<boolean> {
  const rows: Array<{ complete: boolean }> = await db.query(
    `SELECT (SELECT count(*) FROM lkj_pm_reports r
              WHERE r.satker_code = p.satker_code AND r.year = p.year
                AND lpad(r.month::text, 2, '0') || ':' || r.subbagian = ANY (p.obligations))
            = cardinality(p.obligations) AND cardinality(p.obligations) > 0 AS complete
       FROM lkj_pm_pk p WHERE p.satker_code = $1 AND p.year = $2`,
    [satker, year],
  );
  return rows[0]?.complete === true;
}

/**
 * Turns "all of year Y approved" into an LKj job. Follows the global log with a durable checkpoint;
 * each batch is one transaction holding its advisory lock, its memory (PK in force, reports
 * approved), the `LkjRequested` / `LkjMarkedStale` events it appends, the outbox rows and the new
 * checkpoint — so a crash loses nothing and repeats nothing. Enqueueing happens after commit; an
 * enqueue lost there is found in the outbox by the reconciliation.
 *
 * Rule: after a `RealisasiApproved` or `PkApproved`, if the year is complete, a new final version is
 * asked for — the first time because the last report was approved, later because a correction (a
 * revised report, a PK Perubahan, last year's capaian imported again) was approved, which also
 * marks the produced version stale. A `RatingScaleSet` does the same for each year of the office
 * whose produced, current final would read differently under the new scale (see `followScale`).
 * An `IntegrityAlertResolved` of a chain alert queues the office's versions not produced yet again:
 * their jobs were refused while the chain was damaged (LkjChainIntegrity).
 */
export class LkjProcessManager {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly streams: LkjStreams,
    private readonly outbox: LkjOutbox,
    private readonly clock: Clock,
  ) {}

  /** One batch. Returns how many events were read and the intents recorded (to enqueue after commit). */
  runBatch(limit = 1000): Promise<{ applied: number; intents: LkjIntent[]; locked: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryLockProjection(manager, LKJ_PROCESS_MANAGER))) return { applied: 0, intents: [], locked: false };
      const after = await this.store.loadCheckpoint(LKJ_PROCESS_MANAGER, manager);
      const { events, checkpoint } = await this.store.readAll({ after, limit }, manager);
      if (events.length === 0) return { applied: 0, intents: [], locked: true };
      const intents: LkjIntent[] = [];
      const lkjStreams = new Map<string, LoadedLkj>();
      for (const event of events) intents.push(...(await this.handle(event, manager, lkjStreams)));
      await this.store.saveCheckpoint(LKJ_PROCESS_MANAGER, checkpoint, manager);
      return { applied: events.length, intents, locked: true };
    });
  }

  /** One event of the log: the memory first, then what it asks of the office's LKj. */
  private async handle(event: GlobalEvent, manager: EntityManager, lkjStreams: Map<string, LoadedLkj>): Promise<LkjIntent[]> {
    const intents: LkjIntent[] = [];
    const year = await this.remember(event, manager);
    if (year !== null) intents.push(...(await this.decideYear(event, year, manager, lkjStreams)));
    else intents.push(...(await this.followScale(event, manager, lkjStreams)));
    // A version held while the office's chain was damaged (LkjChainIntegrity) is queued again once an alert is closed.
    if (event.type === 'IntegrityAlertResolved' && ((event.data as IntegrityAlertResolved['data']).subject ?? null) === null) {
      intents.push(...(await this.outbox.pendingOf(event.tenantId, manager)));
    }
    return intents;
  }

  /**
   * The LKj of `satker`'s `year` as it stands once this manager has handled everything the office
   * has committed: what a command must decide on when a correction approved a moment ago has to
   * count although the manager has not run yet (the Ketua's signature, LkjService.sign). It runs
   * this manager's own handling (`handle`: its memory, `decideYear`, `followScale`) of the office's
   * events after the checkpoint, in a savepoint of `manager`'s transaction, reads the stream and
   * rolls the savepoint back: nothing is kept, the manager handles them itself later (each office's
   * events depend only on that office's memory and streams, so handling them alone is what it will do).
   *
   * `loaded`: the stream as the caller read it in the same transaction, the answer when nothing is left to handle.
   * The caller's transaction must hold this manager's lock (`lockProjection`, so that its memory and
   * checkpoint stand still: taken first, as the manager does, so the two never wait on each other)
   * and the office (`EventStore.holdTenant`, so that no event of the office is in flight or commits
   * before the caller's own append does).
   */
  async foresee(satker: string, year: number, manager: EntityManager, loaded: LoadedLkj): Promise<LoadedLkj> {
    const after = await this.store.loadCheckpoint(LKJ_PROCESS_MANAGER, manager);
    const unhandled = await this.store.readTenantAfter(satker, after, manager);
    if (unhandled.length === 0) return loaded;
    await manager.query('SAVEPOINT lkj_foresee');
    try {
      const lkjStreams = new Map<string, LoadedLkj>();
      for (const event of unhandled) await this.handle(event, manager, lkjStreams);
      return await this.streams.load(satker, year, manager);
    } finally {
      await manager.query('ROLLBACK TO SAVEPOINT lkj_foresee');
      await manager.query('RELEASE SAVEPOINT lkj_foresee');
    }
  }

  /** Batches until the log is read to its end; the intents of every batch. */
  async catchUp(limit = 1000): Promise<LkjIntent[]> {
    const intents: LkjIntent[] = [];
    for (;;) {
      const batch = await this.runBatch(limit);
      intents.push(...batch.intents);
      if (batch.applied < limit) return intents;
    }
  }

  /**
   * Catches up until every event committed before the call is handled. `catchUp` alone may stop
   * early: the log is only delivered below the oldest transaction still open on the server (see
   * EventStore.readAll), so a long transaction elsewhere delays it. For the seed and the benchmark.
   */
  async catchUpThroughNow(timeoutMs = 120_000, limit = 1000): Promise<LkjIntent[]> {
    const [{ last }] = await this.dataSource.query(`SELECT coalesce(max(global_position), 0)::text AS last FROM events`);
    const deadline = Date.now() + timeoutMs;
    const intents: LkjIntent[] = [];
    for (;;) {
      intents.push(...(await this.catchUp(limit)));
      const checkpoint = await this.store.loadCheckpoint(LKJ_PROCESS_MANAGER);
      const [{ left }] = await this.dataSource.query(
        `SELECT count(*)::int AS left FROM events WHERE global_position <= $1::bigint AND (transaction_id, global_position) > ($2::xid8, $3::bigint)`,
        [last, checkpoint.txId, checkpoint.position],
      );
      if (left === 0) return intents;
      if (Date.now() > deadline) throw new Error(`LKj process manager: ${left} event(s) still not deliverable after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Updates the memory; returns the year of the office the event may complete, or null. */
  private async remember(event: GlobalEvent, manager: EntityManager): Promise<number | null> {
    if (event.type === 'RealisasiApproved') {
      const [, satker, year, month, subbagian] = event.streamId.split(':');
      await manager.query(
        `INSERT INTO lkj_pm_reports (satker_code, year, subbagian, month) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [satker, Number(year), subbagian, Number(month)],
      );
      return Number(year);
    }
    if (event.type === 'PkApproved') {
      const year = Number(event.streamId.split(':')[2]);
      const pkEvents = await this.store.readStream(event.streamId, { tenantId: event.tenantId, toVersion: event.streamVersion }, manager);
      const state = foldEvents(perjanjianKinerjaDecider, pkEvents as unknown as PkEvent[]);
      const pk = pkInForce(state);
      if (!pk) return null;
      // Who owes each month: the PICs of the version that month is reported under.
      const office: Array<{ time_zone: string }> = await manager.query(`SELECT time_zone FROM satker WHERE code = $1`, [event.tenantId]);
      const owing = subbagianOwingByMonth(approvedVersionsOf(state), year, office[0]?.time_zone ?? DEFAULT_TIME_ZONE);
      const obligations = owing.flatMap((subs, i) => subs.map((s) => `${String(i + 1).padStart(2, '0')}:${s}`));
      await manager.query(
        `INSERT INTO lkj_pm_pk (satker_code, year, pk_version, obligations) VALUES ($1, $2, $3, $4)
         ON CONFLICT (satker_code, year) DO UPDATE SET pk_version = EXCLUDED.pk_version, obligations = EXCLUDED.obligations`,
        [event.tenantId, year, pk.version, obligations],
      );
      return year;
    }
    // Last year's capaian changes the per-indicator comparison of an LKj already produced.
    if (event.type === 'CapaianTahunLaluImported') return Number(event.streamId.split(':')[2]);
    return null;
  }

  /**
   * A rating scale set after an LKj was produced: each year of the office whose produced, current
   * final would read differently under the new scale (`lkjReadsScalesAlike`: a category, Tabel 3.1)
   * is marked stale and asked for again; a year that would read the same is left alone. A final
   * still pending rates with the scale in force when its job reads the facts; a job that read them
   * before the scale was set records the label it rated with, and its `LkjProduced`, handled after
   * the `RatingScaleSet`, is checked here the same way. Drafts are left alone: a draft is a snapshot
   * asked for on demand and never goes stale; the next one rates with the scale in force.
   * The scale is read as of the event handled, never a later version.
   */
  private async followScale(event: GlobalEvent, manager: EntityManager, cache: Map<string, LoadedLkj>): Promise<LkjIntent[]> {
    const satker = event.tenantId;
    if (event.type === 'RatingScaleSet') {
      const events = await this.store.readStream(ratingScaleStreamId(satker), { tenantId: satker, toVersion: event.streamVersion }, manager);
      const scales = foldEvents(ratingScaleDecider, events as unknown as RatingScaleEvent[]);
      const now = ratingScaleInForce(scales);
      // A version produced before labels were recorded rated with the scale in force until now.
      const before = ratingScaleInForce({ versions: scales.versions.slice(0, -1) });
      const correction = (year: number): Correction => ({
        staleReason: staleReason(event), requestReason: 'RATING_SCALE_CHANGED', keyPart: String(year),
        changes: (v) => !lkjReadsScalesAlike(scaleNamed(scales, v.produced?.ratingScaleVersion) ?? before, now),
      });
      const intents: LkjIntent[] = [];
      for (const year of await this.yearsOf(satker, manager)) intents.push(...(await this.decideYear(event, year, manager, cache, correction(year))));
      return intents;
    }
    if (event.type === 'LkjProduced') {
      const data = event.data as LkjProduced['data'];
      if (data.draft || data.ratingScaleVersion === undefined) return [];
      const scales = foldEvents(ratingScaleDecider, (await this.ratingScaleEventsBefore(event, manager)) as unknown as RatingScaleEvent[]);
      const rated = scaleNamed(scales, data.ratingScaleVersion);
      const now = ratingScaleInForce(scales);
      if (rated === null || lkjReadsScalesAlike(rated, now)) return [];
      return this.decideYear(event, Number(event.streamId.split(':')[2]), manager, cache, {
        staleReason: `Skala penilaian capaian diubah menjadi versi ${scales.versions.length} saat LKj sedang dibuat.`,
        requestReason: 'RATING_SCALE_CHANGED',
        keyPart: 'scale',
        changes: (v) => v.version === data.version,
      });
    }
    return [];
  }

  /** The years of the office with an approved PK (the manager's memory): those that may have a final LKj. */
  private async yearsOf(satker: string, manager: EntityManager): Promise<number[]> {
    const rows: Array<{ year: number }> = await manager.query(`SELECT year FROM lkj_pm_pk WHERE satker_code = $1 ORDER BY year`, [satker]);
    return rows.map((r) => Number(r.year));
  }

  /** The office's `RatingScaleSet` events delivered to the manager before `event` (the global log's order). */
  private async ratingScaleEventsBefore(event: GlobalEvent, manager: EntityManager): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.tenant_id = $1 AND e.stream_id = $2 AND (e.transaction_id, e.global_position) < ($3::xid8, $4::bigint)
        ORDER BY e.stream_version`,
      [event.tenantId, ratingScaleStreamId(event.tenantId), event.checkpoint.txId, event.checkpoint.position],
    );
    return rows.map((row) => toRecordedEvent(row, this.store.upcasters));
  }

  private async decideYear(
    event: GlobalEvent, year: number, manager: EntityManager, cache: Map<string, LoadedLkj>, correction?: Correction,
  ): Promise<LkjIntent[]> {
    const satker = event.tenantId;
    if (!(await isYearComplete(manager, satker, year))) return [];
    const key = `${satker}:${year}`;
    let loaded = cache.get(key) ?? (await this.streams.load(satker, year, manager));
    const finals = loaded.state.versions.filter((v) => !v.draft);
    const hadFinal = finals.length > 0;
    // An import before the first final, or while one is still pending, is read by that final's job.
    if (event.type === 'CapaianTahunLaluImported' && (!hadFinal || finals[finals.length - 1].produced === null)) return [];
    if (correction) {
      // Only a produced, current final that would now read differently; anything else is already being redone.
      const newest = finals[finals.length - 1];
      if (!newest || newest.produced === null || newest.stale !== null || !correction.changes(newest)) return [];
    }
    const reason: LkjRequestReason = correction?.requestReason ?? (!hadFinal ? 'ALL_APPROVED'
      : event.type === 'CapaianTahunLaluImported' ? 'CAPAIAN_TAHUN_LALU_CHANGED' : 'REVISION_APPROVED');
    const metadata: CommandMetadata = { actor: SYSTEM_ACTOR, now: this.clock.now().toISOString() };
    // One event may correct several years: their keys differ by year.
    const meta = (step: string) => systemMetadata(
      satker, `lkj-pm:${event.eventId}:${correction ? `${correction.keyPart}:` : ''}${step}`, event.eventId, event.metadata.correlationId,
    );
    if (hadFinal) {
      const text = correction?.staleReason ?? (await staleReasonOf(event, manager));
      const staled = await this.streams.decide(loaded, { type: 'MarkLkjStale', data: { reason: text }, metadata }, meta('stale'), manager);
      loaded = staled.loaded;
    }
    const requested = await this.streams.decide(
      loaded,
      { type: 'RequestLkj', data: { satker, year, draft: false, reason, suggestions: null, yearComplete: true, pkApproved: true }, metadata },
      meta('request'),
      manager,
    );
    cache.set(key, requested.loaded);
    const intents: LkjIntent[] = [];
    for (const e of requested.events) {
      if (e.type === 'LkjRequested') intents.push(await this.outbox.record(manager, { satker, year, version: e.data.version, draft: false }, this.clock.now()));
    }
    return intents;
  }
}

/** A change after production that may or may not alter what the produced final shows. */
interface Correction {
  /** Why the produced version went stale, as its history shows it. */
  staleReason: string;
  requestReason: LkjRequestReason;
  /** Part of the idempotency keys, so that one event may correct several years. */
  keyPart: string;
  /** Would the produced, current final `v` read differently now? Nothing is appended otherwise. */
  changes: (v: LkjVersionState) => boolean;
}

/** The scale a label names (a label names one set of rows for good, see the rating scale decider), or null when unknown. */
function scaleNamed(state: RatingScaleState, label: string | undefined): RatingScale | null {
  if (label === undefined) return null;
  if (label === DEFAULT_RATING_SCALE.version) return DEFAULT_RATING_SCALE;
  const version = [...state.versions].reverse().find((v) => v.label === label);
  return version ? { version: version.label, rows: version.rows } : null;
}

/**
 * Why a produced LKj went stale, as its history shows it, the LKJ_STALE notice's "Sebab:" line and
 * the refusal to sign it (LKJ.VERSION_STALE) print it: one plain sentence, the subbagian by the name
 * the office gave it (`subbagianName`; its code when it has none).
 */
export function staleReason(event: GlobalEvent, subbagianName: string | null = null): string {
  if (event.type === 'PkApproved') return 'Perjanjian Kinerja Perubahan disetujui setelah LKj dibuat.';
  if (event.type === 'CapaianTahunLaluImported') return 'Capaian tahun lalu diimpor ulang setelah LKj dibuat.';
  if (event.type === 'RatingScaleSet') return `Skala penilaian capaian diubah menjadi versi ${(event.data as RatingScaleSet['data']).version} setelah LKj dibuat.`;
  const [, , year, month, subbagian] = event.streamId.split(':');
  return `Perbaikan laporan realisasi ${indonesianMonthYear(Number(year), Number(month))} ${subbagianTitle(subbagianName ?? subbagian)} disetujui setelah LKj dibuat.`;
}

/** `staleReason` with the subbagian's name read from the office's directory. */
async function staleReasonOf(event: GlobalEvent, manager: EntityManager): Promise<string> {
  if (event.type !== 'RealisasiApproved') return staleReason(event);
  const [, satker, , , subbagian] = event.streamId.split(':');
  return staleReason(event, (await subbagianNames(manager, satker)).get(subbagian) ?? null);
}
