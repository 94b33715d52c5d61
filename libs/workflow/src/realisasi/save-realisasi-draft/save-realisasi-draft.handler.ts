import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RealisasiContent, RealisasiKey } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { RealisasiDetailView } from '../report-deadline-view';
import { withCleanEvidenceNames } from '../../evidence/clean-file-name';
import { EvidenceService } from '../../evidence/evidence.service';
import { RealisasiWriter } from '../realisasi-writer';

/** Creates the monthly report or replaces its draft content (lines and budget). */
export class SaveRealisasiDraftCommand extends Command<CommandOutcome<RealisasiDetailView>> {
  constructor(
    readonly key: RealisasiKey,
    readonly content: RealisasiContent,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(SaveRealisasiDraftCommand)
export class SaveRealisasiDraftHandler implements ICommandHandler<SaveRealisasiDraftCommand> {
  constructor(
    private readonly writer: RealisasiWriter,
    private readonly evidence: EvidenceService,
  ) {}

  async execute({ key, content: sent, actor, options }: SaveRealisasiDraftCommand) {
    await this.evidence.assertUploaded(key, actor, sent);
    const content = withCleanEvidenceNames(sent);
    return this.writer.run(key, actor, options, (metadata, context) => ({
      type: 'SaveRealisasiDraft', data: { key, context, lines: content.lines, budget: content.budget }, metadata,
    }));
  }
}
