import { ContentAddressedStore } from '@kinerja/platform';
import type { DataSource } from 'typeorm';
import { DomainError, lkjStatus, type CommandMetadata, type LkjFile, type LkjStatus, type Role } from '@kinerja/domain';
import type { Clock } from '@kinerja/platform';
import type { LkjEnqueuer } from './lkj-enqueuer';
import type { LkjOutbox } from './lkj-outbox';
import { isYearComplete, type LkjProcessManager } from './lkj-process-manager';
import type { LkjStreams } from './lkj-stream';

export interface LkjRequester {
  id: string;
  role: Role;
  correlationId?: string;
}

export interface LkjVersionView {
  version: number;
  draft: boolean;
  reason: string;
  status: 'pending' | 'produced';
  stale: boolean;
  staleReason: string | null;
  requestedAt: string;
  producedAt: string | null;
  files: LkjFile[];
  suggestions: string[];
}

export interface LkjOverview {
  satker: string;
  year: number;
  /** Of the final versions (see LkjStatus). */
  status: LkjStatus;
  yearComplete: boolean;
  latestFinalVersion: number | null;
  versions: LkjVersionView[];
}

const FORMATS: Record<string, LkjFile['format']> = { docx: 'DOCX', pdf: 'PDF' };

/** What the API offers on the LKj: ask for a version (final or draft), list versions, fetch a file. */
export class LkjService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly streams: LkjStreams,
    private readonly outbox: LkjOutbox,
    private readonly enqueuer: LkjEnqueuer,
    private readonly processManager: LkjProcessManager,
    private readonly files: ContentAddressedStore,
    private readonly clock: Clock,
  ) {}

  /** The Sekretaris asks for a version: a draft at any time, a final once the whole year is approved. */
  async request(satker: string, year: number, draft: boolean, suggestions: string[] | null, by: LkjRequester): Promise<LkjVersionView> {
    // Bring the process manager's memory up to date first, so "complete" is true right after the last approval.
    // A long transaction elsewhere may hold the log back; then decide on what has been delivered.
    await this.enqueuer.enqueue(await this.processManager.catchUpThroughNow(10_000).catch(() => this.processManager.catchUp()));
    if (!draft && suggestions === null) {
      // A final version already on its way (e.g. asked for by the last approval) answers the request.
      const overview = await this.overview(satker, year);
      const pending = overview.versions.filter((v) => !v.draft && v.status === 'pending').pop();
      if (pending) return pending;
    }
    const now = this.clock.now();
    const metadata: CommandMetadata = { actor: { userId: by.id, role: by.role, subbagian: null }, now: now.toISOString() };
    const { version, intent } = await this.dataSource.transaction(async (manager) => {
      const loaded = await this.streams.load(satker, year, manager);
      const yearComplete = await isYearComplete(manager, satker, year);
      const result = await this.streams.decide(
        loaded,
        { type: 'RequestLkj', data: { satker, year, draft, reason: 'REQUESTED', suggestions, yearComplete }, metadata },
        { tenantId: satker, actorId: by.id, actorRole: by.role, correlationId: by.correlationId ?? `lkj-request-${now.getTime()}` },
        manager,
      );
      const event = result.events.find((e) => e.type === 'LkjRequested');
      if (!event || event.type !== 'LkjRequested') throw new Error('RequestLkj appended no LkjRequested');
      return { version: event.data.version, intent: await this.outbox.record(manager, satker, year, event.data.version, draft, now) };
    });
    // Committed first: if Redis is down now, the outbox row is re-enqueued by the reconciliation.
    await this.enqueuer.enqueue([intent]).catch(() => undefined);
    return (await this.overview(satker, year)).versions.find((v) => v.version === version)!;
  }

  async overview(satker: string, year: number): Promise<LkjOverview> {
    const { state } = await this.streams.load(satker, year);
    const finals = state.versions.filter((v) => !v.draft && v.produced);
    return {
      satker,
      year,
      status: lkjStatus(state),
      yearComplete: await isYearComplete(this.dataSource, satker, year),
      latestFinalVersion: finals.length > 0 ? finals[finals.length - 1].version : null,
      versions: state.versions.map((v) => ({
        version: v.version,
        draft: v.draft,
        reason: v.reason,
        status: v.produced ? 'produced' : 'pending',
        stale: v.stale !== null,
        staleReason: v.stale?.reason ?? null,
        requestedAt: v.requestedAt,
        producedAt: v.produced?.producedAt ?? null,
        files: v.produced?.files ?? [],
        suggestions: v.suggestions,
      })),
    };
  }

  /** The bytes of one file of a produced version, re-hashed: a mismatch is refused with 409. */
  async download(satker: string, year: number, version: number, format: string): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
    const { state } = await this.streams.load(satker, year);
    const v = state.versions.find((x) => x.version === version);
    if (!v) throw new DomainError('LKJ.VERSION_NOT_FOUND', `LKj ${year} versi ${version} tidak ada.`, 'not_found', { version });
    if (!v.produced) throw new DomainError('LKJ.NOT_PRODUCED_YET', `LKj ${year} versi ${version} masih dalam proses pembuatan.`, 'conflict', { version });
    const wanted = FORMATS[format.toLowerCase()];
    const file = v.produced.files.find((f) => f.format === wanted);
    if (!file) throw new DomainError('LKJ.FORMAT_UNKNOWN', `Format ${format} tidak tersedia; pilih docx atau pdf.`, 'not_found', { format });
    const read = await this.files.read(satker, file.sha256);
    if (!read || read.actualSha256 !== file.sha256 || read.bytes.length !== file.size) {
      throw new DomainError(
        'LKJ.INTEGRITY_FAILED',
        `Berkas LKj ${year} versi ${version} (${file.format}) di penyimpanan tidak cocok dengan sidik jari SHA-256 yang tercatat; berkas tidak diberikan.`,
        'conflict',
        { expected: file.sha256, actual: read?.actualSha256 ?? null },
      );
    }
    const suffix = v.draft ? '-draf' : '';
    return {
      bytes: read.bytes,
      fileName: `LKj-${satker}-${year}-v${version}${suffix}.${format.toLowerCase()}`,
      contentType: wanted === 'PDF' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  }
}
