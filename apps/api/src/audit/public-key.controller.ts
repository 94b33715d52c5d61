import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DigestSigningKey, OfficeDigestPublicKey } from '@kinerja/jobs/digest/digest-signing-key';
import { Public } from '../http/public.decorator';
import { PublicKeysDto } from './audit-answers.dto';
import { DIGEST_PUBLIC_KEYS, DIGEST_SIGNING_KEY } from './audit.providers';

const PUBLIC_KEYS_EXAMPLE = {
  items: [
    { keyId: '3f2a9c0d41b7e865', publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n', current: true },
    { keyId: 'a07c55e19d2b3f40', publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n', current: false },
  ],
};

/** The keys anyone can check a digest against: public by nature. */
@ApiTags('Audit (Inspektorat)')
@Controller('audit')
export class PublicKeyController {
  constructor(
    @Inject(DIGEST_SIGNING_KEY) private readonly key: DigestSigningKey,
    @Inject(DIGEST_PUBLIC_KEYS) private readonly keys: OfficeDigestPublicKey[],
  ) {}

  @Public()
  @Get('public-key')
  @Header('Content-Type', 'application/x-pem-file; charset=utf-8')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: 'Kunci publik Ed25519 (PEM, SPKI) penanda tangan digest; header X-Key-Id' })
  @ApiOkResponse({
    description: 'PEM (SPKI)',
    schema: { type: 'string', example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n' },
    headers: { 'X-Key-Id': { description: 'Id of the key (as `keyId` in a digest)', schema: { type: 'string' } } },
  })
  publicKey(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('X-Key-Id', this.key.keyId);
    return this.key.publicKeyPem;
  }

  @Public()
  @Get('public-keys')
  @ApiOperation({
    summary: 'Semua kunci publik Ed25519 yang memverifikasi digest: kunci penanda tangan kini (current: true) '
      + 'dan kunci lama yang masih dipercaya setelah pergantian kunci (DIGEST_PREVIOUS_PUBLIC_KEYS, hanya untuk verifikasi)',
  })
  @ApiOkResponse({ type: PublicKeysDto, example: PUBLIC_KEYS_EXAMPLE })
  publicKeys() {
    return { items: this.keys.map((k) => ({ keyId: k.keyId, publicKey: k.publicKeyPem, current: k.current })) };
  }
}
