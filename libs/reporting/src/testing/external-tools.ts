import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a command is on PATH (tests that need poppler-utils or LibreOffice check first). */
export function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** A throw-away directory for files handed to external tools; `remove()` in afterAll. */
export function scratchDir(): { path: string; file: (name: string, data: Buffer) => string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'kinerja-lkj-'));
  return {
    path,
    file: (name, data) => {
      const p = join(path, name);
      writeFileSync(p, data);
      return p;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** The text of a PDF as Debian's pdftotext lays it out (`-layout` keeps table rows on one line). */
export function pdfText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
}
