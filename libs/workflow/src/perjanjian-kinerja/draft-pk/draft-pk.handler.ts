import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PkStructure } from '@kinerja/domain';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import type { PkView } from '../pk.view';
import { PkWriter } from '../pk-writer';

/** Version 1 of the year's PK, as a draft. */
export class DraftPkCommand extends Command<CommandOutcome<PkView>> {
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

@CommandHandler(DraftPkCommand)
export class DraftPkHandler implements ICommandHandler<DraftPkCommand> {
  constructor(private readonly writer: PkWriter) {}

  execute({ satker, year, structure, actor, options }: DraftPkCommand) {
    return this.writer.run({ satker, year }, actor, options, (metadata, facts) => ({
      type: 'DraftPk', data: { satker, year, structure, subbagianCodes: facts.subbagianCodes }, metadata,
    }));
  }
}
