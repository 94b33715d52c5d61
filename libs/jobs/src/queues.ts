// The one typed map of every BullMQ job in Kinerja: its name, its queue and its payload. A worker
// refuses to start when a name here has no handler or more than one (see queue-runtime/).
// To add a job: a line in JobPayloads and in JOB_QUEUES, then one @JobHandler('<name>') method.
import type { OfficeTimeZone } from './reminders/plan/office-time';

export interface JobPayloads {
  /** Plan and record every reminder due now (catch-up included), then send the e-mails. */
  'reminders.run': { timeZone: OfficeTimeZone | null; reason: 'schedule' | 'catch-up' | 'leader-start' | 'manual' };
  /** Announce a dispensasi just granted: plan and record the office's notices, send the e-mails; id `dispensasi.<satker>.<event id>`. */
  'reminders.dispensasi': { satker: string; eventId: string };
  /** Announce what happened to a review note (written, answered, closed, reopened); id `catatan-reviu.<satker>.<event id>`. */
  'reminders.catatan-reviu': { satker: string; streamId: string; eventId: string };
  /** Announce a PK submitted, returned or approved, or an LKj produced or gone stale; id `pk-lkj.<satker>.<event id>`. */
  'reminders.pk-lkj': { satker: string; streamId: string; eventId: string };
  /** Announce a newly recorded integrity alert to the Inspektorat in scope and the office's ADMIN; id `integrity-alert.<satker>.<alert id>`. */
  'reminders.integrity-alert': { satker: string; alertId: number };
  /** Send e-mails waiting in the outbox (retries of failed sends). */
  'notifications.dispatch': Record<string, never>;
  /** Produce version `version` of an office's LKj (DOCX and PDF); id `lkj.<satker>.<year>.v<version>`. */
  'lkj.produce': { satker: string; year: number; version: number };
  /** Catch the LKj process manager up and re-enqueue every version asked for and not yet produced. */
  'lkj.reconcile': { reason: 'schedule' | 'worker-start' | 'manual' };
}

export interface JobPayloads {
  /** Fan out today's signed chain-head digest to one job per office (Job Scheduler, daily). */
  'audit.digest-all': { reason: 'schedule' | 'manual' };
  /** Sign and record the digest of one office's chain head for `day` (UTC); id `digest.<satker>.<day>`. */
  'audit.digest-office': { satker: string; day: string };
}

export interface JobPayloads {
  /** Delete the stored files nothing refers to (Job Scheduler, daily; see files/file-sweep.ts). */
  'files.sweep': { reason: 'schedule' | 'manual' };
}

export type JobName = keyof JobPayloads;

/** Queues and how many jobs of each one worker runs at once. */
export const QUEUES = {
  reminders: { concurrency: 1 },
  audit: { concurrency: 2 },
  lkj: { concurrency: 2 },
  files: { concurrency: 1 },
} as const;

export type QueueName = keyof typeof QUEUES;

export const JOB_QUEUES: { readonly [N in JobName]: QueueName } = {
  'reminders.run': 'reminders',
  'reminders.dispensasi': 'reminders',
  'reminders.catatan-reviu': 'reminders',
  'reminders.pk-lkj': 'reminders',
  'reminders.integrity-alert': 'reminders',
  'notifications.dispatch': 'reminders',
  'audit.digest-all': 'audit',
  'audit.digest-office': 'audit',
  'lkj.produce': 'lkj',
  'lkj.reconcile': 'lkj',
  'files.sweep': 'files',
};

export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

/** BullMQ refuses custom job ids with ':' or that look like integers; ids here are built from parts with '.'. */
export function jobId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/:/g, '.')).join('.');
}
