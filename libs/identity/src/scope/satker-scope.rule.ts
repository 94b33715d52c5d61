import type { Role } from '@kinerja/domain';

/**
 * Which offices a user may see. The rule, decided once for every endpoint:
 * - KASUBBAG, SEKRETARIS and KETUA: their own office only.
 * - INSPEKTORAT: its own office and every office below it (through the parent chain), since an
 *   internal auditor reviews the units under it.
 * - ADMIN: likewise its own office and every office below it. The administrator of the root office
 *   (the first administrator) therefore manages every office; the administrator of a provincial
 *   office manages the kabupaten/kota offices under it.
 * An office outside the scope answers 404, exactly like one that does not exist.
 */
export const ROLES_WITH_DESCENDANT_SCOPE: readonly Role[] = ['INSPEKTORAT', 'ADMIN'];

export function reachesDescendants(role: Role): boolean {
  return ROLES_WITH_DESCENDANT_SCOPE.includes(role);
}

/**
 * @param ancestorsOfTarget the codes of the target office's parent, grandparent … up to the root
 */
export function satkerInScope(user: { role: Role; satker: string }, target: string, ancestorsOfTarget: readonly string[]): boolean {
  if (target === user.satker) return true;
  return reachesDescendants(user.role) && ancestorsOfTarget.includes(user.satker);
}
