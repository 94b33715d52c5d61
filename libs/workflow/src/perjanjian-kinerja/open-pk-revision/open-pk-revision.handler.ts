import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { localDateOf } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { PkView } from '../pk.view';
import { PkWriter } from '../pk-writer';

/** PK Perubahan: a new working version; the approved one stays in force until it is approved. */
export class OpenPkRevisionCommand extends Command<CommandOutcome<PkView>> {
  constructor(
    readonly satker: string,
    readonly year: number,
    readonly reason: string,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(OpenPkRevisionCommand)
export class OpenPkRevisionHandler implements ICommandHandler<OpenPkRevisionCommand> {
  constructor(private readonly writer: PkWriter) {}

  execute({ satker, year, reason, actor, options }: OpenPkRevisionCommand) {
    return this.writer.run({ satker, year }, actor, options, (metadata, facts) => ({
      type: 'OpenPkRevision',
      data: { reason, yearEnded: localDateOf(metadata.now, facts.timeZone).year > year },
      metadata,
    }));
  }
}
