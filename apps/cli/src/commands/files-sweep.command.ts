import pino from 'pino';
import { FileSweep, type SweepCount } from '@kinerja/jobs/files/file-sweep';
import { withIndonesianSeparators } from '@kinerja/domain';
import { SystemClock } from '@kinerja/platform';
import { CliCommand } from '../cli-command';

/** "5.004 bita (0,0 MiB)": figures written the Indonesian way, as the other commands do ("0,4 detik"). */
function bytesId(bytes: number): string {
  return `${withIndonesianSeparators(String(bytes))} bita (${withIndonesianSeparators((bytes / 1024 / 1024).toFixed(1))} MiB)`;
}

function line(what: string, count: SweepCount): string {
  return `  ${what}: ${withIndonesianSeparators(String(count.files))} berkas, ${bytesId(count.bytes)}`;
}

/**
 * `files:sweep [--dry-run]`: deletes the stored files nothing refers to (evidence uploads no report
 * refers to, older than UNREFERENCED_UPLOAD_RETENTION_DAYS; LKj files no LkjProduced names and files
 * of writes that died, older than a day), as the worker's daily sweep does, and prints how many and
 * how many bytes. `--dry-run` deletes nothing and prints the same counts. Exit 0; exit 75 (EX_TEMPFAIL)
 * when another sweep is running. `--json` prints the report as one JSON line and nothing else.
 */
export const filesSweepCommand: CliCommand = {
  name: 'files:sweep',
  description: 'Hapus berkas tersimpan yang tidak dirujuk apa pun (bukti dukung dan berkas LKj tak dirujuk); --dry-run hanya menghitung',
  flags: { 'dry-run': 'boolean', json: 'boolean' },
  usage: 'Pemakaian: npm run cli -- files:sweep [--dry-run] [--json]',
  async run(args, context) {
    if (!context.config) throw new Error('files:sweep needs the configuration (DATA_DIR, UNREFERENCED_UPLOAD_RETENTION_DAYS)');
    const dryRun = args['dry-run'] === true;
    const logger = pino({ level: 'warn', base: { name: 'kinerja-cli' } }, pino.destination(2));
    const sweep = new FileSweep(context.dataSource, { dataDir: context.config.DATA_DIR, retentionDays: context.config.UNREFERENCED_UPLOAD_RETENTION_DAYS }, new SystemClock(), logger);
    const report = await sweep.run({ dryRun });
    if (report.busy) {
      context.err('Pembersihan berkas lain sedang berjalan; tidak ada yang dihapus. Coba lagi setelah selesai.');
      return 75;
    }
    // --json: the report alone on stdout, so that a script can parse it whole.
    if (args.json === true) {
      context.out(JSON.stringify(report));
      return 0;
    }
    const total = report.unreferencedUploads.files + report.orphanEvidenceFiles.files + report.orphanLkjFiles.files + report.temporaryFiles.files;
    const files = withIndonesianSeparators(String(total));
    context.out(dryRun
      ? `UJI (--dry-run, tidak ada yang dihapus): ${files} berkas, ${bytesId(report.bytesFreed)} akan dihapus`
      : `SELESAI: ${files} berkas dihapus, ${bytesId(report.bytesFreed)} dibebaskan`);
    context.out(line(`bukti dukung tak dirujuk laporan, lebih dari ${context.config.UNREFERENCED_UPLOAD_RETENTION_DAYS} hari`, report.unreferencedUploads));
    context.out(line('berkas bukti dukung tanpa catatan', report.orphanEvidenceFiles));
    context.out(line('berkas LKj tak dirujuk', report.orphanLkjFiles));
    context.out(line('berkas sementara', report.temporaryFiles));
    return 0;
  },
};
