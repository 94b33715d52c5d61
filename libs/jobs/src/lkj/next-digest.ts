import { DIGEST_PATTERN } from '../digest/digest-jobs';

/**
 * When the worker next signs the daily digest (DIGEST_PATTERN, "s m h * * *", UTC) strictly after
 * `instant`: the first digest that covers what was in the chain at `instant`. The LKj's annex says
 * when that is, rather than "tidak tersedia", when no digest covers its chain head yet.
 */
export function nextDailyDigestAt(instant: Date, pattern: string = DIGEST_PATTERN): Date {
  const [second, minute, hour, ...rest] = pattern.trim().split(/\s+/);
  if (rest.join(' ') !== '* * *' || ![second, minute, hour].every((x) => /^\d+$/.test(x ?? ''))) {
    throw new Error(`The digest schedule "${pattern}" is not a fixed daily time: the LKj cannot tell when its next digest is`);
  }
  const at = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate(), Number(hour), Number(minute), Number(second)));
  if (at.getTime() <= instant.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}
