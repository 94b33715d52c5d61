import type { HariLibur } from '@kinerja/domain';
import { withReason } from '../events/identity-reason';
import type { HariLiburEntryChange, IdentityEvent } from '../events/identity.events';

type HariLiburChanged = Extract<IdentityEvent, { type: 'HariLiburChanged' }>;

/**
 * What replacing a year's list records: `HariLiburChanged` at the next version, with the dates the
 * new list adds, removes and keeps under another name or kind; null when it is the list in force
 * (a re-send changes nothing and records nothing, its reason included). Both lists are as kept:
 * validated, one entry a date.
 */
export function decideHariLiburChange(
  year: number,
  current: { version: number; holidays: readonly HariLibur[] },
  next: readonly HariLibur[],
  reason: string | undefined,
): HariLiburChanged | null {
  const before = new Map(current.holidays.map((h) => [h.date, h]));
  const after = new Map(next.map((h) => [h.date, h]));
  const added = next.filter((h) => !before.has(h.date)).map(plain);
  const removed = current.holidays.filter((h) => !after.has(h.date)).map(plain);
  const changed = next.flatMap((h): HariLiburEntryChange[] => {
    const was = before.get(h.date);
    if (!was || (was.name === h.name && was.kind === h.kind)) return [];
    return [{ date: h.date, before: { name: was.name, kind: was.kind }, after: { name: h.name, kind: h.kind } }];
  });
  if (added.length === 0 && removed.length === 0 && changed.length === 0) return null;
  const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
  return {
    type: 'HariLiburChanged',
    data: withReason({ year, version: current.version + 1, added: added.sort(byDate), removed: removed.sort(byDate), changed: changed.sort(byDate) }, reason),
  };
}

/** Only the calendar's own fields: a view's entry also carries who recorded it. */
function plain(h: HariLibur): HariLibur {
  return { date: h.date, name: h.name, kind: h.kind };
}
