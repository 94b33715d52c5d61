import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileErrorWords } from './file-error-words';

const thrownBy = (read: () => unknown): unknown => {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected the read to fail');
};

describe('fileErrorWords: why a file could not be read, in Indonesian, never Node\'s English text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-file-words-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given a file that does not exist, then "berkas tidak ada (ENOENT)"', () => {
    expect(fileErrorWords(thrownBy(() => readFileSync(join(dir, 'tidak-ada.json'))))).toBe('berkas tidak ada (ENOENT)');
  });

  it('given a directory, then it says it is a directory (EISDIR)', () => {
    expect(fileErrorWords(thrownBy(() => readFileSync(dir)))).toBe('itu sebuah direktori, bukan berkas (EISDIR)');
  });

  it.each([['EACCES', 'tidak ada izin untuk membacanya (EACCES)'], ['ENOTDIR', 'salah satu bagian jalurnya bukan direktori (ENOTDIR)']])(
    'given %s, then its words and its code',
    (code, words) => {
      expect(fileErrorWords(Object.assign(new Error(`${code}: some English text`), { code }))).toBe(words);
    },
  );

  it('given an errno without words of its own, then its code alone, not the English message', () => {
    expect(fileErrorWords(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }))).toBe('kesalahan sistem berkas (EXDEV)');
  });

  it('given text that is no JSON, then it says so', () => {
    expect(fileErrorWords(thrownBy(() => JSON.parse('{ bukan json')))).toBe('isinya bukan JSON yang sah');
  });
});
