import type { Decider } from '../shared/decider';
import type { RealisasiCommand } from './realisasi.commands';
import type { RealisasiEvent } from './realisasi.events';
import { decideRealisasi } from './realisasi.decide';
import { evolveRealisasi, initialRealisasiState, type RealisasiState } from './realisasi.state';

export const realisasiDecider: Decider<RealisasiState, RealisasiCommand, RealisasiEvent> = {
  initialState: initialRealisasiState,
  evolve: evolveRealisasi,
  decide: decideRealisasi,
};
