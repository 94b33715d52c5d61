import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DigestSigningKey } from '@kinerja/jobs/digest/digest-signing-key';
import { Public } from '../http/public.decorator';
import { DIGEST_SIGNING_KEY } from './audit.providers';

/** The key anyone can check a digest against: public by nature. */
@ApiTags('Audit (Inspektorat)')
@Controller('audit')
export class PublicKeyController {
  constructor(@Inject(DIGEST_SIGNING_KEY) private readonly key: DigestSigningKey) {}

  @Public()
  @Get('public-key')
  @Header('Content-Type', 'application/x-pem-file; charset=utf-8')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: 'Kunci publik Ed25519 (PEM, SPKI) penanda tangan digest; header X-Key-Id' })
  publicKey(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('X-Key-Id', this.key.keyId);
    return this.key.publicKeyPem;
  }
}
