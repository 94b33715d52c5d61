import { readableReason } from '@kinerja/domain';
import { identityErrors } from '../identity.errors';
import type { Reasoned } from './identity.events';

/**
 * An administrator's optional reason for a change of an office, subbagian or user, as the events
 * carry it: trimmed, or undefined when none was given. Given, it follows the rule of every reason of
 * the workflow (3–2000 visible characters); otherwise 422 IDENTITY.REASON_INVALID, nothing written.
 */
export function optionalReason(reason: string | null | undefined): string | undefined {
  if (reason === undefined || reason === null) return undefined;
  const text = readableReason(reason);
  if (text === null) throw identityErrors.reasonInvalid();
  return text;
}

/** `data` with the reason, or without the key when there is none (events recorded before reasons look alike). */
export function withReason<T extends object>(data: T, reason: string | undefined): T & Reasoned {
  return reason === undefined ? data : { ...data, reason };
}
