/**
 * `audit:verify --satker kpu-kab-jember --digest file.json --json` → name and flags. Positional
 * words (`projections:rebuild current-performance`) are joined with spaces under the flag `_`.
 */
export function parseArgs(argv: string[]): { name?: string; flags: Record<string, string | boolean> } {
  const [name, ...rest] = argv;
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      flags._ = typeof flags._ === 'string' ? `${flags._} ${arg}` : arg;
      continue;
    }
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags[key] = inline;
    else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) flags[key] = rest[++i];
    else flags[key] = true;
  }
  return { name, flags };
}
