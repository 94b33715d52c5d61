import { ContentAddressedStore } from '@kinerja/platform';
import type { DataSource, EntityManager } from 'typeorm';
import {
  awaitingSignature, DomainError, lkjDecider, lkjStreamId,
  type CommandMetadata, type LkjEvent, type LkjFile, type LkjState, type LkjVersionState, type Role, type SignLkj,
} from '@kinerja/domain';
import { DEFAULT_TIME_ZONE } from '@kinerja/identity/identity.types';
import { personRefs } from '@kinerja/identity/users/person-ref';
import { lockProjection } from '@kinerja/projections';
import { actorScopedKey, ConcurrencyError, type CommandOptions } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { LKJ_REQUEST_ALERT_SOURCE, type LkjChainIntegrity } from './lkj-chain-integrity';
import type { LkjEnqueuer } from './lkj-enqueuer';
import type { LkjFileIntegrity } from './lkj-file-integrity';
import type { LkjIntent, LkjOutbox } from './lkj-outbox';
import { isYearComplete, LKJ_PROCESS_MANAGER, type LkjProcessManager } from './lkj-process-manager';
import { lkjRetrying } from './lkj-retrying';
import type { LoadedLkj, LkjStreams } from './lkj-stream';
import { overviewStatus, signersOf, versionView, type LkjOverview, type LkjVersionView } from './lkj-views';

export interface LkjRequester {
  id: string;
  role: Role;
  correlationId?: string;
}

/** The answer to a request: the version asked for, the events in the LKj stream after it (ETag), whether it is a replay. */
export interface LkjRequestOutcome {
  view: LkjVersionView;
  version: number;
  replayed: boolean;
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
    private readonly fileIntegrity: LkjFileIntegrity,
    private readonly chain: LkjChainIntegrity,
  ) {}

  /**
   * The Sekretaris asks for a version: a draft at any time, a final once the whole year is approved;
   * neither without an approved PK (LKJ.NO_APPROVED_PK, decided with the request, never left to the
   * job), nor while the office's event log is known to be broken (LKJ.INTEGRITY_DAMAGED: an open
   * chain alert, or a break the verification run here finds and records; LkjChainIntegrity).
   * With an Idempotency-Key a retry answers as the first request did and records nothing, also
   * when it arrives while the first is being stored; with If-Match a stale stream version is refused
   * (409).
   */
  async request(
    satker: string,
    year: number,
    draft: boolean,
    suggestions: string[] | null,
    by: LkjRequester,
    options: CommandOptions = {},
  ): Promise<LkjRequestOutcome> {
    return this.withReplay('RequestLkj', satker, year, by, options, requestedVersion, (key, requestFingerprint, replay) =>
      this.decideRequest(satker, year, draft, suggestions, by, options.expectedVersion ?? null, key, requestFingerprint, replay),
    );
  }

  private async decideRequest(
    satker: string,
    year: number,
    draft: boolean,
    suggestions: string[] | null,
    by: LkjRequester,
    expected: number | null,
    key: string | null,
    requestFingerprint: string | null,
    replay: () => Promise<LkjRequestOutcome | null>,
  ): Promise<LkjRequestOutcome | null> {
    // Bring the process manager's memory up to date first, so "complete" is true right after the last approval.
    // A long transaction elsewhere may hold the log back; then decide on what has been delivered.
    await this.enqueuer.enqueue(await this.processManager.catchUpThroughNow(10_000).catch(() => this.processManager.catchUp()));
    // Refused up front, recording nothing; a final already pending waits for the alert to be resolved.
    await this.chain.refuseUnlessTrusted(satker, year, LKJ_REQUEST_ALERT_SOURCE, by.id);
    if (!draft && suggestions === null) {
      // A final version already on its way (e.g. asked for by the last approval) answers the request;
      // unless it is the one this key asked for, stored by a duplicate meanwhile: then a replay.
      const current = await this.streams.load(satker, year);
      assertExpected(current, expected);
      const pending = current.state.versions.filter((v) => !v.draft && v.produced === null).pop();
      if (pending) {
        // Asked again while it is late: its job is queued again at once (added if Redis lost it, retried
        // if it failed its attempts) rather than left to the worker's recovery. The chain is trusted (above).
        const intents = (await this.outbox.pendingOf(satker)).filter((i) => i.year === year && i.version === pending.version);
        await this.enqueuer.enqueue(intents).catch(() => undefined);
        return (await replay()) ?? { view: versionView(pending), version: current.count, replayed: false };
      }
    }
    const now = this.clock.now();
    const metadata: CommandMetadata = { actor: { userId: by.id, role: by.role, subbagian: null }, now: now.toISOString() };
    const appended = await this.dataSource.transaction(async (manager): Promise<{ loaded: LoadedLkj; version: number; intent: LkjIntent } | null> => {
      const loaded = await this.streams.load(satker, year, manager);
      assertExpected(loaded, expected);
      const pkApproved = await this.streams.pkApproved(satker, year, manager);
      const yearComplete = await isYearComplete(manager, satker, year);
      const result = await this.streams.decide(
        loaded,
        { type: 'RequestLkj', data: { satker, year, draft, reason: 'REQUESTED', suggestions, yearComplete, pkApproved }, metadata },
        {
          tenantId: satker, actorId: by.id, actorRole: by.role, correlationId: by.correlationId ?? `lkj-request-${now.getTime()}`,
          idempotencyKey: key, requestFingerprint,
        },
        manager,
      );
      if (result.replayed) return null; // the same request, sent at once with the same key, was recorded first
      const version = requestedVersion(result.events);
      return { loaded: result.loaded, version, intent: await this.outbox.record(manager, { satker, year, version, draft }, now) };
    });
    if (appended === null) return null;
    // Committed first: if Redis is down now, the outbox row is re-enqueued by the reconciliation.
    await this.enqueuer.enqueue([appended.intent]).catch(() => undefined);
    return { view: versionView(versionOf(appended.loaded.state, appended.version)), version: appended.loaded.count, replayed: false };
  }

  /**
   * The Ketua signs a produced final version (LkjSigned) that the office required a signature on
   * when it was produced, while it is the current one; anything else is refused by the decider
   * (lkj.decider.ts `sign`). Idempotency-Key and If-Match as on a request; the files are not rendered again.
   *
   * "Current" is decided on the log as committed, not on the process manager's progress: a
   * correction approved a moment ago (a revised monthly report, a PK Perubahan, last year's capaian
   * imported again, a rating scale that reads differently) makes the version stale although the
   * manager has not marked it yet, so the decider is also run on the stream as the manager will
   * leave it (`LkjProcessManager.foresee`, its own rule) and refuses LKJ.VERSION_STALE. One
   * transaction holds the manager's lock (its memory and checkpoint stand still; taken first, as
   * the manager does) and then the office's chain head (`holdTenant`): every append of the office
   * takes that row, so a correction either committed before it (and is read) or waits and commits
   * after the signature (the signed version then goes stale as any signed version may). Checking
   * before the append without the hold would let a correction commit between check and append;
   * checking after it would have to undo a signature already given.
   */
  async sign(satker: string, year: number, version: number, by: LkjRequester, options: CommandOptions = {}): Promise<LkjRequestOutcome> {
    return this.withReplay('SignLkj', satker, year, by, options, signedVersion, async (key, requestFingerprint) => {
      const now = this.clock.now();
      const metadata: CommandMetadata = { actor: { userId: by.id, role: by.role, subbagian: null }, now: now.toISOString() };
      const result = await this.dataSource.transaction(async (manager) => {
        await lockProjection(manager, LKJ_PROCESS_MANAGER);
        await this.streams.hold(satker, manager);
        const loaded = await this.streams.load(satker, year, manager);
        assertExpected(loaded, options.expectedVersion ?? null);
        const command: SignLkj = { type: 'SignLkj', data: { version, ...(await this.refusalContext(satker, loaded.state, version, manager)) }, metadata };
        lkjDecider.decide(command, loaded.state);
        lkjDecider.decide(command, (await this.processManager.foresee(satker, year, manager, loaded)).state);
        return this.streams.decide(loaded, command, {
          tenantId: satker, actorId: by.id, actorRole: by.role, correlationId: by.correlationId ?? `lkj-sign-${now.getTime()}`,
          idempotencyKey: key, requestFingerprint,
        }, manager);
      });
      if (result.replayed) return null; // the same signature, sent at once with the same key, was recorded first
      const people = await personRefs(this.dataSource, signersOf(result.loaded.state));
      return { view: versionView(versionOf(result.loaded.state, version), people), version: result.loaded.count, replayed: false };
    });
  }

  /**
   * The replay and idempotency steps a request and a signature share. With an Idempotency-Key
   * (scoped to the actor) a command the key already recorded is answered as the first was and
   * `decide` is not run. `decide` answers the new command, or null when its append was a replay
   * (the same command, sent at once with the same key, was recorded first): then the first's
   * answer. A ConcurrencyError (a stale If-Match, or a stale stream version) met by a duplicate
   * that checked the key before the first was stored is that command too, answered as such.
   * `replay` is the key's first answer (null without a key or for a new key).
   */
  private async withReplay(
    command: 'RequestLkj' | 'SignLkj',
    satker: string,
    year: number,
    by: LkjRequester,
    options: CommandOptions,
    versionOfAppend: (events: readonly LkjEvent[]) => number,
    decide: (key: string | null, requestFingerprint: string | null, replay: () => Promise<LkjRequestOutcome | null>) => Promise<LkjRequestOutcome | null>,
  ): Promise<LkjRequestOutcome> {
    const key = actorScopedKey(by.id, options.idempotencyKey);
    const requestFingerprint = options.requestFingerprint ?? null;
    const replay = () => (key ? this.replay(satker, year, key, requestFingerprint, versionOfAppend) : Promise.resolve(null));
    const first = await replay();
    if (first) return first;
    try {
      const outcome = await decide(key, requestFingerprint, replay);
      if (outcome) return outcome;
    } catch (error) {
      // A duplicate that met the first's append (a stale If-Match, or a stale stream version): answered as the first.
      const answered = key && error instanceof ConcurrencyError ? await replay() : null;
      if (answered) return answered;
      throw error;
    }
    const answered = await replay();
    if (!answered) throw new Error(`${command} was replayed, yet its key recorded no append`);
    return answered;
  }

  /**
   * What the refusal of a version already signed names: the office's time zone and the signer's full
   * name. Read on the command's transaction (the office is held: a second connection could wait on
   * it, and the embedded database has one session), and only when `version` has a signer.
   */
  private async refusalContext(satker: string, state: LkjState, version: number, manager: EntityManager): Promise<{ timeZone?: string; names?: Record<string, string> }> {
    const signer = state.versions.find((v) => v.version === version)?.signed?.by ?? null;
    if (signer === null) return {};
    const office: Array<{ time_zone: string }> = await manager.query(`SELECT time_zone FROM satker WHERE code = $1`, [satker]);
    const people = await personRefs(manager, [signer]);
    const names = Object.fromEntries([...people.values()].flatMap((p) => (p.fullName ? [[p.id, p.fullName]] : [])));
    return { timeZone: office[0]?.time_zone ?? DEFAULT_TIME_ZONE, names };
  }

  /** The answer the key's first command got (the version it asked for or signed, as it stood then), or null for a new key. */
  private async replay(
    satker: string, year: number, key: string, requestFingerprint: string | null, versionOfAppend: (events: readonly LkjEvent[]) => number = requestedVersion,
  ): Promise<LkjRequestOutcome | null> {
    const first = await this.streams.firstAppendOf(satker, year, key, requestFingerprint);
    if (first === null) return null;
    const version = versionOf(first.loaded.state, versionOfAppend(first.events));
    const people = await personRefs(this.dataSource, signersOf(first.loaded.state));
    return { view: versionView(version, people), version: first.loaded.count, replayed: true };
  }

  async overview(satker: string, year: number): Promise<LkjOverview> {
    return (await this.current(satker, year)).view;
  }

  /** The overview with the number of events in the LKj stream: the ETag a request may send back in If-Match. */
  async current(satker: string, year: number): Promise<{ view: LkjOverview; version: number }> {
    const { state, count } = await this.streams.load(satker, year);
    const finals = state.versions.filter((v) => !v.draft && v.produced);
    const pending = state.versions.filter((v) => !v.produced).map((v) => v.version);
    const people = await personRefs(this.dataSource, signersOf(state));
    const blocked = await this.chain.blocked(satker, year, pending);
    return {
      version: count,
      view: {
        satker,
        year,
        status: overviewStatus(state),
        yearComplete: await isYearComplete(this.dataSource, satker, year),
        latestFinalVersion: finals.length > 0 ? finals[finals.length - 1].version : null,
        awaitingSignature: awaitingSignature(state),
        blocked,
        // Held versions are not retried (their job would be refused): `blocked` says why they wait.
        retrying: pending.length === 0 || blocked ? null : lkjRetrying(year, (await this.outbox.failuresOf(satker, year)).filter((f) => pending.includes(f.version))),
        versions: state.versions.map((v) => versionView(v, people)),
      },
    };
  }

  /**
   * The bytes of one file of a produced version, re-hashed: a mismatch is refused with 409 and
   * recorded as an integrity alert of the office (once per file while open), detected by `reader`.
   * A storage that is missing or unreadable as a whole is the store's StorageError (503), no alert.
   */
  async download(
    satker: string,
    year: number,
    version: number,
    format: string,
    reader: { id: string } | null = null,
  ): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
    const { state } = await this.streams.load(satker, year);
    const v = state.versions.find((x) => x.version === version);
    if (!v) throw new DomainError('LKJ.VERSION_NOT_FOUND', `LKj ${year} versi ${version} tidak ada.`, 'not_found', { version });
    if (!v.produced) throw new DomainError('LKJ.NOT_PRODUCED_YET', `LKj ${year} versi ${version} masih dalam proses pembuatan.`, 'conflict', { version });
    const wanted = FORMATS[format.toLowerCase()];
    const file = v.produced.files.find((f) => f.format === wanted);
    if (!file) throw new DomainError('LKJ.FORMAT_UNKNOWN', `Format ${format} tidak tersedia; pilih docx atau pdf.`, 'not_found', { format });
    const read = await this.files.read(satker, file.sha256);
    if (!read || read.actualSha256 !== file.sha256 || read.bytes.length !== file.size) {
      await this.fileIntegrity.recordMismatch(satker, { ...file, year, version, draft: v.draft }, read?.actualSha256 ?? null, reader?.id ?? null);
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

function versionOf(state: LkjState, version: number): LkjVersionState {
  const found = state.versions.find((v) => v.version === version);
  if (!found) throw new Error(`LKj version ${version} is not in the stream`);
  return found;
}

/** The LKj version a RequestLkj appended. */
function requestedVersion(events: readonly LkjEvent[]): number {
  const event = events.find((e) => e.type === 'LkjRequested');
  if (!event || event.type !== 'LkjRequested') throw new Error('RequestLkj appended no LkjRequested');
  return event.data.version;
}

/** The LKj version a SignLkj appended. */
function signedVersion(events: readonly LkjEvent[]): number {
  const event = events.find((e) => e.type === 'LkjSigned');
  if (!event || event.type !== 'LkjSigned') throw new Error('SignLkj appended no LkjSigned');
  return event.data.version;
}

/** If-Match on the LKj stream: the number of its events the client last saw. */
function assertExpected(loaded: LoadedLkj, expected: number | null): void {
  if (expected !== null && expected !== loaded.count) throw new ConcurrencyError(lkjStreamId(loaded.satker, loaded.year), expected, loaded.count);
}
