import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AppConfig } from '@kinerja/platform';
import { evidenceErrors, EvidenceService } from '@kinerja/workflow';
import type { AuthenticatedRequest } from '../http/current-user.decorator';
import { uploadRefusal } from '../http/multipart-problem';
import { UploadsInFlight } from './uploads-in-flight';

/**
 * Reads the multipart field `file` into memory, at most EVIDENCE_MAX_BYTES (the request is cut off
 * beyond that), and turns multer's refusals into Kinerja's codes. An account that has used up its
 * upload limits, or already has EVIDENCE_UPLOADS_IN_FLIGHT_PER_ACCOUNT uploads being read (or the
 * process EVIDENCE_UPLOADS_IN_FLIGHT), is refused before the body is read.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;
  private readonly inFlight: UploadsInFlight;

  constructor(private readonly config: AppConfig, private readonly evidence: EvidenceService) {
    this.inFlight = new UploadsInFlight(config.EVIDENCE_UPLOADS_IN_FLIGHT_PER_ACCOUNT, config.EVIDENCE_UPLOADS_IN_FLIGHT);
    this.upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: config.EVIDENCE_MAX_BYTES, files: 1, fields: 5 } }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    if (request.user) {
      // Held until the answer is sent: the file stays in memory until it is stored.
      const leave = this.inFlight.enter(request.user.id);
      response.once('close', leave);
      try {
        await this.evidence.assertMayUpload(request.user);
      } catch (error) {
        leave();
        throw error;
      }
    }
    await new Promise<void>((resolve, reject) => {
      this.upload(request, response, (error: unknown) => (error ? reject(uploadRefusal(error, {
        tooLarge: () => evidenceErrors.tooLarge(this.config.EVIDENCE_MAX_BYTES),
        oneFileOnly: () => evidenceErrors.oneFileOnly(),
        missingFile: () => evidenceErrors.missingFile(),
        malformed: (problem) => evidenceErrors.malformedUpload(problem),
      })) : resolve()));
    });
    return next.handle();
  }
}
