import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { localDateOf, perjanjianKinerjaDecider, pkStreamId, type PkState } from '@kinerja/domain';
import { checkCatatanTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu-target.check';
import { checkCatatanAuthorOffice } from '@kinerja/domain/catatan-reviu/catatan-reviu-author.check';
import type { CatatanReviuCategory, CatatanReviuTarget } from '@kinerja/domain/catatan-reviu/catatan-reviu.types';
import { Clock } from '@kinerja/platform';
import { AggregateRunner } from '../shared/aggregate-runner';
import { SatkerDirectory } from '../shared/satker-directory';
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
  constructor(
    private readonly writer: CatatanReviuWriter,
    private readonly runner: AggregateRunner,
    private readonly directory: SatkerDirectory,
    private readonly clock: Clock,
  ) {}

  async execute({ satker, noteId, input, actor, options }: WriteCatatanReviuCommand) {
    await this.checkTarget(satker, input.target);
    return this.writer.run(satker, noteId, actor, options, (metadata) => ({ type: 'WriteCatatanReviu', data: { noteId, satker, ...input }, metadata }));
  }

  /** The target must name a period that has begun and a subbagian or indicator the office has. */
  private async checkTarget(satker: string, target: CatatanReviuTarget): Promise<void> {
    if (!target || !Number.isInteger(target.year) || target.year < 2000 || target.year > 2100) return; // the decider refuses the shape
    const pkStream = pkStreamId(satker, target.year);
    const [timeZone, loaded, subbagian] = await Promise.all([
      this.directory.timeZoneOf(satker),
      this.runner.loadMany(satker, [{ streamId: pkStream, folder: perjanjianKinerjaDecider }]),
      this.directory.allSubbagianCodes(satker),
    ]);
    checkCatatanTarget(target, {
      today: localDateOf(this.clock.now().toISOString(), timeZone),
      subbagianCodes: subbagian,
      pk: loaded.get(pkStream)!.state as PkState,
    });
  }
}

@CommandHandler(SubmitTindakLanjutCommand)
export class SubmitTindakLanjutHandler implements ICommandHandler<SubmitTindakLanjutCommand> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  execute({ satker, noteId, response, actor, options }: SubmitTindakLanjutCommand) {
    return this.writer.run(satker, noteId, actor, options, (metadata) => ({ type: 'SubmitTindakLanjut', data: { response }, metadata }));
  }
}

/**
 * Closing and reopening settle a note: only an Inspektorat of its author's office or of an office
 * above it may (a kabupaten's Inspektorat never settles the province's finding). Another role is
 * refused by the decider (CATATAN_REVIU.FORBIDDEN), so the author is looked up for Inspektorat only.
 * The author never changes, so reading the note before the command runs decides nothing stale.
 */
async function requireAuthorOfficeOrAbove(writer: CatatanReviuWriter, satker: string, noteId: string, actor: WorkflowActor, action: string): Promise<void> {
  if (actor.role !== 'INSPEKTORAT') return;
  const note = await writer.load(satker, noteId);
  checkCatatanAuthorOffice(actor.satker, await writer.authorOffice(note), action);
}

@CommandHandler(CloseCatatanReviuCommand)
export class CloseCatatanReviuHandler implements ICommandHandler<CloseCatatanReviuCommand> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  async execute({ satker, noteId, conclusion, actor, options }: CloseCatatanReviuCommand) {
    await requireAuthorOfficeOrAbove(this.writer, satker, noteId, actor, 'menutupnya');
    return this.writer.run(satker, noteId, actor, options, (metadata) => ({ type: 'CloseCatatanReviu', data: { conclusion }, metadata }));
  }
}

@CommandHandler(ReopenCatatanReviuCommand)
export class ReopenCatatanReviuHandler implements ICommandHandler<ReopenCatatanReviuCommand> {
  constructor(private readonly writer: CatatanReviuWriter) {}
  async execute({ satker, noteId, reason, actor, options }: ReopenCatatanReviuCommand) {
    await requireAuthorOfficeOrAbove(this.writer, satker, noteId, actor, 'membukanya kembali');
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
