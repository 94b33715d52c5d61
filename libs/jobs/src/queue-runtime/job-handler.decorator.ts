import { SetMetadata } from '@nestjs/common';
import type { JobName } from '../queues';

export const JOB_HANDLER_KEY = 'kinerja:job-handler';

/** Marks the provider method that handles one job of the typed map. Exactly one per job name, or the worker does not start. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);
