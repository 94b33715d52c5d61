import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  perjanjianKinerjaDecider,
  pkInForceForMonth,
  pkStreamId,
  realisasiDecider,
  realisasiStreamId,
  type CommandMetadata,
  type PkState,
  type RealisasiCommand,
  type RealisasiContext,
  type RealisasiKey,
  type RealisasiState,
} from '@kinerja/domain';
import { AggregateRunner } from '../shared/aggregate-runner';
import type { LoadedState } from '../shared/stream-state-reader';
import { SatkerDirectory } from '../shared/satker-directory';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import { budgetWarningsOf } from './get-realisasi/budget-warnings';
import { reportNotFound, toRealisasiView } from './realisasi.view';
import { deadlineFactsAsOf, reportDeadlineOf, type RealisasiDetailView } from './report-deadline-view';

/**
 * Runs one command against `realisasi:<satker>:<year>:<MM>:<subbagian>`, with what the decision
 * needs beside the stream: the PK version the month is reported under (`pkInForceForMonth`: the one
 * in force when the month ended, so a PK Perubahan applies from the month it is approved in) and the
 * office's time zone. The view it returns is the report detail (`RealisasiDetailView`, as `GET` gives
 * it): with its budget warnings (`budgetWarningsOf`) and its deadline and timeliness (`reportDeadlineOf`).
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
    let pkLoaded: PkState | undefined;
    const prepare = async (companions: Map<string, LoadedState>): Promise<RealisasiContext> => {
      const pk = companions.get(pkStream)!.state as PkState;
      pkLoaded = pk;
      const timezone = await this.directory.timeZoneOf(key.satker);
      return { pkInForce: pkInForceForMonth(pk, key.month, timezone), timezone };
    };
    const build = (metadata: CommandMetadata, _state: unknown, context: RealisasiContext) => command(metadata, context);
    const result = await this.runner
      .run(stream, realisasiDecider, actor, options, build, prepare, [{ streamId: pkStream, folder: perjanjianKinerjaDecider }])
      .catch(async (error: unknown) => {
        // The decider knows no key of a report never written; say which one, as reading it does.
        if (error instanceof DomainError && error.code === 'REALISASI.NOT_FOUND') throw reportNotFound(key, await this.directory.allSubbagianCodes(key.satker));
        throw error;
      });
    const view = toRealisasiView(result.state, key, result.version, []);
    // A replayed retry decides nothing, so the PK was not loaded with the report: read it now.
    const pk = pkLoaded ?? (await this.runner.load({ tenant: key.satker, streamId: pkStream }, perjanjianKinerjaDecider)).state;
    const [warnings, facts] = await Promise.all([budgetWarningsOf(this.dataSource, key, pk, view.content), this.directory.facts(key.satker)]);
    // A replay answers with the report as its first request left it (the runner's load at that
    // version) and with the deadline facts as they stood then: a dispensasi granted since is not in it.
    const asOf = result.replayed ? lastEventAt(result.state) : null;
    const deadline = reportDeadlineOf(asOf === null ? facts : deadlineFactsAsOf(facts, asOf), pk, key, result.state);
    return { version: result.version, replayed: result.replayed, view: { ...view, warnings, ...deadline } };
  }
}

/** The instant of the report's last event (its command's clock), null for a report never written. */
function lastEventAt(state: RealisasiState): string | null {
  return state.status === 'EMPTY' ? null : state.history.at(-1)?.at ?? null;
}
