import { SetMetadata } from '@nestjs/common';

export const OWN_RATE_LIMIT_KEY = 'kinerja:ownRateLimit';

/**
 * A command route whose requests a limiter of its own bounds (named for the reader, e.g.
 * `EVIDENCE_UPLOADS_PER_HOUR`): CommandRateGuard does not count them a second time.
 */
export const OwnRateLimit = (limits: string) => SetMetadata(OWN_RATE_LIMIT_KEY, limits);
