import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  approvedVersionsOf, deadlineWithExtensions, localDateText, perjanjianKinerjaDecider, pkOpenedOn, pkStreamId, reportDeadline,
  reportDeadlinesDecider, reportDeadlinesStreamId, reportMovesOf, reportOwedAt, subbagianOwingByMonth, type LocalDate, type PkState,
  type ReportMove,
} from '@kinerja/domain';
import { PkReader } from '../../perjanjian-kinerja/pk-reader';
import { AggregateRunner } from '../../shared/aggregate-runner';
import { RealisasiReader } from '../realisasi-reader';
import { SatkerDirectory } from '../../shared/satker-directory';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';

export interface ExtendReportDeadlineInput {
  year: number;
  month: number;
  /** The new deadline, a local date of the office. */
  until: LocalDate;
  reason: string;
}

/** The month's deadline for every report of the office after the command, YYYY-MM-DD. */
export interface ReportDeadlineView {
  satker: string;
  year: number;
  month: number;
  deadline: string;
}

/**
 * A dispensasi: the SEKRETARIS or ADMIN gives the office's reports of one month a later deadline,
 * after the deadline (its own, catch-up, or an earlier dispensasi) has passed, with a reason. Event
 * `ReportDeadlineExtended` in the office's stream `report-deadlines:<satker>`.
 */
export class ExtendReportDeadlineCommand extends Command<CommandOutcome<ReportDeadlineView>> {
  constructor(readonly satker: string, readonly input: ExtendReportDeadlineInput, readonly actor: WorkflowActor, readonly options: CommandOptions = {}) {
    super();
  }
}

@CommandHandler(ExtendReportDeadlineCommand)
export class ExtendReportDeadlineHandler implements ICommandHandler<ExtendReportDeadlineCommand> {
  constructor(
    private readonly runner: AggregateRunner, private readonly directory: SatkerDirectory,
    private readonly pks: PkReader, private readonly reports: RealisasiReader,
  ) {}

  async execute({ satker, input, actor, options }: ExtendReportDeadlineCommand): Promise<CommandOutcome<ReportDeadlineView>> {
    const { year, month } = input;
    // Read before the command's own transaction (PGlite shares one session: see SatkerService.update).
    const facts = await this.directory.facts(satker);
    const reports = await this.reportsOfMonth(satker, year, month, facts.timeZone);
    const pkStream = pkStreamId(satker, year);
    // The month's deadline before any dispensasi: its own, or the catch-up one (null: no PK approved, nothing owed).
    const prepare = async (companions: Map<string, { state: unknown }>): Promise<LocalDate | null> => {
      const versions = approvedVersionsOf(companions.get(pkStream)!.state as PkState);
      if (versions.length === 0) return null;
      return reportDeadline(facts.deadlineDays, year, month, pkOpenedOn(versions, facts.timeZone), facts.reportDeadlineDay);
    };
    const result = await this.runner.run(
      { tenant: satker, streamId: reportDeadlinesStreamId(satker) }, reportDeadlinesDecider, actor, options,
      (metadata, _state, deadline: LocalDate | null) => ({
        type: 'ExtendReportDeadline' as const,
        data: {
          satker, year, month, until: input.until, reason: input.reason, timeZone: facts.timeZone, deadline,
          owedBy: reports.filter((r) => reportOwedAt(r.moves, metadata.now)).map((r) => r.subbagian),
        },
        metadata,
      }),
      prepare,
      [{ streamId: pkStream, folder: perjanjianKinerjaDecider }],
    );
    const base = reportDeadline(facts.deadlineDays, year, month, null, facts.reportDeadlineDay);
    const deadline = deadlineWithExtensions(base, result.state.extensions, year, month);
    return { version: result.version, replayed: result.replayed, view: { satker, year, month, deadline: localDateText(deadline) } };
  }

  /** The reports of the month owed under its PK version (`subbagianOwingByMonth`), with their moves: the facts of "still owed". */
  private async reportsOfMonth(satker: string, year: number, month: number, timeZone: string): Promise<Array<{ subbagian: string; moves: ReportMove[] }>> {
    const versions = approvedVersionsOf((await this.pks.load(satker, year)).state);
    const owing = subbagianOwingByMonth(versions, year, timeZone)[month - 1];
    const loaded = await Promise.all(owing.map((subbagian) => this.reports.load({ satker, year, month, subbagian })));
    return loaded.map(({ key, state }) => ({ subbagian: key.subbagian, moves: reportMovesOf(state) }));
  }
}
