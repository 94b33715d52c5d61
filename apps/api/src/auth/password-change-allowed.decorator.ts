import { SetMetadata } from '@nestjs/common';

export const ALLOWED_BEFORE_PASSWORD_CHANGE_KEY = 'kinerja:allowedBeforePasswordChange';

/**
 * Opens an authenticated route to a user whose password an administrator set and who has not
 * changed it yet (everything else answers 403 AUTH.PASSWORD_CHANGE_REQUIRED): changing one's own
 * password, reading who one is, and signing out.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE_KEY, true);
