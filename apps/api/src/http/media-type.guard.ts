import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '@kinerja/domain';

const JSON_ONLY = ['application/json'];

/**
 * Commands take JSON; an upload takes the media type its route declares for the OpenAPI document
 * (`@ApiConsumes('multipart/form-data')`). A body of any other type is refused with
 * `415 REQUEST.UNSUPPORTED_MEDIA_TYPE` before anything reads it: a form or a text body is never
 * half-read into "unknown field" or "wajib diisi" answers. A request without a body is not judged.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  private readonly reflector = new Reflector();

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!carriesBody(request)) return true;
    const declared = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]);
    const accepted = declared && declared.length > 0 ? declared : JSON_ONLY;
    if (!request.is(accepted)) throw unsupportedMediaType(request.headers['content-type'], accepted);
    return true;
  }
}

function carriesBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return length === undefined ? request.headers['transfer-encoding'] !== undefined : Number(length) > 0;
}

function unsupportedMediaType(received: string | undefined, accepted: readonly string[]): DomainError {
  const wanted = accepted.length === 1 && accepted[0] === 'application/json' ? 'JSON dengan Content-Type: application/json' : accepted.join(' atau ');
  const what = received ? `Jenis isi ${received}` : 'Isi tanpa Content-Type';
  return new DomainError(
    'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    `${what} tidak didukung di alamat ini; kirim ${wanted}.`,
    'validation',
    { contentType: received ?? null, accepted: [...accepted] },
  );
}
