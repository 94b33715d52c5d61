import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RealisasiKey } from '@kinerja/domain';
import { SatkerDirectory } from '../../shared/satker-directory';
import { asReviewer, type CommandOptions, type CommandOutcome, type WorkflowActor } from '../../shared/workflow-actor';
import type { RealisasiDetailView } from '../report-deadline-view';
import { RealisasiWriter } from '../realisasi-writer';

/** The Sekretaris approves a submitted report (never their own submission). */
export class ApproveRealisasiCommand extends Command<CommandOutcome<RealisasiDetailView>> {
  constructor(
    readonly key: RealisasiKey,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ApproveRealisasiCommand)
export class ApproveRealisasiHandler implements ICommandHandler<ApproveRealisasiCommand> {
  constructor(
    private readonly writer: RealisasiWriter,
    private readonly directory: SatkerDirectory,
  ) {}

  async execute({ key, actor, options }: ApproveRealisasiCommand) {
    // Read when the review is decided: an account given the submitter's address since is caught.
    const otherAccounts = await this.directory.otherAccountsOf(actor.id);
    return this.writer.run(key, actor, options, (metadata) => ({ type: 'ApproveRealisasi', data: {}, metadata: asReviewer(metadata, otherAccounts) }));
  }
}
