import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControllableClock } from '@kinerja/platform';
import { createTestApp, TestApp } from '../support/test-app';
import { approveJemberPk, createJemberOffice, JEMBER, JemberTokens, ownedBy } from './workflow/jember-office.fixture';

/**
 * A month's report as long as its fields allow goes through the JSON body limit: every field within
 * its own limit, no 413 for the whole (QA round 8: a KUL report of 9 lines with narrative, kendala and
 * solusi near 5,000 characters each, 136 KB, met body-parser's default 100 KB).
 */
describe('a monthly report as long as its fields allow', () => {
  let t: TestApp;
  let tokens: JemberTokens;
  let dataDir: string;
  const clock = new ControllableClock(new Date('2024-06-15T03:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kinerja-body-size-'));
    t = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
    tokens = await createJemberOffice(t);
    await approveJemberPk(t, tokens, 2024, JEMBER);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given every line of KUL with a narrative, kendala and solusi near their 5,000 characters, when saved, then it is taken whole', async () => {
    const { indicators, kegiatan } = ownedBy('KUL');
    const long = (words: string) => `${words} `.repeat(Math.floor(4990 / (words.length + 1))).trim();
    const body = {
      lines: indicators.map((i) => ({
        indicatorCode: i.code, value: '1', narrative: long('Rapat koordinasi logistik pemilihan dilaksanakan sesuai jadwal'),
        kendala: long('Keterlambatan distribusi'), solusi: long('Pemantauan harian'), evidence: [],
      })),
      budget: kegiatan.map((code) => ({ kegiatanCode: code, spent: '250000' })),
    };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(100 * 1024);
    const response = await t.http.put(`/api/v1/satker/${JEMBER}/realisasi/2024/1/KUL`).set(as(tokens.kasubbag.KUL)).send(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 200, code: undefined });
    expect(response.body.content.lines.map((l: { narrative: string }) => l.narrative)).toEqual(body.lines.map((l) => l.narrative));
  });
});
