import type { ReminderAudience } from '../plan/reminder-plan.types';

/** The roles a reminder may reach: its audience, or whoever stands in when the audience has nobody active. */
export type DeliveryRole = 'KASUBBAG' | 'SEKRETARIS' | 'KETUA';

/**
 * Who a reminder actually went to, kept in the `ReminderSent` event, the `reminders` row and the
 * inbox rows so that the audit trail tells the truth.
 *
 * - `role`: the role whose active users received it — the audience's own, a stand-in's, or `null`
 *   when nobody at all could receive it (the row is still recorded, with 0 recipients).
 * - `vacantRoles`: the roles of the chain, in order, that had nobody active; empty when the audience
 *   itself received it.
 *
 * Events recorded before stand-ins existed have no `delivery`: they went to the audience's own role.
 */
export interface ReminderDelivery {
  role: DeliveryRole | null;
  vacantRoles: DeliveryRole[];
}

/**
 * Who answers for a reminder, in order, when the one before has nobody active: a Kasubbag's reminder
 * goes to the Sekretaris (who must see the report done, or have a successor appointed), a
 * Sekretaris's to the Ketua.
 */
export function deliveryChain(audience: ReminderAudience): DeliveryRole[] {
  return audience.role === 'KASUBBAG' ? ['KASUBBAG', 'SEKRETARIS', 'KETUA'] : ['SEKRETARIS', 'KETUA'];
}

/** The first role of the chain with someone active, and the people of that role; nobody when no role has anyone. */
export function chooseDelivery<P>(audience: ReminderAudience, activeByRole: (role: DeliveryRole) => readonly P[]): { delivery: ReminderDelivery; recipients: P[] } {
  const vacantRoles: DeliveryRole[] = [];
  for (const role of deliveryChain(audience)) {
    const people = activeByRole(role);
    if (people.length > 0) return { delivery: { role, vacantRoles }, recipients: [...people] };
    vacantRoles.push(role);
  }
  return { delivery: { role: null, vacantRoles }, recipients: [] };
}

/** What a reminder recorded without a stand-in decision (older callers) went to: its audience, if anyone. */
export function directDelivery(audience: ReminderAudience, recipients: number): ReminderDelivery {
  return recipients > 0 ? { role: audience.role, vacantRoles: [] } : { role: null, vacantRoles: [audience.role] };
}

/** True when someone other than the audience received it, or nobody did. */
export function isStandIn(audience: ReminderAudience, delivery: ReminderDelivery | undefined): delivery is ReminderDelivery {
  return delivery !== undefined && delivery.role !== audience.role;
}
