/** `audit:verify --satker kpu-kab-jember --digest file.json --json` → name and flags. */
export function parseArgs(argv: string[]): { name?: string; flags: Record<string, string | boolean> } {
  const [name, ...rest] = argv;
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags[key] = inline;
    else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) flags[key] = rest[++i];
    else flags[key] = true;
  }
  return { name, flags };
}
