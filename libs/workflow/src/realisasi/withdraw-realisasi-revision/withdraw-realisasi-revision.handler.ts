import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RealisasiKey } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { RealisasiDetailView } from '../report-deadline-view';
import { RealisasiWriter } from '../realisasi-writer';

/** Drops a correction opened by mistake (a draft or returned): the report is approved again as it was. */
export class WithdrawRealisasiRevisionCommand extends Command<CommandOutcome<RealisasiDetailView>> {
  constructor(
    readonly key: RealisasiKey,
    readonly reason: string | null | undefined,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(WithdrawRealisasiRevisionCommand)
export class WithdrawRealisasiRevisionHandler implements ICommandHandler<WithdrawRealisasiRevisionCommand> {
  constructor(private readonly writer: RealisasiWriter) {}

  execute({ key, reason, actor, options }: WithdrawRealisasiRevisionCommand) {
    return this.writer.run(key, actor, options, (metadata) => ({ type: 'WithdrawRealisasiRevision', data: { reason }, metadata }));
  }
}
