import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { fileSystemErrno } from './storage-error';

/** The folders under DATA_DIR that hold stored files (each a ContentAddressedStore's root). */
export const STORED_FILE_FOLDERS = ['evidence', 'lkj'] as const;

/**
 * Creates DATA_DIR and its folders of stored files when a process starts (a new installation's
 * first start), the one moment they may be created: while a process runs the stores never create
 * them again (ContentAddressedStore), so a volume unmounted under a running API (its mount point
 * gone or left empty) is refused, not replaced by empty folders on another disk. A folder that
 * cannot be created is logged and left to /health and the stores to report: the API still serves
 * everything that needs no file.
 */
export function prepareDataFolder(dataDir: string, logger?: Pick<Logger, 'warn'>): void {
  try {
    for (const folder of STORED_FILE_FOLDERS) mkdirSync(join(dataDir, folder), { recursive: true });
  } catch (error) {
    logger?.warn({ dataDir: resolve(dataDir), errno: fileSystemErrno(error), err: error }, 'DATA_DIR could not be created at start-up: files cannot be stored');
  }
}

/** Throws unless `folder` is there and is a folder (its stat's errno, or ENOTDIR naming it). */
export async function assertFolder(fs: Pick<typeof nodeFs, 'stat'>, folder: string): Promise<void> {
  const found = await fs.stat(folder);
  if (!found.isDirectory()) throw Object.assign(new Error(`${folder} is not a directory`), { code: 'ENOTDIR', path: folder });
}

/** The data folder as /health reports it, in the style of its database and Redis probes. */
export interface DataFolderProbe {
  status: 'up' | 'down';
  latencyMs: number;
  /** The errno (`ENOENT`, `ENOSPC`, `EACCES` …) or `timeout`, when down. */
  error?: string;
  /** What it means and what to do, in Bahasa Indonesia, when down. */
  message?: string;
}

const TIMEOUT_MS = 2000;

/**
 * Whether DATA_DIR and its folders of stored files are there and DATA_DIR takes a file: a small
 * file written and removed, at most once per `ttlMs` (a monitor polling /health every second costs
 * one probe), concurrent callers sharing it. Never creates a folder itself. An empty mount point
 * (the volume unmounted, the folder left) takes the file but lacks `evidence/` and `lkj/`: ENOENT.
 */
export class DataFolderCheck {
  private cached: { at: number; result: Promise<DataFolderProbe> } | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly ttlMs = 5000,
    private readonly now: () => number = () => performance.now(),
    private readonly fs: Pick<typeof nodeFs, 'stat' | 'writeFile' | 'rm'> = nodeFs,
  ) {}

  check(): Promise<DataFolderProbe> {
    const at = this.now();
    if (this.cached && at - this.cached.at < this.ttlMs) return this.cached.result;
    const result = this.probe();
    this.cached = { at, result };
    return result;
  }

  private async probe(): Promise<DataFolderProbe> {
    const started = performance.now();
    const latencyMs = () => Math.round((performance.now() - started) * 1000) / 1000;
    const file = join(this.dataDir, `.health-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.writeAndRemove(file),
        new Promise((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), TIMEOUT_MS))),
      ]);
      return { status: 'up', latencyMs: latencyMs() };
    } catch (error) {
      await this.fs.rm(file, { force: true }).catch(() => undefined);
      const code = fileSystemErrno(error) ?? ((error as { code?: unknown }).code === 'timeout' ? 'timeout' : 'EUNKNOWN');
      return { status: 'down', latencyMs: latencyMs(), error: code, message: downMessage(code) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async writeAndRemove(file: string): Promise<void> {
    for (const folder of [this.dataDir, ...STORED_FILE_FOLDERS.map((f) => join(this.dataDir, f))]) await assertFolder(this.fs, folder);
    // 'wx': a file, never through a link someone left under that name; in a missing folder, ENOENT.
    await this.fs.writeFile(file, 'ok\n', { flag: 'wx', mode: 0o600 });
    await this.fs.rm(file);
  }
}

const CONSEQUENCE = 'bukti dukung tidak dapat diunggah dan LKj tidak dapat dibuat';

function downMessage(code: string): string {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `Folder data (DATA_DIR) atau folder berkasnya (evidence, lkj) tidak ada atau bukan folder (${code}): ${CONSEQUENCE}, ` +
        'dan berkas yang tersimpan tidak dapat diunduh. Pasang kembali volume penyimpanannya; Kinerja tidak membuatnya ulang selama berjalan.';
    case 'ENOSPC':
    case 'EDQUOT':
      return `Folder data (DATA_DIR) penuh (${code}): ${CONSEQUENCE}. Kosongkan atau tambah ruang penyimpanannya.`;
    case 'timeout':
      return `Folder data (DATA_DIR) tidak menjawab dalam ${TIMEOUT_MS / 1000} detik: ${CONSEQUENCE}. Periksa disk atau penyimpanan jaringannya.`;
    default:
      return `Folder data (DATA_DIR) tidak dapat ditulis (${code}): ${CONSEQUENCE}. Periksa izin dan sistem berkasnya.`;
  }
}
