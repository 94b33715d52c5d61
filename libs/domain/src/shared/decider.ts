/** Emmett-style tagged union members. */
export interface Event<Type extends string, Data> {
  type: Type;
  data: Data;
}

export interface Command<Type extends string, Data> {
  type: Type;
  data: Data;
  metadata: import('./actor').CommandMetadata;
}

/** An aggregate as three pure functions. `decide` throws DomainError when it refuses. */
export interface Decider<State, Cmd, Evt> {
  initialState(): State;
  evolve(state: State, event: Evt): State;
  decide(command: Cmd, state: State): Evt[];
}

/** Rebuilds a state from its events (the handler does this after reading a stream). */
export function foldEvents<State, Evt>(decider: Pick<Decider<State, unknown, Evt>, 'initialState' | 'evolve'>, events: readonly Evt[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
