import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'kinerja:isPublic';

/** Opens a route to callers without a token. Only health and login are public. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
