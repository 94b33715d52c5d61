import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AppConfig } from '@kinerja/platform';
import { evidenceErrors, EvidenceService } from '@kinerja/workflow';
import type { AuthenticatedRequest } from '../http/current-user.decorator';

/**
 * Reads the multipart field `file` into memory, at most EVIDENCE_MAX_BYTES (the request is cut off
 * beyond that), and turns multer's refusals into Kinerja's codes. An account that has used up its
 * upload limits is refused before the body is read.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(private readonly config: AppConfig, private readonly evidence: EvidenceService) {
    this.upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: config.EVIDENCE_MAX_BYTES, files: 1, fields: 5 } }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    if (request.user) await this.evidence.assertMayUpload(request.user);
    await new Promise<void>((resolve, reject) => {
      this.upload(request, response, (error: unknown) => {
        if (!error) return resolve();
        const code = (error as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE') return reject(evidenceErrors.tooLarge(this.config.EVIDENCE_MAX_BYTES));
        if (code && code.startsWith('LIMIT_')) return reject(evidenceErrors.missingFile());
        // Anything else the multipart parser refuses (a malformed part header, a cut-off body, no
        // boundary) is the client's input, never a server error.
        reject(evidenceErrors.malformedUpload(error instanceof Error ? error.message : String(error)));
      });
    });
    return next.handle();
  }
}
