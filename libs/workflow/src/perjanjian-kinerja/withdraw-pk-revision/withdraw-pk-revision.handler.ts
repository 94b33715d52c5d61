import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { PkView } from '../pk.view';
import { PkWriter } from '../pk-writer';

/** Drops a PK Perubahan opened by mistake (a draft, also after a return); the version in force stays. */
export class WithdrawPkRevisionCommand extends Command<CommandOutcome<PkView>> {
  constructor(
    readonly satker: string,
    readonly year: number,
    readonly reason: string | null | undefined,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(WithdrawPkRevisionCommand)
export class WithdrawPkRevisionHandler implements ICommandHandler<WithdrawPkRevisionCommand> {
  constructor(private readonly writer: PkWriter) {}

  execute({ satker, year, reason, actor, options }: WithdrawPkRevisionCommand) {
    return this.writer.run({ satker, year }, actor, options, (metadata) => ({ type: 'WithdrawPkRevision', data: { reason }, metadata }));
  }
}
