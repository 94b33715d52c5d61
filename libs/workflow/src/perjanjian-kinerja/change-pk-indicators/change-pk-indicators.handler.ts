import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PkStructure } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { PkView } from '../pk.view';
import { PkWriter } from '../pk-writer';

/** Replaces the structure (programs → kegiatan → indicators) of the working draft. */
export class ChangePkIndicatorsCommand extends Command<CommandOutcome<PkView>> {
  constructor(
    readonly satker: string,
    readonly year: number,
    readonly structure: PkStructure,
    readonly actor: WorkflowActor,
    readonly options: CommandOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ChangePkIndicatorsCommand)
export class ChangePkIndicatorsHandler implements ICommandHandler<ChangePkIndicatorsCommand> {
  constructor(private readonly writer: PkWriter) {}

  execute({ satker, year, structure, actor, options }: ChangePkIndicatorsCommand) {
    return this.writer.run({ satker, year }, actor, options, (metadata, facts) => ({
      type: 'ChangePkIndicators', data: { structure, subbagianCodes: facts.subbagianCodes }, metadata,
    }));
  }
}
