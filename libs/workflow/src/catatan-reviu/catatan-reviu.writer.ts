import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SatkerScopeService } from '@kinerja/identity';
import { personRefs } from '@kinerja/identity/users/person-ref';
import type { CatatanAuthorOffice } from '@kinerja/domain/catatan-reviu/catatan-reviu-author.check';
import { DomainError, type CommandMetadata } from '@kinerja/domain';
import type { CatatanReviuCommand } from '@kinerja/domain/catatan-reviu/catatan-reviu.commands';
import { catatanReviuDecider } from '@kinerja/domain/catatan-reviu/catatan-reviu.decider';
import type { CatatanReviuState } from '@kinerja/domain/catatan-reviu/catatan-reviu.state';
import { catatanReviuStreamId } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { AggregateRunner } from '../shared/aggregate-runner';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import { peopleOfNote, toCatatanReviuView, type CatatanReviuView } from './catatan-reviu.view';

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
   * The office of the Inspektorat who wrote the note, with its name and every office above it (users
   * belong to one office for good). A note whose author is not found counts as written by the office reviewed.
   */
  async authorOffice(note: CatatanReviuView): Promise<CatatanAuthorOffice> {
    const satker = note.writtenByUser.satker ?? note.satker;
    const [office]: Array<{ name: string }> = await this.dataSource.query(`SELECT name FROM satker WHERE code = $1`, [satker]);
    return { satker, ...(office ? { name: office.name } : {}), above: (await this.scope.ancestorsOf(satker)) ?? [] };
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
    const view = await this.view(result.state, result.version);
    return { version: result.version, replayed: result.replayed, view };
  }

  async load(satker: string, noteId: string): Promise<CatatanReviuView> {
    const { state, version } = await this.runner.load(this.target(satker, noteId), catatanReviuDecider);
    return this.view(state, version);
  }

  /** The note with its people named (one query for all of them). */
  private async view(state: CatatanReviuState, version: number): Promise<CatatanReviuView> {
    if (state.status === 'EMPTY') throw notFound();
    return toCatatanReviuView(state, version, await personRefs(this.dataSource, peopleOfNote(state)))!;
  }
}

function notFound(): DomainError {
  return new DomainError('CATATAN_REVIU.NOT_FOUND', 'Catatan reviu tidak ditemukan.', 'not_found');
}
