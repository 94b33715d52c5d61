import type { Decider } from '../shared/decider';
import type { PkCommand } from './pk.commands';
import type { PkEvent } from './pk.events';
import { decidePk } from './pk.decide';
import { evolvePk, initialPkState, type PkState } from './pk.state';

export const perjanjianKinerjaDecider: Decider<PkState, PkCommand, PkEvent> = {
  initialState: initialPkState,
  evolve: evolvePk,
  decide: decidePk,
};
