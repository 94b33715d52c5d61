import { DomainError } from '../shared/domain-error';

/** Where a note's author sits, as the handler looked it up from the identity tables. */
export interface CatatanAuthorOffice {
  /** The office of the Inspektorat who wrote the note. */
  satker: string;
  /** Its name as people read it (absent: the code names it). */
  name?: string;
  /** Its parent, grandparent … up to the root. */
  above: readonly string[];
}

/**
 * A note or finding is settled (closed, reopened) only by the Inspektorat of the office whose
 * Inspektorat wrote it, or of an office above that one: a kabupaten's Inspektorat, which sees the
 * kabupaten, must not close what the province's Inspektorat found there. Answers 403
 * `CATATAN_REVIU.AUTHOR_OFFICE_ABOVE` otherwise. The role itself is the decider's rule.
 */
export function checkCatatanAuthorOffice(actorSatker: string, author: CatatanAuthorOffice, action: string): void {
  if (actorSatker === author.satker || author.above.includes(actorSatker)) return;
  throw new DomainError(
    'CATATAN_REVIU.AUTHOR_OFFICE_ABOVE',
    `Catatan reviu ini ditulis oleh Inspektorat ${author.name ?? author.satker}; hanya Inspektorat satker tersebut atau satker di atasnya yang dapat ${action}.`,
    'forbidden',
    { authorSatker: author.satker },
  );
}
