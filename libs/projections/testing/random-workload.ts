import { randomUUID } from 'node:crypto';
import {
  Actor, CommandMetadata, Decider, PkCommand, PkEvent, PkState, RealisasiCommand, RealisasiEvent, RealisasiKey, RealisasiState,
  DEFAULT_RATING_SCALE, indicatorsOwnedBy, perjanjianKinerjaDecider, pkInForceForMonth, pkStreamId, ratingScaleDecider, ratingScaleStreamId, realisasiDecider,
  realisasiStreamId, type RatingScaleCommand, type RatingScaleEvent, type RatingScaleState,
} from '@kinerja/domain';
import type { CatatanReviuCommand } from '@kinerja/domain/catatan-reviu/catatan-reviu.commands';
import type { CatatanReviuEvent } from '@kinerja/domain/catatan-reviu/catatan-reviu.events';
import { catatanReviuDecider } from '@kinerja/domain/catatan-reviu/catatan-reviu.decider';
import type { CatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import { catatanReviuStreamId, type CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { ConcurrencyError, EventStore } from '@kinerja/event-store';
import { identityStreamId, type IdentityEvent } from '@kinerja/identity/events/identity.events';
import { seededRandom, WORKLOAD_SUBBAGIAN, workloadContent, workloadStructure } from './workload-structure';

export interface WorkloadOptions {
  offices: number;
  seed: number;
  year?: number;
  months?: number;
  /** Office codes start with this (default `office`). */
  prefix?: string;
}

export interface WorkloadResult {
  offices: string[];
  commands: number;
  conflicts: number;
}

interface Stream<S> {
  state: S;
  version: number;
}

const sekretaris: Actor = { userId: 'u-sekretaris', role: 'SEKRETARIS', subbagian: null };
const sekretarisPlh: Actor = { userId: 'u-sekretaris-plh', role: 'SEKRETARIS', subbagian: null };
const ketua: Actor = { userId: 'u-ketua', role: 'KETUA', subbagian: null };
const inspektorat: Actor = { userId: 'u-inspektorat', role: 'INSPEKTORAT', subbagian: null };
const kasubbag = (subbagian: string): Actor => ({ userId: `u-kasubbag-${subbagian.toLowerCase()}`, role: 'KASUBBAG', subbagian });
const admin: Actor = { userId: 'u-admin', role: 'ADMIN', subbagian: null };
const PEOPLE: Array<[Actor, string]> = [
  [sekretaris, 'Sekretaris'], [sekretarisPlh, 'Plh. Sekretaris'], [ketua, 'Ketua'], [inspektorat, 'Inspektur'],
  ...WORKLOAD_SUBBAGIAN.map((s): [Actor, string] => [kasubbag(s), `Kasubbag ${s}`]),
];

/**
 * Drives offices through a year with the real deciders and the real event store, all offices at
 * once: PK drafted, sometimes returned, approved, sometimes revised mid-year (PK Perubahan);
 * monthly reports submitted, returned and resubmitted, approved (sometimes by two Sekretaris at
 * the same instant: one of them gets a conflict), corrected after approval, or left waiting; and
 * the Inspektorat's review notes on the year, a month, a report or an indicator, answered with a
 * tindak lanjut, closed, sometimes reopened and answered again. Each office is set up through its
 * identity stream (office, subbagian, users) and, now and then, renames a user, changes a role,
 * locks someone out or puts a new rating scale in force between the reports, so the names and
 * scale the read models show change while the year runs. Users are shared by every office, so the
 * trail's names depend on the order of events across offices too.
 */
export class RandomWorkload {
  private commands = 0;
  private conflicts = 0;

  constructor(private readonly store: EventStore) {}

  async run(options: WorkloadOptions): Promise<WorkloadResult> {
    const offices = Array.from({ length: options.offices }, (_, i) => `${options.prefix ?? 'office'}-${String(i + 1).padStart(3, '0')}`);
    await Promise.all(offices.map((satker, i) => this.office(satker, options.year ?? 2024, options.months ?? 12, seededRandom(options.seed * 7919 + i))));
    return { offices, commands: this.commands, conflicts: this.conflicts };
  }

  private async office(satker: string, year: number, months: number, random: () => number): Promise<void> {
    let minute = 0;
    const meta = (actor: Actor): CommandMetadata => ({ actor, now: new Date(Date.UTC(year + 1, 0, 10) + ++minute * 60000).toISOString() });
    const pk: Stream<PkState> = { state: perjanjianKinerjaDecider.initialState(), version: -1 };
    const pkId = pkStreamId(satker, year);
    // PK commands carry the day they happen in the year: the PK in January, a PK Perubahan in the middle of
    // its month, which therefore applies from that month on (pkInForceForMonth); reports come after the year.
    let pkDay = Date.UTC(year, 0, 5);
    const runPk = (cmd: Omit<PkCommand, 'metadata'>, actor: Actor) => this.exec(satker, pkId, pk, perjanjianKinerjaDecider,
      { ...cmd, metadata: { actor, now: new Date(pkDay + ++minute * 60000).toISOString() } } as PkCommand);
    const scale: Stream<RatingScaleState> = { state: ratingScaleDecider.initialState(), version: -1 };
    const setScale = (label: string, middle: string) => this.exec(satker, ratingScaleStreamId(satker), scale, ratingScaleDecider, {
      type: 'SetRatingScale', metadata: meta(admin),
      data: { satker, reason: 'Penyesuaian skala penilaian', scale: { label, rows: DEFAULT_RATING_SCALE.rows.map((r) => (
        r.minExclusive === '90' ? { ...r, minExclusive: middle } : r.maxInclusive === '90' ? { ...r, maxInclusive: middle } : r)) } },
    } as RatingScaleCommand);
    await this.identity(satker, [
      { type: 'SatkerCreated', data: { code: satker, name: `Sekretariat ${satker}`, parentCode: null, timeZone: 'Asia/Jakarta', reportDeadlineDay: 10 } },
      ...WORKLOAD_SUBBAGIAN.map((code): IdentityEvent => ({ type: 'SubbagianCreated', data: { satker, code, name: `Subbagian ${code}` } })),
      ...PEOPLE.map(([actor, title]): IdentityEvent => ({
        type: 'UserCreated',
        data: { userId: actor.userId, username: actor.userId.slice(2), fullName: `${title} ${satker}`, email: null, role: actor.role, satker, subbagian: actor.subbagian },
      })),
    ]);
    if (random() < 0.5) await setScale(`skala-${satker}-1`, '85');
    await runPk({ type: 'DraftPk', data: { satker, year, structure: workloadStructure(), subbagianCodes: WORKLOAD_SUBBAGIAN } }, sekretaris);
    await runPk({ type: 'SubmitPk', data: {} }, sekretaris);
    if (random() < 0.3) {
      await runPk({ type: 'ReturnPk', data: { reason: 'Target perlu diperbaiki' } }, ketua);
      await runPk({ type: 'ChangePkIndicators', data: { structure: workloadStructure(1), subbagianCodes: WORKLOAD_SUBBAGIAN } }, sekretaris);
      await runPk({ type: 'SubmitPk', data: {} }, sekretaris);
    }
    await runPk({ type: 'ApprovePk', data: {} }, ketua);
    const reviseAt = random() < 0.4 ? 1 + Math.floor(random() * months) : -1;
    for (let month = 1; month <= months; month++) {
      if (month === reviseAt) {
        pkDay = Date.UTC(year, month - 1, 15);
        await runPk({ type: 'OpenPkRevision', data: { reason: 'PK Perubahan: target disesuaikan' } }, sekretaris);
        // Sometimes the revision also hands K2.2, or all of PDI's indicators, to KUL: PDI's approved
        // months of them stay in Tabel 3.2, and a PDI that owns nothing reports no more.
        const roll = random();
        const structure = workloadStructure(2 + month, roll < 0.35 ? 'none' : roll < 0.7 ? 'K2.2' : 'PDI');
        await runPk({ type: 'ChangePkIndicators', data: { structure, subbagianCodes: WORKLOAD_SUBBAGIAN } }, sekretaris);
        await runPk({ type: 'SubmitPk', data: {} }, sekretaris);
        await runPk({ type: 'ApprovePk', data: {} }, ketua);
      }
      const inForce = pkInForceForMonth(pk.state, month, 'Asia/Jakarta');
      for (const subbagian of WORKLOAD_SUBBAGIAN) {
        if (!inForce || indicatorsOwnedBy(inForce.structure, subbagian).length === 0) continue;
        await this.report(pk.state, { satker, year, month, subbagian }, month === months, random, meta);
      }
      if (month === 1 || random() < 0.15) await this.catatanReviu(satker, year, month, random, meta);
      if (random() < 0.2) await this.identity(satker, [this.identityChange(satker, month, random)]);
      if (random() < 0.05) await setScale(`skala-${satker}-${month + 1}`, random() < 0.5 ? '88' : '92');
    }
  }

  /** One change of the office's people or units, as the ADMIN or the login guard would append it. */
  private identityChange(satker: string, month: number, random: () => number): IdentityEvent {
    const [person, title] = PEOPLE[Math.floor(random() * PEOPLE.length)];
    const { userId } = person;
    const changes: IdentityEvent[] = [
      { type: 'UserUpdated', data: { userId, satker, changes: { fullName: `${title} ${satker} (bulan ${month})` } } },
      { type: 'UserUpdated', data: { userId, satker, changes: { email: `${userId}@${satker}.go.id` } } },
      { type: 'UserPasswordChanged', data: { userId, satker, by: random() < 0.5 ? 'self' : 'admin' } },
      { type: 'UserLockedOut', data: { userId, satker, failedAttempts: 5, lockedUntil: `2025-0${1 + (month % 9)}-01T00:00:00.000Z` } },
      { type: 'UserDeactivated', data: { userId, satker } },
      { type: 'UserReactivated', data: { userId, satker } },
      { type: 'SubbagianUpdated', data: { satker, code: WORKLOAD_SUBBAGIAN[month % WORKLOAD_SUBBAGIAN.length], changes: { name: `Subbagian baru ${month}` } } },
      { type: 'SatkerUpdated', data: { code: satker, changes: { name: `Sekretariat ${satker} (${month})`, reportDeadlineDay: 5 + (month % 10) } } },
    ];
    return changes[Math.floor(random() * changes.length)];
  }

  /** Identity events go to the office's identity stream at whatever version it has reached, as the ADMIN's writes do. */
  private async identity(satker: string, events: IdentityEvent[]): Promise<void> {
    await this.store.append(identityStreamId(satker), 'any', events, {
      tenantId: satker, actorId: admin.userId, actorRole: admin.role, correlationId: randomUUID(),
    });
    this.commands++;
  }

  /** One review note through the part of its life the dice allow. */
  private async catatanReviu(satker: string, year: number, month: number, random: () => number, meta: (a: Actor) => CommandMetadata): Promise<void> {
    const noteId = randomUUID();
    const stream: Stream<CatatanReviuState> = { state: catatanReviuDecider.initialState(), version: -1 };
    const run = (cmd: Omit<CatatanReviuCommand, 'metadata'>, actor: Actor) =>
      this.exec(satker, catatanReviuStreamId(satker, noteId), stream, catatanReviuDecider, { ...cmd, metadata: meta(actor) } as CatatanReviuCommand);
    const subbagian = WORKLOAD_SUBBAGIAN[Math.floor(random() * WORKLOAD_SUBBAGIAN.length)];
    const targets: CatatanReviuTarget[] = [
      { kind: 'YEAR', year },
      { kind: 'MONTH', year, month },
      { kind: 'REPORT', year, month, subbagian },
      { kind: 'INDICATOR', year, indicatorCode: random() < 0.5 ? 'K1.1' : 'K2.1', month: random() < 0.5 ? month : null },
    ];
    const finding = random() < 0.5;
    await run({
      type: 'WriteCatatanReviu',
      data: {
        noteId, satker, target: targets[Math.floor(random() * targets.length)], category: finding ? 'TEMUAN' : 'CATATAN',
        title: `Reviu bulan ${month}`, description: 'Bukti dukung belum memuat daftar hadir.', recommendation: finding ? 'Lengkapi daftar hadir.' : '',
      },
    }, inspektorat);
    if (random() < 0.2) return; // still open
    await run({ type: 'SubmitTindakLanjut', data: { response: 'Daftar hadir sudah dilampirkan.' } }, sekretaris);
    if (random() < 0.2) return; // answered, not yet closed
    await run({ type: 'CloseCatatanReviu', data: { conclusion: 'Memadai.' } }, inspektorat);
    if (random() < 0.7) return;
    await run({ type: 'ReopenCatatanReviu', data: { reason: 'Daftar hadir belum ditandatangani.' } }, inspektorat);
    await run({ type: 'SubmitTindakLanjut', data: { response: 'Sudah ditandatangani.' } }, sekretaris);
  }

  private async report(pkState: PkState, key: RealisasiKey, last: boolean, random: () => number, meta: (a: Actor) => CommandMetadata): Promise<void> {
    const stream: Stream<RealisasiState> = { state: realisasiDecider.initialState(), version: -1 };
    const id = realisasiStreamId(key.satker, key.year, key.month, key.subbagian);
    const context = { pkInForce: pkInForceForMonth(pkState, key.month, 'Asia/Jakarta'), timezone: 'Asia/Jakarta' };
    const structure = context.pkInForce?.structure;
    if (!structure) throw new Error(`workload: no PK in force for ${key.satker} ${key.year}`);
    const owner = kasubbag(key.subbagian);
    const run = (cmd: Omit<RealisasiCommand, 'metadata'>, actor: Actor) =>
      this.exec(key.satker, id, stream, realisasiDecider, { ...cmd, metadata: meta(actor) } as RealisasiCommand);
    const submit = () => run({ type: 'SubmitRealisasi', data: { key, context, content: workloadContent(structure, key.subbagian, random) } }, owner);
    const roll = random();
    if (last && roll < 0.2) return; // not started
    await run({ type: 'SaveRealisasiDraft', data: { key, context, ...workloadContent(structure, key.subbagian, random) } }, owner);
    if (last && roll < 0.35) return; // left in draft
    await submit();
    if (random() < 0.25) {
      await run({ type: 'ReturnRealisasi', data: { reason: 'Angka belum sesuai bukti' } }, sekretaris);
      if (last && random() < 0.5) return; // returned, waiting for the fix
      await submit();
    }
    if (last && random() < 0.4) return; // waiting in the inbox
    await this.approve(run, random);
    if (random() < 0.15) {
      await run({ type: 'ReviseRealisasi', data: { reason: 'Koreksi setelah verifikasi' } }, owner);
      await submit();
      if (random() < 0.7) await this.approve(run, random);
    }
  }

  /** Sometimes two Sekretaris approve at the same instant: exactly one wins. */
  private async approve(run: (cmd: Omit<RealisasiCommand, 'metadata'>, actor: Actor) => Promise<void>, random: () => number): Promise<void> {
    if (random() >= 0.1) return run({ type: 'ApproveRealisasi', data: {} }, sekretaris);
    const results = await Promise.allSettled([
      run({ type: 'ApproveRealisasi', data: {} }, sekretaris),
      run({ type: 'ApproveRealisasi', data: {} }, sekretarisPlh),
    ]);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length !== 1 || !(failures[0].reason instanceof ConcurrencyError)) {
      throw new Error(`racing approvals: expected exactly one conflict, got ${failures.map((f) => String(f.reason)).join('; ') || 'none'}`);
    }
    this.conflicts++;
  }

  private async exec<S, C extends { metadata: CommandMetadata }, E extends PkEvent | RealisasiEvent | CatatanReviuEvent | RatingScaleEvent>(
    tenantId: string, streamId: string, stream: Stream<S>, decider: Decider<S, C, E>, command: C,
  ): Promise<void> {
    const events = decider.decide(command, stream.state);
    const { actor } = command.metadata;
    const result = await this.store.append(streamId, stream.version === -1 ? 'no-stream' : stream.version, events,
      { tenantId, actorId: actor.userId, actorRole: actor.role, correlationId: randomUUID() });
    this.commands++;
    stream.state = events.reduce((s, e) => decider.evolve(s, e), stream.state);
    stream.version = result.nextExpectedVersion;
  }
}
