/** Settings whose value is a secret: an error names the variable and the value's length, never the value. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['JWT_SECRET', 'ADMIN_PASSWORD', 'DEMO_PASSWORD', 'DIGEST_SIGNING_KEY']);

/** Settings that are URLs which may carry a password (`scheme://user:password@host`). */
export const URL_SETTINGS: ReadonlySet<string> = new Set(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);

/**
 * The URL with its password (or, when the user information has no `user:` part, all of it) replaced
 * by `***`, for logs and error messages. Done by position rather than by `URL`, so that a malformed
 * URL, the very value an error is about, is redacted too.
 */
export function redactUrl(url: string): string {
  const at = url.lastIndexOf('@');
  if (at < 0) return url;
  const scheme = url.indexOf('//');
  const start = scheme >= 0 && scheme < at ? scheme + 2 : 0;
  const colon = url.indexOf(':', start);
  if (colon < 0 || colon > at) return `${url.slice(0, start)}***${url.slice(at)}`;
  return `${url.slice(0, colon + 1)}***${url.slice(at)}`;
}

/** How a configuration error may show the value given for `name`. */
export function shownValue(name: string, value: string): string {
  if (SECRET_SETTINGS.has(name)) return `nilai ${value.length} karakter, tidak ditampilkan`;
  return `diberikan ${JSON.stringify(URL_SETTINGS.has(name) ? redactUrl(value) : value)}`;
}
