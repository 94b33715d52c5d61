import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CatatanReviuCategory, CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../shared/workflow-actor';
import type { CatatanReviuView } from './catatan-reviu.view';
import { CatatanReviuWriter } from './catatan-reviu.writer';

export interface WriteCatatanReviuInput {
  category: CatatanReviuCategory;
  target: CatatanReviuTarget;
  title: string;
  description: string;
  recommendation: string;
}

/** The Inspektorat writes a note or finding; `noteId` is chosen at the edge (a UUID). */
export class WriteCatatanReviuCommand extends Command<CommandOutcome<CatatanReviuView>> {
  constructor(readonly satker: string, readonly noteId: string, readonly input: WriteCatatanReviuInput, readonly actor: WorkflowActor, readonly options: CommandOptions = {}) {
    super();
  }
}

/** The Sekretaris answers with a tindak lanjut. */
export class SubmitTindakLanjutCommand extends Command<CommandOutcome<CatatanReviuView>> {
  constructor(readonly satker: string, readonly noteId: string, readonly response: string, readonly actor: WorkflowActor, readonly options: CommandOptions = {}) {
    super();
  }
}

export class CloseCatatanReviuCommand extends Command<CommandOutcome<CatatanReviuView>> {
  constructor(readonly satker: string, readonly noteId: string, readonly conclusion: string, readonly actor: WorkflowActor, readonly options: CommandOptions = {}) {
    super();
  }
}

export class ReopenCatatanReviuCommand extends Command<CommandOutcome<CatatanReviuView>> {
  constructor(readonly satker: string, readonly noteId: string, readonly reason: string, readonly actor: WorkflowActor, readonly options: CommandOptions = {}) {
    super();
  }
}

/** One note with every tindak lanjut, read from its stream. Reads are not logged as events. */
export class GetCatatanReviuQuery extends Query<CatatanReviuView> {
  constructor(readonly satker: string, readonly noteId: string) {
    super();
  }
}

@CommandHandler(WriteCatatanReviuCommand)
export class WriteCatatanReviuHandler implements ICommandHandler<WriteCatatanReviuCommand> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  execute({ satker, noteId, input, actor, options }: WriteCatatanReviuCommand) {
    return this.writer.run(satker, noteId, actor, options, (metadata) => ({ type: 'WriteCatatanReviu', data: { noteId, satker, ...input }, metadata }));
  }
}

@CommandHandler(SubmitTindakLanjutCommand)
export class SubmitTindakLanjutHandler implements ICommandHandler<SubmitTindakLanjutCommand> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  execute({ satker, noteId, response, actor, options }: SubmitTindakLanjutCommand) {
    return this.writer.run(satker, noteId, actor, options, (metadata) => ({ type: 'SubmitTindakLanjut', data: { response }, metadata }));
  }
}

@CommandHandler(CloseCatatanReviuCommand)
export class CloseCatatanReviuHandler implements ICommandHandler<CloseCatatanReviuCommand> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  execute({ satker, noteId, conclusion, actor, options }: CloseCatatanReviuCommand) {
    return this.writer.run(satker, noteId, actor, options, (metadata) => ({ type: 'CloseCatatanReviu', data: { conclusion }, metadata }));
  }
}

@CommandHandler(ReopenCatatanReviuCommand)
export class ReopenCatatanReviuHandler implements ICommandHandler<ReopenCatatanReviuCommand> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  execute({ satker, noteId, reason, actor, options }: ReopenCatatanReviuCommand) {
    return this.writer.run(satker, noteId, actor, options, (metadata) => ({ type: 'ReopenCatatanReviu', data: { reason }, metadata }));
  }
}

@QueryHandler(GetCatatanReviuQuery)
export class GetCatatanReviuHandler implements IQueryHandler<GetCatatanReviuQuery> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  execute({ satker, noteId }: GetCatatanReviuQuery) {
    return this.writer.load(satker, noteId);
  }
}

export const CATATAN_REVIU_PROVIDERS = [
  CatatanReviuWriter, WriteCatatanReviuHandler, SubmitTindakLanjutHandler, CloseCatatanReviuHandler, ReopenCatatanReviuHandler, GetCatatanReviuHandler,
];
