import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RealisasiContent, RealisasiKey } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { RealisasiDetailView } from '../report-deadline-view';
import { withCleanEvidenceNames } from '../../evidence/clean-file-name';
import { EvidenceService } from '../../evidence/evidence.service';
import { RealisasiWriter } from '../realisasi-writer';

/**
 * Submits the report (first time, after a return, or a revision). With content, it is saved in the
 * same decision; without, the saved draft is submitted.
 */
export class SubmitRealisasiCommand extends Command<CommandOutcome<RealisasiDetailView>> {
  constructor(
    readonly key: RealisasiKey,
    readonly content: RealisasiContent | undefined,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(SubmitRealisasiCommand)
export class SubmitRealisasiHandler implements ICommandHandler<SubmitRealisasiCommand> {
  constructor(
    private readonly writer: RealisasiWriter,
    private readonly evidence: EvidenceService,
  ) {}

  async execute({ key, content: sent, actor, options }: SubmitRealisasiCommand) {
    await this.evidence.assertUploaded(key, actor, sent);
    const content = sent && withCleanEvidenceNames(sent);
    return this.writer.run(key, actor, options, (metadata, context) => ({
      type: 'SubmitRealisasi', data: content ? { key, context, content } : { key, context }, metadata,
    }));
  }
}
