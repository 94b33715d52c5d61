import type { Decider } from '../shared/decider';
import type { CatatanReviuCommand } from './catatan-reviu.commands';
import type { CatatanReviuEvent } from './catatan-reviu.events';
import { decideCatatanReviu } from './catatan-reviu.decide';
import { evolveCatatanReviu, initialCatatanReviuState, type CatatanReviuState } from './catatan-reviu.state';

export const catatanReviuDecider: Decider<CatatanReviuState, CatatanReviuCommand, CatatanReviuEvent> = {
  initialState: initialCatatanReviuState,
  evolve: evolveCatatanReviu,
  decide: decideCatatanReviu,
};
