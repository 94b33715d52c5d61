import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RealisasiKey } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { RealisasiDetailView } from '../report-deadline-view';
import { RealisasiWriter } from '../realisasi-writer';

/** A correction after approval: a new revision, with the reason, to be approved again. */
export class ReviseRealisasiCommand extends Command<CommandOutcome<RealisasiDetailView>> {
  constructor(
    readonly key: RealisasiKey,
    readonly reason: string,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ReviseRealisasiCommand)
export class ReviseRealisasiHandler implements ICommandHandler<ReviseRealisasiCommand> {
  constructor(private readonly writer: RealisasiWriter) {}

  execute({ key, reason, actor, options }: ReviseRealisasiCommand) {
    return this.writer.run(key, actor, options, (metadata, context) => ({ type: 'ReviseRealisasi', data: { reason, context }, metadata }));
  }
}
