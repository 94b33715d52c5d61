import { Injectable } from '@nestjs/common';
import { perjanjianKinerjaDecider, pkStreamId, type CommandMetadata, type PkCommand } from '@kinerja/domain';
import { AggregateRunner } from '../shared/aggregate-runner';
import { SatkerDirectory, type SatkerFacts } from '../shared/satker-directory';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import { toPkView, type PkView } from './pk.view';

export interface PkTarget {
  satker: string;
  year: number;
}

/** Runs one PK command against the stream `pk:<satker>:<year>` and answers with the PK after it. */
@Injectable()
export class PkWriter {
  constructor(
    private readonly runner: AggregateRunner,
    private readonly directory: SatkerDirectory,
  ) {}

  async run(
    target: PkTarget,
    actor: WorkflowActor,
    options: CommandOptions,
    build: (metadata: CommandMetadata, facts: SatkerFacts) => PkCommand,
  ): Promise<CommandOutcome<PkView>> {
    const stream = { tenant: target.satker, streamId: pkStreamId(target.satker, target.year) };
    const prepare = () => this.directory.facts(target.satker);
    const result = await this.runner.run(stream, perjanjianKinerjaDecider, actor, options, (metadata, _state, facts) => build(metadata, facts), prepare);
    return { version: result.version, replayed: result.replayed, view: toPkView(result.state, target.satker, target.year, result.version) };
  }
}
