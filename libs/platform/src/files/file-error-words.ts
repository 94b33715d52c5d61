/**
 * Why a file the operator named could not be read, in the words they read (Node's own text,
 * "ENOENT: no such file or directory, open …", is English). The code stays in parentheses: it is
 * what a search engine or a colleague recognises.
 */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'berkas tidak ada',
  EACCES: 'tidak ada izin untuk membacanya',
  EPERM: 'tidak ada izin untuk membacanya',
  EISDIR: 'itu sebuah direktori, bukan berkas',
  ENOTDIR: 'salah satu bagian jalurnya bukan direktori',
  ENAMETOOLONG: 'nama jalurnya terlalu panjang',
  ELOOP: 'tautan simbolisnya berputar',
  EMFILE: 'terlalu banyak berkas terbuka pada proses ini',
  ENFILE: 'terlalu banyak berkas terbuka pada sistem',
  EIO: 'kesalahan masukan/keluaran pada perangkat penyimpanan',
  EBUSY: 'berkas sedang dipakai',
};

/**
 * `berkas tidak ada (ENOENT)` for an error of node:fs, `isinya bukan JSON yang sah` for JSON.parse's;
 * an errno without words of its own is named by its code alone, never by Node's English message.
 */
export function fileErrorWords(error: unknown): string {
  if (error instanceof SyntaxError) return 'isinya bukan JSON yang sah';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'kesalahan tak terduga saat membaca berkas';
  const words = ERRNO_WORDS[code];
  return words === undefined ? `kesalahan sistem berkas (${code})` : `${words} (${code})`;
}
