import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { PkView } from '../pk.view';
import { PkWriter } from '../pk-writer';

/** The working draft goes to the Ketua (or another Sekretaris) for approval. */
export class SubmitPkCommand extends Command<CommandOutcome<PkView>> {
  constructor(
    readonly satker: string,
    readonly year: number,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(SubmitPkCommand)
export class SubmitPkHandler implements ICommandHandler<SubmitPkCommand> {
  constructor(private readonly writer: PkWriter) {}

  execute({ satker, year, actor, options }: SubmitPkCommand) {
    return this.writer.run({ satker, year }, actor, options, (metadata, facts) => ({ type: 'SubmitPk', data: { subbagianCodes: facts.subbagianCodes }, metadata }));
  }
}
