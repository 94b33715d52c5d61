import { Injectable } from '@nestjs/common';
import {
  realisasiDecider,
  realisasiStreamId,
  type CommandMetadata,
  type RealisasiCommand,
  type RealisasiContext,
  type RealisasiKey,
} from '@kinerja/domain';
import { AggregateRunner } from '../shared/aggregate-runner';
import { SatkerDirectory } from '../shared/satker-directory';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import { PkReader } from '../perjanjian-kinerja/pk-reader';
import { toRealisasiView, type RealisasiView } from './realisasi.view';

/**
 * Runs one command against `realisasi:<satker>:<year>:<MM>:<subbagian>`, with what the decision
 * needs beside the stream: the PK in force and the office's time zone.
 */
@Injectable()
export class RealisasiWriter {
  constructor(
    private readonly runner: AggregateRunner,
    private readonly directory: SatkerDirectory,
    private readonly pk: PkReader,
  ) {}

  async run(
    key: RealisasiKey,
    actor: WorkflowActor,
    options: CommandOptions,
    build: (metadata: CommandMetadata, context: RealisasiContext) => RealisasiCommand,
  ): Promise<CommandOutcome<RealisasiView>> {
    const [facts, pkInForce] = await Promise.all([this.directory.facts(key.satker), this.pk.inForce(key.satker, key.year)]);
    const context: RealisasiContext = { pkInForce, timezone: facts.timeZone };
    const stream = { tenant: key.satker, streamId: realisasiStreamId(key.satker, key.year, key.month, key.subbagian) };
    const result = await this.runner.run(stream, realisasiDecider, actor, options, (metadata) => build(metadata, context));
    return { version: result.version, replayed: result.replayed, view: toRealisasiView(result.state, key, result.version) };
  }
}
