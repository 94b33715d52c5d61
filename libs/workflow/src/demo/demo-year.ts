import { Command, CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, pkStreamId, realisasiStreamId, type PkStructure, type RealisasiKey } from '@kinerja/domain';
import { AppendOutcomeUnknownError } from '@kinerja/event-store';
import type { ControllableClock } from '@kinerja/platform';
import { ApprovePkCommand } from '../perjanjian-kinerja/approve-pk/approve-pk.handler';
import { DraftPkCommand } from '../perjanjian-kinerja/draft-pk/draft-pk.handler';
import { SubmitPkCommand } from '../perjanjian-kinerja/submit-pk/submit-pk.handler';
import { ApproveRealisasiCommand } from '../realisasi/approve-realisasi/approve-realisasi.handler';
import { ReturnRealisasiCommand } from '../realisasi/return-realisasi/return-realisasi.handler';
import { SubmitRealisasiCommand } from '../realisasi/submit-realisasi/submit-realisasi.handler';
import type { CommandOptions, CommandOutcome } from '../shared/workflow-actor';
import type { DemoPeople } from './demo-office';
import { foreignEventWords, seedStepOptions, type OfficeLedger } from './seed-ledger';
import { demoMonthlyContent } from './jember-demo.content';

export type ReportTarget = 'APPROVED' | 'RETURNED' | 'SUBMITTED' | 'NONE';

export interface MonthPlan {
  month: number;
  targets: Record<string, ReportTarget>;
}

const RETURN_REASON = 'Narasi kendala belum menjelaskan penyebab keterlambatan dan solusi belum terukur; mohon dilengkapi.';
const MAX_STEPS = 5;

/** A stream seed:demo did not move, and why (the command's output names each). */
export interface LeftAloneStream {
  streamId: string;
  reason: string;
}

type Step = (options: CommandOptions) => Command<CommandOutcome<unknown>>;

/**
 * Walks one office's PK and monthly reports towards target states, dating each command as a real
 * office would. Only streams that hold nothing but what the seed wrote (seed-ledger.ts) are moved,
 * each command at the version the seed left and under its own key; a stream with an event the seed
 * did not write, one that changes under it, or whose next step its rules refuse, is left alone and
 * reported in `leftAlone`.
 */
export class DemoYear {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly clock: ControllableClock,
    private readonly today: Date,
    private readonly people: DemoPeople,
    private readonly satker: string,
    private readonly structure: PkStructure,
    private readonly ledger: OfficeLedger,
    readonly leftAlone: LeftAloneStream[] = [],
  ) {}

  /** 09:00 WIB (02:00 UTC) on a local date, never later than today. */
  private at(year: number, month: number, day: number, hourUtc = 2): void {
    const wanted = new Date(Date.UTC(month > 12 ? year + 1 : year, (month - 1) % 12, day, hourUtc));
    const latest = new Date(this.today.getTime() - 60_000);
    this.clock.set(wanted < latest ? wanted : latest);
  }

  private async streamTypes(streamId: string): Promise<string[]> {
    const rows: Array<{ type: string }> = await this.dataSource.query(
      `SELECT type FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY stream_version`,
      [this.satker, streamId],
    );
    return rows.map((r) => r.type);
  }

  /**
   * Moves one stream step by step: `next` names the step for the stream's last event type, or null
   * when the target is reached (or would need undoing what happened). True when it was reached.
   */
  private async walk(streamId: string, next: (last: string | undefined) => Step | null): Promise<boolean> {
    const foreign = this.ledger.foreign.get(streamId);
    if (foreign) {
      this.leftAlone.push({ streamId, reason: `peristiwa ke-${foreign.version + 1} (${await foreignEventWords(this.dataSource, this.satker, foreign)}) tidak ditulis oleh seed:demo` });
      return false;
    }
    let written = this.ledger.versions.get(streamId) ?? 0;
    for (let step = 0; step < MAX_STEPS; step++) {
      const types = await this.streamTypes(streamId);
      if (types.length !== written) {
        this.leftAlone.push({ streamId, reason: `diubah pihak lain selama seed berjalan (${types.length} peristiwa, seed:demo menulis ${written})` });
        return false;
      }
      const command = next(types.at(-1));
      if (command === null) return true;
      try {
        written = (await this.commands.execute(command(seedStepOptions(streamId, written)))).version;
      } catch (error) {
        // Someone else's event since (a stale version) or a state the step no longer applies to.
        if (!(error instanceof DomainError) || error instanceof AppendOutcomeUnknownError) throw error;
        this.leftAlone.push({ streamId, reason: `langkah berikutnya ditolak (${error.code})` });
        return false;
      }
    }
    return false;
  }

  /** True when the year's PK is approved (by the seed's own steps). */
  async approvePk(year: number): Promise<boolean> {
    const sekretaris = this.people.sekretaris;
    return this.walk(pkStreamId(this.satker, year), (last) => {
      if (last === 'PkApproved') return null;
      if (last === undefined) {
        this.at(year, 1, 10);
        return (options) => new DraftPkCommand(this.satker, year, this.structure, sekretaris, options);
      }
      if (last === 'PkSubmitted') {
        this.at(year, 1, 16);
        return (options) => new ApprovePkCommand(this.satker, year, this.people.ketua, options);
      }
      this.at(year, 1, 12);
      return (options) => new SubmitPkCommand(this.satker, year, sekretaris, options);
    });
  }

  async drive(year: number, plans: MonthPlan[]): Promise<void> {
    for (const plan of plans) {
      for (const [index, [subbagian, target]] of Object.entries(plan.targets).entries()) {
        if (target !== 'NONE') await this.driveReport({ satker: this.satker, year, month: plan.month, subbagian }, target, index);
      }
    }
  }

  private async driveReport(key: RealisasiKey, target: Exclude<ReportTarget, 'NONE'>, index: number): Promise<void> {
    const kasubbag = this.people[`kasubbag.${key.subbagian.toLowerCase()}`];
    await this.walk(realisasiStreamId(key.satker, key.year, key.month, key.subbagian), (last) => {
      const status = last === 'RealisasiApproved' ? 'APPROVED' : last === 'RealisasiReturned' ? 'RETURNED' : last === 'RealisasiSubmitted' ? 'SUBMITTED' : 'OPEN';
      if (status === target) return null;
      if (status === 'SUBMITTED' && target === 'RETURNED') {
        this.at(key.year, key.month + 1, 4, 3);
        return (options) => new ReturnRealisasiCommand(key, RETURN_REASON, this.people.sekretaris, options);
      }
      if (status === 'SUBMITTED') {
        this.at(key.year, key.month + 1, 5, 3 + index);
        return (options) => new ApproveRealisasiCommand(key, this.people.sekretaris, options);
      }
      if (status === 'OPEN' || (status === 'RETURNED' && target !== 'RETURNED')) {
        this.at(key.year, key.month + 1, 2 + (index % 3), 2 + index);
        return (options) => new SubmitRealisasiCommand(key, demoMonthlyContent(this.structure, key.subbagian, key.month), kasubbag, options);
      }
      return null; // e.g. APPROVED when the plan says less: never undo what happened
    });
  }
}
