import { createHash, randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@kinerja/identity';
import { listCatatanReviu } from '@kinerja/projections/audit-trail/catatan-reviu-list.projection';
import {
  CloseCatatanReviuCommand, GetCatatanReviuQuery, ReopenCatatanReviuCommand, SubmitTindakLanjutCommand, WriteCatatanReviuCommand,
} from '@kinerja/workflow/catatan-reviu';
import { CurrentUser } from '../http/current-user.decorator';
import { VersionEtag } from '../http/openapi-document';
import { Roles } from '../http/roles.decorator';
import { answer, commandOptions, withEtag } from '../workflow-http/command-options';
import { CommandHeaders } from '../workflow-http/command-headers.decorator';
import { AUDIT_READERS } from './audit.controller';
import { SatkerParams } from './audit.dto';
import {
  CatatanReviuListQuery, CloseCatatanReviuBody, NoteParams, ReopenCatatanReviuBody, targetOf, TindakLanjutBody, WriteCatatanReviuBody,
} from './catatan-reviu.dto';
import { CatatanReviuDto, CatatanReviuListDto } from './catatan-reviu-view.dto';

/** With an Idempotency-Key the note id follows from it, so a retried POST reaches the same note. */
function noteIdFor(user: AuthenticatedUser, key: string | undefined): string {
  if (!key) return randomUUID();
  const h = createHash('sha256').update(`catatan-reviu:${user.id}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const PEOPLE = 'Orang disebut dua kali: `writtenBy` dan `tindakLanjut[].submittedBy` tetap id pengguna (seperti sebelumnya); '
  + '`writtenByUser` dan `tindakLanjut[].submittedByUser` { id, username, fullName, role, satker } menyebut orangnya — `satker` penulis adalah satker '
  + 'yang Inspektoratnya (atau Inspektorat satker di atasnya) dapat menutup catatan. role dan satker menurut akun saat ini; '
  + 'username, fullName, role dan satker null bila id itu bukan akun.';

/** Catatan reviu: written and settled by the Inspektorat, answered (tindak lanjut) by the Sekretaris. */
@ApiTags('Catatan reviu')
@Controller('satker/:satker/catatan-reviu')
export class CatatanReviuController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Daftar catatan reviu dan temuan satker (terbaru dahulu)' })
  @ApiOkResponse({ description: PEOPLE, type: CatatanReviuListDto })
  async list(@Param() p: SatkerParams, @Query() q: CatatanReviuListQuery) {
    return { items: await listCatatanReviu(this.dataSource, { satker: p.satker, ...q }) };
  }

  @Post()
  @Roles('INSPEKTORAT')
  @CommandHeaders()
  @ApiOperation({ summary: 'Menulis catatan reviu atau temuan (atas indikator, bulan, laporan atau tahun) dengan rekomendasi' })
  @ApiCreatedResponse({ description: `Catatan yang ditulis. ${PEOPLE}`, type: CatatanReviuDto })
  async write(@Param() p: SatkerParams, @Body() body: WriteCatatanReviuBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const noteId = noteIdFor(user, req.header('idempotency-key'));
    const input = { category: body.category, target: targetOf(body.target), title: body.title, description: body.description, recommendation: body.recommendation };
    return answer(res, await this.commands.execute(new WriteCatatanReviuCommand(p.satker, noteId, input, user, commandOptions(req))));
  }

  @Get(':noteId')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Satu catatan reviu dengan semua tindak lanjutnya' })
  @ApiOkResponse({ description: PEOPLE, type: CatatanReviuDto })
  @VersionEtag()
  async get(@Param() p: NoteParams, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.queries.execute(new GetCatatanReviuQuery(p.satker, p.noteId)));
  }

  @Post(':noteId/tindak-lanjut')
  @HttpCode(200)
  @Roles('SEKRETARIS')
  @CommandHeaders()
  @ApiOperation({ summary: 'Menyampaikan tindak lanjut atas catatan reviu' })
  @ApiOkResponse({ description: 'Catatan setelah perintah', type: CatatanReviuDto })
  async answer(@Param() p: NoteParams, @Body() body: TindakLanjutBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new SubmitTindakLanjutCommand(p.satker, p.noteId, body.response, user, commandOptions(req, body.expectedVersion))));
  }

  @Post(':noteId/close')
  @HttpCode(200)
  @Roles('INSPEKTORAT')
  @CommandHeaders()
  @ApiOperation({ summary: 'Menutup catatan reviu (temuan hanya setelah ada tindak lanjut); hanya Inspektorat satker penulisnya atau satker di atasnya (403 CATATAN_REVIU.AUTHOR_OFFICE_ABOVE)' })
  @ApiOkResponse({ description: 'Catatan setelah perintah', type: CatatanReviuDto })
  async close(@Param() p: NoteParams, @Body() body: CloseCatatanReviuBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new CloseCatatanReviuCommand(p.satker, p.noteId, body.conclusion ?? '', user, commandOptions(req, body.expectedVersion))));
  }

  @Post(':noteId/reopen')
  @HttpCode(200)
  @Roles('INSPEKTORAT')
  @CommandHeaders()
  @ApiOperation({ summary: 'Membuka kembali catatan reviu yang sudah ditutup, dengan alasan; hanya Inspektorat satker penulisnya atau satker di atasnya (403 CATATAN_REVIU.AUTHOR_OFFICE_ABOVE)' })
  @ApiOkResponse({ description: 'Catatan setelah perintah', type: CatatanReviuDto })
  async reopen(@Param() p: NoteParams, @Body() body: ReopenCatatanReviuBody, @CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return answer(res, await this.commands.execute(new ReopenCatatanReviuCommand(p.satker, p.noteId, body.reason, user, commandOptions(req, body.expectedVersion))));
  }
}
