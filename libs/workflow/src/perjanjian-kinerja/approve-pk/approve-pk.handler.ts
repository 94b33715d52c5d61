import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SatkerDirectory } from '../../shared/satker-directory';
import { asReviewer, type CommandOptions, type CommandOutcome, type WorkflowActor } from '../../shared/workflow-actor';
import type { PkView } from '../pk.view';
import { PkWriter } from '../pk-writer';

/** The submitted version is frozen and in force from now on. */
export class ApprovePkCommand extends Command<CommandOutcome<PkView>> {
  constructor(
    readonly satker: string,
    readonly year: number,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ApprovePkCommand)
export class ApprovePkHandler implements ICommandHandler<ApprovePkCommand> {
  constructor(
    private readonly writer: PkWriter,
    private readonly directory: SatkerDirectory,
  ) {}

  async execute({ satker, year, actor, options }: ApprovePkCommand) {
    // Read when the review is decided: an account given the submitter's address since is caught.
    const otherAccounts = await this.directory.otherAccountsOf(actor.id);
    return this.writer.run({ satker, year }, actor, options, (metadata, facts) => ({ type: 'ApprovePk', data: { subbagianCodes: facts.subbagianCodes }, metadata: asReviewer(metadata, otherAccounts) }));
  }
}
