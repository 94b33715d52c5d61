import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { DomainError } from '@kinerja/domain';
import { uploadRefusal, type UploadRefusals } from '../http/multipart-problem';

export const CSV_MAX_BYTES = 256 * 1024;

/** How the CSV upload words each refusal of its body (`uploadRefusal`). */
const CSV_REFUSALS: UploadRefusals = {
  // 413, as for an evidence file too large (STATUS_BY_CODE).
  tooLarge: () => new DomainError('CAPAIAN_TAHUN_LALU.FILE_TOO_LARGE', 'Berkas CSV paling besar 256 KiB.', 'validation', { maxBytes: CSV_MAX_BYTES }),
  // A second file is not a missing one (as for evidence: EVIDENCE.ONE_FILE_ONLY).
  oneFileOnly: () => new DomainError(
    'CAPAIAN_TAHUN_LALU.ONE_FILE_ONLY',
    'Unggahan berisi lebih dari satu berkas: kirim satu berkas CSV saja pada field "file" (gabungkan isinya bila perlu).',
    'validation',
  ),
  missingFile: () => csvMissing(),
  malformed: (problem) => new DomainError(
    'CAPAIAN_TAHUN_LALU.MALFORMED_UPLOAD',
    `Unggahan tidak dapat dibaca: ${problem.reason}. Kirim multipart/form-data dengan satu berkas CSV pada field "file".`,
    'validation',
    { ...problem },
  ),
};

/** Reads the multipart field `file` (a CSV of at most 256 KiB) into memory. */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: CSV_MAX_BYTES, files: 1, fields: 2 } }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => (error ? reject(uploadRefusal(error, CSV_REFUSALS)) : resolve()));
    });
    return next.handle();
  }
}

export function csvMissing(): DomainError {
  return new DomainError('CAPAIAN_TAHUN_LALU.FILE_MISSING', 'Unggah satu berkas CSV pada field "file" (multipart/form-data).', 'validation');
}
