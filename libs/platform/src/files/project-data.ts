import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A file of the project's `data/` folder (the Jember PK, the default rating scale, last year's
 * capaian), found from the source tree under ts-jest and from `dist/` alike.
 */
export function projectDataFile(name: string): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'data', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`data/${name} not found above ${__dirname}`);
}

export function readProjectJson<T>(name: string): T {
  return JSON.parse(readFileSync(projectDataFile(name), 'utf8')) as T;
}
