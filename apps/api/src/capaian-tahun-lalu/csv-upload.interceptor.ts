import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { DomainError } from '@kinerja/domain';
import { isUnreadableBodyLimit, multipartProblem } from '../http/multipart-problem';

export const CSV_MAX_BYTES = 256 * 1024;

/** Reads the multipart field `file` (a CSV of at most 256 KiB) into memory. */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: CSV_MAX_BYTES, files: 1, fields: 2 } }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) => {
      this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        const code = (error as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE') {
          // 413, as for an evidence file too large (STATUS_BY_CODE).
          return reject(new DomainError('CAPAIAN_TAHUN_LALU.FILE_TOO_LARGE', 'Berkas CSV paling besar 256 KiB.', 'validation', { maxBytes: CSV_MAX_BYTES }));
        }
        // A second file in the field `file` is not a missing one (as for evidence: EVIDENCE.ONE_FILE_ONLY).
        if (code === 'LIMIT_FILE_COUNT' || (code === 'LIMIT_UNEXPECTED_FILE' && (error as { field?: string }).field === 'file')) {
          return reject(new DomainError(
            'CAPAIAN_TAHUN_LALU.ONE_FILE_ONLY',
            'Unggahan berisi lebih dari satu berkas: kirim satu berkas CSV saja pada field "file" (gabungkan isinya bila perlu).',
            'validation',
          ));
        }
        // Too many fields or parts, or one too long: a body the route cannot read, not a missing file.
        if (!isUnreadableBodyLimit(code) && code?.startsWith('LIMIT_')) return reject(csvMissing());
        // Anything else the multipart parser refuses (a malformed part header, a cut-off body, no
        // boundary) is the client's input, never a server error.
        const problem = multipartProblem(error);
        reject(new DomainError(
          'CAPAIAN_TAHUN_LALU.MALFORMED_UPLOAD',
          `Unggahan tidak dapat dibaca: ${problem.reason}. Kirim multipart/form-data dengan satu berkas CSV pada field "file".`,
          'validation',
          { ...problem },
        ));
      });
    });
    return next.handle();
  }
}

export function csvMissing(): DomainError {
  return new DomainError('CAPAIAN_TAHUN_LALU.FILE_MISSING', 'Unggah satu berkas CSV pada field "file" (multipart/form-data).', 'validation');
}
