import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  perjanjianKinerjaDecider,
  pkInForceForMonth,
  pkStreamId,
  realisasiDecider,
  realisasiStreamId,
  reportDeadlinesDecider,
  reportDeadlinesStreamId,
  type CommandMetadata,
  type PkState,
  type RealisasiCommand,
  type RealisasiContext,
  type RealisasiKey,
  type RealisasiState,
  type ReportDeadlineState,
} from '@kinerja/domain';
import { AggregateRunner } from '../shared/aggregate-runner';
import type { LoadedState, StreamToFold } from '../shared/stream-state-reader';
import { SatkerDirectory } from '../shared/satker-directory';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import { reportWarningsOf } from './get-realisasi/report-warnings';
import { reportNotFound, toRealisasiView } from './realisasi.view';
import { deadlineFactsAsOf, reportDeadlineOf, type RealisasiDetailView } from './report-deadline-view';

/**
 * Runs one command against `realisasi:<satker>:<year>:<MM>:<subbagian>`, with what the decision
 * needs beside the stream: the PK version the month is reported under (`pkInForceForMonth`: the one
 * in force when the month ended, so a PK Perubahan applies from the month it is approved in) and the
 * office's time zone. The view it returns is the report detail (`RealisasiDetailView`, as `GET` gives
 * it): with its warnings (`reportWarningsOf`) and its deadline and timeliness (`reportDeadlineOf`).
 */
@Injectable()
export class RealisasiWriter {
  constructor(
    private readonly runner: AggregateRunner,
    private readonly directory: SatkerDirectory,
    private readonly dataSource: DataSource,
  ) {}

  async run(
    key: RealisasiKey,
    actor: WorkflowActor,
    options: CommandOptions,
    command: (metadata: CommandMetadata, context: RealisasiContext) => RealisasiCommand,
  ): Promise<CommandOutcome<RealisasiDetailView>> {
    const stream = { tenant: key.satker, streamId: realisasiStreamId(key.satker, key.year, key.month, key.subbagian) };
    const pkStream = pkStreamId(key.satker, key.year);
    const deadlinesStream = reportDeadlinesStreamId(key.satker);
    // The PK the month is measured against and the office's dispensasi (for the answer's deadline):
    // folded in the same round trip as the report.
    const companions: StreamToFold[] = [{ streamId: pkStream, folder: perjanjianKinerjaDecider }, { streamId: deadlinesStream, folder: reportDeadlinesDecider }];
    let loaded: Map<string, LoadedState> | undefined;
    const prepare = async (streams: Map<string, LoadedState>): Promise<RealisasiContext> => {
      loaded = streams;
      const pk = streams.get(pkStream)!.state as PkState;
      const timezone = await this.directory.timeZoneOf(key.satker);
      return { pkInForce: pkInForceForMonth(pk, key.month, timezone), timezone };
    };
    const build = (metadata: CommandMetadata, _state: unknown, context: RealisasiContext) => command(metadata, context);
    const result = await this.runner
      .run(stream, realisasiDecider, actor, options, build, prepare, companions)
      .catch(async (error: unknown) => {
        // The decider knows no key of a report never written; say which one, as reading it does.
        if (error instanceof DomainError && error.code === 'REALISASI.NOT_FOUND') throw reportNotFound(key, await this.directory.allSubbagianCodes(key.satker));
        throw error;
      });
    const view = toRealisasiView(result.state, key, result.version, []);
    // A replayed retry decides nothing, so the companions were not loaded with the report: read them now.
    const streams = loaded ?? (await this.runner.loadMany(key.satker, companions));
    const pk = streams.get(pkStream)!.state as PkState;
    const { extensions } = streams.get(deadlinesStream)!.state as ReportDeadlineState;
    const [warnings, clock] = await Promise.all([reportWarningsOf(this.dataSource, key, pk, view), this.directory.clockOf(key.satker)]);
    // A replay answers with the report as its first request left it (the runner's load at that
    // version) and with the deadline facts as they stood then: a dispensasi granted since is not in it.
    const facts = { ...clock, extensions };
    const asOf = result.replayed ? lastEventAt(result.state) : null;
    const deadline = reportDeadlineOf(asOf === null ? facts : deadlineFactsAsOf(facts, asOf), pk, key, result.state);
    return { version: result.version, replayed: result.replayed, view: { ...view, warnings, ...deadline } };
  }
}

/** The instant of the report's last event (its command's clock), null for a report never written. */
function lastEventAt(state: RealisasiState): string | null {
  return state.status === 'EMPTY' ? null : state.history.at(-1)?.at ?? null;
}
