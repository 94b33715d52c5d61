import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
  constructor(private readonly runner: AggregateRunner, private readonly dataSource: DataSource) {}

  /**
   * The office of the Inspektorat who wrote the note, with every office above it (users belong to
   * one office for good). A note whose author is not found counts as written by the office reviewed.
   */
  async authorOffice(note: CatatanReviuView): Promise<CatatanAuthorOffice> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `WITH RECURSIVE chain (code, parent_code, depth) AS (
         SELECT s.code, s.parent_code, 0
           FROM satker s
          WHERE s.code = COALESCE((SELECT u.satker_code FROM users u WHERE u.id = $1 LIMIT 1), $2)
         UNION ALL
         SELECT s.code, s.parent_code, c.depth + 1 FROM satker s JOIN chain c ON s.code = c.parent_code WHERE c.depth < 16
       )
       SELECT code FROM chain ORDER BY depth`,
      [note.writtenBy, note.satker],
    );
    if (rows.length === 0) return { satker: note.satker, above: [] };
    return { satker: rows[0].code, above: rows.slice(1).map((r) => r.code) };
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
