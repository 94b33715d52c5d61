import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  foldEvents, perjanjianKinerjaDecider, pkInForce, pkStreamId, realisasiDecider, realisasiStreamId,
  type Actor, type Decider, type PkStructure, type PkVersionInForce, type RealisasiContent,
} from '@kinerja/domain';
import type { EventStore, NewEvent } from '@kinerja/event-store';

/**
 * Drives an office's year through the real deciders and event store (no HTTP): PK drafted,
 * submitted and approved; monthly reports submitted and approved; corrections. For the LKj tests
 * and the benchmark. Users are fixed ids per role; times are just after each month ends.
 */
export class YearDriver {
  readonly sekretaris: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'SEKRETARIS', subbagian: null };
  readonly ketua: Actor = { userId: '00000000-0000-4000-8000-000000000002', role: 'KETUA', subbagian: null };

  constructor(private readonly dataSource: DataSource, private readonly store: EventStore, readonly satker: string) {}

  kasubbag(subbagian: string): Actor {
    return { userId: `00000000-0000-4000-9000-${subbagian.toLowerCase().padEnd(12, '0').slice(0, 12).replace(/[^0-9a-f]/g, '0')}`, role: 'KASUBBAG', subbagian };
  }

  /** The office, its subbagian and one user per role, straight into the identity tables. */
  async createOffice(name: string, subbagian: Array<{ code: string; name: string }>, timeZone = 'Asia/Jakarta'): Promise<void> {
    const now = new Date('2024-01-01T00:00:00Z');
    await this.dataSource.query(
      `INSERT INTO satker (code, name, time_zone, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING`,
      [this.satker, name, timeZone, now],
    );
    for (const s of subbagian) {
      await this.dataSource.query(
        `INSERT INTO subbagian (satker_code, code, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT DO NOTHING`,
        [this.satker, s.code, s.name, now],
      );
    }
  }

  async approvePk(year: number, structure: PkStructure, at = `${year}-01-15T02:00:00.000Z`): Promise<PkVersionInForce> {
    const stream = pkStreamId(this.satker, year);
    const subbagianCodes = [...new Set(structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => i.picSubbagian))))];
    const state = await this.load(stream, perjanjianKinerjaDecider);
    if (state.status === 'EMPTY') {
      await this.run(stream, perjanjianKinerjaDecider, { type: 'DraftPk', data: { satker: this.satker, year, structure, subbagianCodes }, metadata: { actor: this.sekretaris, now: at } });
    }
    await this.run(stream, perjanjianKinerjaDecider, { type: 'SubmitPk', data: {}, metadata: { actor: this.sekretaris, now: at } });
    await this.run(stream, perjanjianKinerjaDecider, { type: 'ApprovePk', data: {}, metadata: { actor: this.ketua, now: at } });
    return pkInForce(await this.load(stream, perjanjianKinerjaDecider))!;
  }

  /** PK Perubahan: a revision opened with a reason, its indicators changed to `structure` when given, submitted and approved. */
  async revisePk(year: number, reason: string, at = `${year + 1}-02-01T02:00:00.000Z`, structure?: PkStructure): Promise<PkVersionInForce> {
    const stream = pkStreamId(this.satker, year);
    await this.run(stream, perjanjianKinerjaDecider, { type: 'OpenPkRevision', data: { reason }, metadata: { actor: this.sekretaris, now: at } });
    if (structure) {
      const subbagianCodes = [...new Set(structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators.map((i) => i.picSubbagian))))];
      await this.run(stream, perjanjianKinerjaDecider, { type: 'ChangePkIndicators', data: { structure, subbagianCodes }, metadata: { actor: this.sekretaris, now: at } });
    }
    await this.run(stream, perjanjianKinerjaDecider, { type: 'SubmitPk', data: {}, metadata: { actor: this.sekretaris, now: at } });
    await this.run(stream, perjanjianKinerjaDecider, { type: 'ApprovePk', data: {}, metadata: { actor: this.ketua, now: at } });
    return (await this.pkInForce(year))!;
  }

  async pkInForce(year: number): Promise<PkVersionInForce | null> {
    return pkInForce(await this.load(pkStreamId(this.satker, year), perjanjianKinerjaDecider));
  }

  /** Submits and approves one monthly report with `content`. */
  async approveReport(pk: PkVersionInForce, month: number, subbagian: string, content: RealisasiContent): Promise<void> {
    const key = { satker: this.satker, year: pk.year, month, subbagian };
    const stream = realisasiStreamId(this.satker, pk.year, month, subbagian);
    const now = afterMonth(pk.year, month);
    const context = { pkInForce: pk, timezone: 'Asia/Jakarta' };
    await this.run(stream, realisasiDecider, { type: 'SubmitRealisasi', data: { key, content, context }, metadata: { actor: this.kasubbag(subbagian), now } });
    await this.run(stream, realisasiDecider, { type: 'ApproveRealisasi', data: {}, metadata: { actor: this.sekretaris, now } });
  }

  /** Submits one monthly report with `content` and leaves it waiting for approval (or returns it, with `returnReason`). */
  async submitReport(pk: PkVersionInForce, month: number, subbagian: string, content: RealisasiContent, returnReason?: string): Promise<void> {
    const key = { satker: this.satker, year: pk.year, month, subbagian };
    const stream = realisasiStreamId(this.satker, pk.year, month, subbagian);
    const now = afterMonth(pk.year, month);
    const context = { pkInForce: pk, timezone: 'Asia/Jakarta' };
    await this.run(stream, realisasiDecider, { type: 'SubmitRealisasi', data: { key, content, context }, metadata: { actor: this.kasubbag(subbagian), now } });
    if (returnReason !== undefined) {
      await this.run(stream, realisasiDecider, { type: 'ReturnRealisasi', data: { reason: returnReason }, metadata: { actor: this.sekretaris, now } });
    }
  }

  /** Opens a revision of an approved report (with its reason) and leaves it open. */
  async openRevision(pk: PkVersionInForce, month: number, subbagian: string, reason: string): Promise<void> {
    const stream = realisasiStreamId(this.satker, pk.year, month, subbagian);
    const now = new Date(Date.parse(afterMonth(pk.year, month)) + 86_400_000).toISOString();
    await this.run(stream, realisasiDecider, { type: 'ReviseRealisasi', data: { reason }, metadata: { actor: this.kasubbag(subbagian), now } });
  }

  /** A correction after approval: revision opened with a reason, new content submitted, approved. */
  async reviseReport(pk: PkVersionInForce, month: number, subbagian: string, content: RealisasiContent, reason: string): Promise<void> {
    const key = { satker: this.satker, year: pk.year, month, subbagian };
    const stream = realisasiStreamId(this.satker, pk.year, month, subbagian);
    const now = new Date(Date.parse(afterMonth(pk.year, 12)) + 30 * 86_400_000).toISOString();
    const context = { pkInForce: pk, timezone: 'Asia/Jakarta' };
    await this.run(stream, realisasiDecider, { type: 'ReviseRealisasi', data: { reason }, metadata: { actor: this.kasubbag(subbagian), now } });
    await this.run(stream, realisasiDecider, { type: 'SubmitRealisasi', data: { key, content, context }, metadata: { actor: this.kasubbag(subbagian), now } });
    await this.run(stream, realisasiDecider, { type: 'ApproveRealisasi', data: {}, metadata: { actor: this.sekretaris, now } });
  }

  private async load<S, C, E>(stream: string, decider: Decider<S, C, E>): Promise<S> {
    const events = await this.store.readStream(stream, { tenantId: this.satker });
    return foldEvents(decider, events as unknown as E[]);
  }

  private async run<S, C extends { metadata: { actor: Actor } }, E>(stream: string, decider: Decider<S, C, E>, command: C): Promise<void> {
    const events = await this.store.readStream(stream, { tenantId: this.satker });
    const state = foldEvents(decider, events as unknown as E[]);
    const decided = decider.decide(command, state) as unknown as NewEvent[];
    if (decided.length === 0) return;
    const actor = command.metadata.actor;
    await this.store.append(stream, events.length === 0 ? 'no-stream' : events.length - 1, decided, {
      tenantId: this.satker, actorId: actor.userId, actorRole: actor.role, correlationId: randomUUID(),
    });
  }
}

/** The 10th of the next month, 09:00 WIB: after the month ended in Asia/Jakarta. */
function afterMonth(year: number, month: number): string {
  return new Date(Date.UTC(month === 12 ? year + 1 : year, month === 12 ? 0 : month, 10, 2, 0)).toISOString();
}
