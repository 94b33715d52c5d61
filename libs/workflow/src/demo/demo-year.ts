import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { pkStreamId, realisasiStreamId, type PkStructure, type RealisasiKey } from '@kinerja/domain';
import type { ControllableClock } from '@kinerja/platform';
import { ApprovePkCommand } from '../perjanjian-kinerja/approve-pk/approve-pk.handler';
import { DraftPkCommand } from '../perjanjian-kinerja/draft-pk/draft-pk.handler';
import { SubmitPkCommand } from '../perjanjian-kinerja/submit-pk/submit-pk.handler';
import { ApproveRealisasiCommand } from '../realisasi/approve-realisasi/approve-realisasi.handler';
import { ReturnRealisasiCommand } from '../realisasi/return-realisasi/return-realisasi.handler';
import { SubmitRealisasiCommand } from '../realisasi/submit-realisasi/submit-realisasi.handler';
import type { DemoPeople } from './demo-office';
import { demoMonthlyContent } from './jember-demo.content';

export type ReportTarget = 'APPROVED' | 'RETURNED' | 'SUBMITTED' | 'NONE';

export interface MonthPlan {
  month: number;
  targets: Record<string, ReportTarget>;
}

const RETURN_REASON = 'Narasi kendala belum menjelaskan penyebab keterlambatan dan solusi belum terukur; mohon dilengkapi.';
const MAX_STEPS = 5;

/** Walks one office's PK and monthly reports towards target states, dating each command as a real office would. */
export class DemoYear {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly clock: ControllableClock,
    private readonly today: Date,
    private readonly people: DemoPeople,
    private readonly satker: string,
    private readonly structure: PkStructure,
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

  async approvePk(year: number): Promise<void> {
    const sekretaris = this.people.sekretaris;
    for (let step = 0; step < MAX_STEPS; step++) {
      const last = (await this.streamTypes(pkStreamId(this.satker, year))).at(-1);
      if (last === 'PkApproved') return;
      if (last === undefined) {
        this.at(year, 1, 10);
        await this.commands.execute(new DraftPkCommand(this.satker, year, this.structure, sekretaris));
      } else if (last === 'PkSubmitted') {
        this.at(year, 1, 16);
        await this.commands.execute(new ApprovePkCommand(this.satker, year, this.people.ketua));
      } else {
        this.at(year, 1, 12);
        await this.commands.execute(new SubmitPkCommand(this.satker, year, sekretaris));
      }
    }
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
    const streamId = realisasiStreamId(key.satker, key.year, key.month, key.subbagian);
    for (let step = 0; step < MAX_STEPS; step++) {
      const last = (await this.streamTypes(streamId)).at(-1);
      const status = last === 'RealisasiApproved' ? 'APPROVED' : last === 'RealisasiReturned' ? 'RETURNED' : last === 'RealisasiSubmitted' ? 'SUBMITTED' : 'OPEN';
      if (status === target) return;
      if (status === 'SUBMITTED' && target === 'RETURNED') {
        this.at(key.year, key.month + 1, 4, 3);
        await this.commands.execute(new ReturnRealisasiCommand(key, RETURN_REASON, this.people.sekretaris));
      } else if (status === 'SUBMITTED') {
        this.at(key.year, key.month + 1, 5, 3 + index);
        await this.commands.execute(new ApproveRealisasiCommand(key, this.people.sekretaris));
      } else if (status === 'OPEN' || (status === 'RETURNED' && target !== 'RETURNED')) {
        this.at(key.year, key.month + 1, 2 + (index % 3), 2 + index);
        await this.commands.execute(new SubmitRealisasiCommand(key, demoMonthlyContent(this.structure, key.subbagian, key.month), kasubbag));
      } else {
        return; // e.g. APPROVED when the plan says less: never undo what happened
      }
    }
  }
}
