import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SatkerScopeService } from '@kinerja/identity';
import type { CatatanAuthorOffice } from '@kinerja/domain/catatan-reviu/catatan-reviu-author.check';
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
  constructor(
    private readonly runner: AggregateRunner,
    private readonly dataSource: DataSource,
    private readonly scope: SatkerScopeService,
  ) {}

  /**
   * The office of the Inspektorat who wrote the note, with every office above it (users belong to
   * one office for good). A note whose author is not found counts as written by the office reviewed.
   */
  async authorOffice(note: CatatanReviuView): Promise<CatatanAuthorOffice> {
    const [author]: Array<{ satker_code: string }> = await this.dataSource.query(`SELECT satker_code FROM users WHERE id = $1`, [note.writtenBy]);
    const satker = author?.satker_code ?? note.satker;
    return { satker, above: (await this.scope.ancestorsOf(satker)) ?? [] };
  }

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
