import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version in Kinerja's package.json, found upwards from `from`: the same file whether the CLI
 * runs from apps/cli/src (ts-node, tests) or from dist/apps/cli/src (npm run cli).
 */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kinerja' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error(`package.json of kinerja not found above ${from}`);
  }
}
