import { JOB_NAMES, JobName } from '../queues';

export interface FoundHandler<H> {
  name: string;
  /** "Class.method", for the error message. */
  owner: string;
  handle: H;
}

/** One handler per job name of the typed map, or an error naming every job without one or with two. */
export function resolveJobHandlers<H>(found: FoundHandler<H>[], names: readonly JobName[] = JOB_NAMES): Map<JobName, H> {
  const problems: string[] = [];
  const byName = new Map<JobName, H>();
  for (const name of names) {
    const matches = found.filter((f) => f.name === name);
    if (matches.length === 0) problems.push(`job "${name}" has no handler`);
    else if (matches.length > 1) problems.push(`job "${name}" has ${matches.length} handlers: ${matches.map((m) => m.owner).join(', ')}`);
    else byName.set(name, matches[0].handle);
  }
  for (const f of found) {
    if (!(names as readonly string[]).includes(f.name)) problems.push(`${f.owner} handles "${f.name}", which is not in queues.ts`);
  }
  if (problems.length > 0) throw new Error(`Job handlers do not match queues.ts: ${problems.join('; ')}`);
  return byName;
}
