// Given/when/then for deciders (Emmett's DeciderSpecification, in a few lines). Used by specs only.
import { DomainError } from '../src/shared/domain-error';
import { foldEvents, type Decider } from '../src/shared/decider';

export function deciderSpec<S, C, E>(decider: Decider<S, C, E>) {
  return (...given: E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, foldEvents(decider, given));
      return {
        then: (expected: E[]) => expect(run()).toEqual(expected),
        thenThrows: (code: string, kind?: DomainError['kind']) => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
          if (kind) expect((caught as DomainError).kind).toBe(kind);
          return caught as DomainError;
        },
        /** The events, for assertions on part of them. */
        events: run,
      };
    },
  });
}
