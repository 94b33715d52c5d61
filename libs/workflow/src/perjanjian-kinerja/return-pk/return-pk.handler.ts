import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SatkerDirectory } from '../../shared/satker-directory';
import { asReviewer, type CommandOptions, type CommandOutcome, type WorkflowActor } from '../../shared/workflow-actor';
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
  constructor(
    private readonly writer: PkWriter,
    private readonly directory: SatkerDirectory,
  ) {}

  async execute({ satker, year, reason, actor, options }: ReturnPkCommand) {
    // Read when the review is decided: an account given the submitter's address since is caught.
    const otherAccounts = await this.directory.otherAccountsOf(actor.id);
    return this.writer.run({ satker, year }, actor, options, (metadata) => ({ type: 'ReturnPk', data: { reason }, metadata: asReviewer(metadata, otherAccounts) }));
  }
}
