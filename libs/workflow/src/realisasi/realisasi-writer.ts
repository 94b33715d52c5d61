import { Injectable } from '@nestjs/common';
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
} from '@kinerja/domain';
import { AggregateRunner } from '../shared/aggregate-runner';
import type { LoadedState } from '../shared/stream-state-reader';
import { SatkerDirectory } from '../shared/satker-directory';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import { reportNotFound, toRealisasiView, type RealisasiView } from './realisasi.view';

/**
 * Runs one command against `realisasi:<satker>:<year>:<MM>:<subbagian>`, with what the decision
 * needs beside the stream: the PK version the month is reported under (`pkInForceForMonth`: the one
 * in force when the month ended, so a PK Perubahan applies from the month it is approved in) and the
 * office's time zone.
 */
@Injectable()
export class RealisasiWriter {
  constructor(
    private readonly runner: AggregateRunner,
    private readonly directory: SatkerDirectory,
  ) {}

  async run(
    key: RealisasiKey,
    actor: WorkflowActor,
    options: CommandOptions,
    command: (metadata: CommandMetadata, context: RealisasiContext) => RealisasiCommand,
  ): Promise<CommandOutcome<RealisasiView>> {
    const stream = { tenant: key.satker, streamId: realisasiStreamId(key.satker, key.year, key.month, key.subbagian) };
    const pkStream = pkStreamId(key.satker, key.year);
    const prepare = async (companions: Map<string, LoadedState>): Promise<RealisasiContext> => {
      const pk = companions.get(pkStream)!.state as PkState;
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
    return { version: result.version, replayed: result.replayed, view: toRealisasiView(result.state, key, result.version) };
  }
}
