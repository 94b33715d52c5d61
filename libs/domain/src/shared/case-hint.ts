/**
 * " (maksud Anda K4.1? huruf besar dan kecil dibedakan)": the codes a reader most likely meant when
 * theirs differs from them only in case (indicator codes, event types), or nothing when none does.
 */
export function caseHint(alike: readonly string[]): string {
  return alike.length > 0 ? ` (maksud Anda ${alike.join(' atau ')}? huruf besar dan kecil dibedakan)` : '';
}
