import { Injectable } from '@nestjs/common';
import { DomainError, type CommandMetadata } from '@kinerja/domain';
import type { CatatanReviuCommand } from '@kinerja/domain/catatan-reviu/catatan-reviu.commands';
import { catatanReviuDecider } from '@kinerja/domain/catatan-reviu/catatan-reviu.decider';
import type { CatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import { catatanReviuStreamId } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { AggregateRunner } from '../shared/aggregate-runner';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import { toCatatanReviuView, type CatatanReviuView } from './catatan-reviu.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One stream per note, `catatan-reviu:<satker>:<noteId>`, in the chain of the office reviewed. */
@Injectable()
export class CatatanReviuWriter {
  constructor(private readonly runner: AggregateRunner) {}

  target(satker: string, noteId: string) {
    if (!UUID.test(noteId)) throw notFound();
    return { tenant: satker, streamId: catatanReviuStreamId(satker, noteId) };
  }

  async run(
    satker: string,
    noteId: string,
    actor: WorkflowActor,
    options: CommandOptions,
    build: (metadata: CommandMetadata, state: CatatanReviuState) => CatatanReviuCommand,
  ): Promise<CommandOutcome<CatatanReviuView>> {
    const result = await this.runner.run(this.target(satker, noteId), catatanReviuDecider, actor, options, build);
    const view = toCatatanReviuView(result.state, result.version);
    if (!view) throw notFound();
    return { version: result.version, replayed: result.replayed, view };
  }

  async load(satker: string, noteId: string): Promise<CatatanReviuView> {
    const { state, version } = await this.runner.load(this.target(satker, noteId), catatanReviuDecider);
    const view = toCatatanReviuView(state, version);
    if (!view) throw notFound();
    return view;
  }
}

function notFound(): DomainError {
  return new DomainError('CATATAN_REVIU.NOT_FOUND', 'Catatan reviu tidak ditemukan.', 'not_found');
}
