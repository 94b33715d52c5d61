import { DomainError } from '@kinerja/domain';

/** How long a client is told to wait when its upload is refused for others still in flight. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Uploads being read into this process's memory (each up to EVIDENCE_MAX_BYTES until it is stored):
 * at most `perAccount` of one account and `total` in all at a time, so that 40 simultaneous 10 MB
 * uploads of one Kasubbag cannot take half a gigabyte, nor a flood of them the process. A refused
 * upload is answered before its body is read (429 for one account's, 503 for the process's), with
 * Retry-After. The per-hour and per-day limits (EvidenceUploadLimiter) are counted apart.
 */
export class UploadsInFlight {
  private readonly byAccount = new Map<string, number>();
  private all = 0;

  constructor(private readonly perAccount: number, private readonly total: number) {}

  /** Takes a place for `account`'s upload, or refuses; the returned function gives it back (once). */
  enter(account: string): () => void {
    const mine = this.byAccount.get(account) ?? 0;
    if (mine >= this.perAccount) {
      throw new DomainError(
        'EVIDENCE.UPLOAD_IN_PROGRESS',
        `Akun Anda sedang mengunggah ${mine} file lain; tunggu hingga selesai, lalu kirim file ini lagi (paling banyak ${this.perAccount} unggahan bersamaan).`,
        'conflict',
        { inFlight: mine, max: this.perAccount, retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    if (this.all >= this.total) {
      throw new DomainError(
        'EVIDENCE.UPLOADS_BUSY',
        'Server sedang menerima banyak unggahan; kirim file ini lagi sebentar lagi.',
        'unavailable',
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    this.byAccount.set(account, mine + 1);
    this.all += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.all -= 1;
      const now = (this.byAccount.get(account) ?? 1) - 1;
      if (now <= 0) this.byAccount.delete(account);
      else this.byAccount.set(account, now);
    };
  }
}
