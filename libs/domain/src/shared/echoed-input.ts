/**
 * A value someone typed, as a message may repeat it back: control and format characters (NUL,
 * escape, newlines, zero-width, direction marks) shown as "?", at most `max` characters, then "…".
 * A message echoing `/satker/%00` must not carry a NUL into a log line, a terminal or a screen.
 */
export function echoedInput(value: string, max = 64): string {
  const clean = [...value.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '?')];
  return clean.length > max ? `${clean.slice(0, max).join('')}…` : clean.join('');
}
