import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jember2024LkjInput } from '../fixtures/jember-2024.sample';
import { buildLkjModel } from '../model/build-lkj-model';
import { onPath, pdfText, scratchDir } from '../testing/external-tools';
import { renderLkjDocx } from './render-lkj-docx';

const office = ['soffice', 'libreoffice'].find(onPath);
if (!office) {
  // LibreOffice is optional (not installed by CI): without it this check cannot run.
  console.warn('SKIPPED docx-libreoffice.int-spec: neither soffice nor libreoffice is on PATH');
}

(office ? describe : describe.skip)('the LKj DOCX opened by LibreOffice', () => {
  // Made in beforeAll: a skipped describe still runs its body, but never its hooks.
  let dir: ReturnType<typeof scratchDir>;
  beforeAll(() => {
    dir = scratchDir();
  });
  afterAll(() => dir?.remove());

  it('converts to PDF without error, with Tabel 3.2 in it', async () => {
    const docx = dir.file('lkj.docx', await renderLkjDocx(buildLkjModel(jember2024LkjInput())));
    const run = spawnSync(office!, ['--headless', '--convert-to', 'pdf', '--outdir', dir.path, docx], {
      encoding: 'utf8',
      timeout: 110_000,
      env: { ...process.env, HOME: dir.path },
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    const pdf = join(dir.path, 'lkj.pdf');
    expect(existsSync(pdf)).toBe(true);
    if (onPath('pdftotext')) expect(pdfText(pdf)).toContain('Pengukuran Kinerja');
  });
});
