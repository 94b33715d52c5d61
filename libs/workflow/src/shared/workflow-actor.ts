import type { Actor, CommandMetadata, Role } from '@kinerja/domain';

/** The authenticated person behind a command or query (the HTTP edge's AuthenticatedUser fits). */
export interface WorkflowActor {
  id: string;
  role: Role;
  satker: string;
  subbagian: string | null;
}

export type { CommandOptions } from '@kinerja/event-store';

export function domainActor(actor: WorkflowActor): Actor {
  return { userId: actor.id, role: actor.role, subbagian: actor.role === 'KASUBBAG' ? actor.subbagian : null };
}

/** A reviewer's other accounts (SatkerDirectory.otherAccountsOf): by e-mail, and by full name in the same office. */
export interface ReviewerAccounts {
  sameEmail: readonly string[];
  sameName: readonly string[];
}

/** An actor with their other accounts, as maker-checker compares them with a submitter. */
export function withOtherAccounts(actor: Actor, accounts: ReviewerAccounts): Actor {
  return { ...actor, otherAccounts: accounts.sameEmail, sameNameAccounts: accounts.sameName };
}

/** The metadata of a review, with the reviewer's other accounts for maker-checker. */
export function asReviewer(metadata: CommandMetadata, accounts: ReviewerAccounts): CommandMetadata {
  return { ...metadata, actor: withOtherAccounts(metadata.actor, accounts) };
}

/** The answer of every command: the resource after it, with the version clients send back in If-Match. */
export interface CommandOutcome<View> {
  /** Number of events in the stream: 0 before the first, then 1, 2, … */
  version: number;
  /** True when the Idempotency-Key had been seen: nothing was appended. */
  replayed: boolean;
  view: View;
}
