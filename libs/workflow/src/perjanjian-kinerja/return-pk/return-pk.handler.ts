import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { PkView } from '../pk.view';
import { PkWriter } from '../pk-writer';

/** The submitted version goes back to draft, with the reason. */
export class ReturnPkCommand extends Command<CommandOutcome<PkView>> {
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

@CommandHandler(ReturnPkCommand)
export class ReturnPkHandler implements ICommandHandler<ReturnPkCommand> {
  constructor(private readonly writer: PkWriter) {}

  execute({ satker, year, reason, actor, options }: ReturnPkCommand) {
    return this.writer.run({ satker, year }, actor, options, (metadata) => ({ type: 'ReturnPk', data: { reason }, metadata }));
  }
}
