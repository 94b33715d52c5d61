import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ratingScaleDecider, ratingScaleStreamId, type RatingRow } from '@kinerja/domain';
import { AggregateRunner } from '../../shared/aggregate-runner';
import type { CommandOptions, CommandOutcome, WorkflowActor } from '../../shared/workflow-actor';
import { toRatingScaleView, type RatingScaleView } from '../rating-scale.view';

export interface SetRatingScaleInput {
  label: string;
  rows: RatingRow[];
  reason?: string | null;
}

/** The ADMIN puts a new version of the office's rating scale in force (the same scale again: no change). */
export class SetRatingScaleCommand extends Command<CommandOutcome<RatingScaleView>> {
  constructor(readonly satker: string, readonly input: SetRatingScaleInput, readonly actor: WorkflowActor, readonly options: CommandOptions = {}) {
    super();
  }
}

@CommandHandler(SetRatingScaleCommand)
export class SetRatingScaleHandler implements ICommandHandler<SetRatingScaleCommand> {
  constructor(private readonly runner: AggregateRunner) {}

  async execute({ satker, input, actor, options }: SetRatingScaleCommand): Promise<CommandOutcome<RatingScaleView>> {
    const target = { tenant: satker, streamId: ratingScaleStreamId(satker) };
    const result = await this.runner.run(target, ratingScaleDecider, actor, options, (metadata) => ({
      type: 'SetRatingScale' as const,
      data: { satker, scale: { label: input.label, rows: input.rows }, reason: input.reason ?? null },
      metadata,
    }));
    return { version: result.version, replayed: result.replayed, view: toRatingScaleView(satker, result.state) };
  }
}
