import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RealisasiKey } from '@kinerja/domain';
import { SatkerDirectory } from '../../shared/satker-directory';
import { asReviewer, type CommandOptions, type CommandOutcome, type WorkflowActor } from '../../shared/workflow-actor';
import type { RealisasiDetailView } from '../report-deadline-view';
import { RealisasiWriter } from '../realisasi-writer';

/** The Sekretaris sends a submitted report back, with the reason. */
export class ReturnRealisasiCommand extends Command<CommandOutcome<RealisasiDetailView>> {
  constructor(
    readonly key: RealisasiKey,
    readonly reason: string,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ReturnRealisasiCommand)
export class ReturnRealisasiHandler implements ICommandHandler<ReturnRealisasiCommand> {
  constructor(
    private readonly writer: RealisasiWriter,
    private readonly directory: SatkerDirectory,
  ) {}

  async execute({ key, reason, actor, options }: ReturnRealisasiCommand) {
    // Read when the review is decided: an account given the submitter's address since is caught.
    const otherAccounts = await this.directory.otherAccountsOf(actor.id);
    return this.writer.run(key, actor, options, (metadata) => ({ type: 'ReturnRealisasi', data: { reason }, metadata: asReviewer(metadata, otherAccounts) }));
  }
}
