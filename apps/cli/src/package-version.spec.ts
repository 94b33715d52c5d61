import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from './package-version';

describe('packageVersion', () => {
  it('finds Kinerja\'s package.json above the folder it is given', () => {
    const expected = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;
    expect(packageVersion(__dirname)).toBe(expected);
    expect(packageVersion(join(__dirname, '../../../dist/apps/cli/src'))).toBe(expected);
  });

  it('throws when no package.json of Kinerja is above the folder', () => {
    expect(() => packageVersion('/')).toThrow(/package\.json of kinerja not found/);
  });
});
