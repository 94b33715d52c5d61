import { ContentAddressedStore } from '@kinerja/platform';
import type { DataSource } from 'typeorm';
import { DomainError, type CommandMetadata, type LkjFile, type LkjVersionState } from '@kinerja/domain';
import { ConcurrencyError } from '@kinerja/event-store';
import type { Clock } from '@kinerja/platform';
import { buildLkjModel, renderLkjDocx, renderLkjPdf } from '@kinerja/reporting';
import { LKJ_PRODUCE_ALERT_SOURCE, type LkjChainIntegrity } from './lkj-chain-integrity';
import type { LkjFactsReader } from './lkj-facts.reader';
import { lkjJobId, type LkjOutbox } from './lkj-outbox';
import { SYSTEM_ACTOR, systemMetadata, type LkjStreams } from './lkj-stream';

export type ProduceOutcome = { outcome: 'produced'; files: LkjFile[] } | { outcome: 'already-produced'; files: LkjFile[] };

/**
 * Produces one version of an LKj: facts → model → DOCX and PDF → files stored by SHA-256 →
 * `LkjProduced` appended once. The idempotency key is the job id and the append expects the stream
 * version read, so a job run twice, retried or run by two workers at once records one event; the
 * loser's files are identical in kind and simply unreferenced.
 *
 * Nothing is produced from a chain known to be broken (LkjChainIntegrity): while the office has an
 * open chain alert, or when its chain fails verification right after the facts were read, the job
 * fails with LKJ.INTEGRITY_DAMAGED and records nothing; the version stays asked for (outbox) and is
 * produced once the Inspektorat has resolved the alert (the process manager queues it again).
 */
export class LkjProducer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly streams: LkjStreams,
    private readonly facts: LkjFactsReader,
    private readonly files: ContentAddressedStore,
    private readonly outbox: LkjOutbox,
    private readonly clock: Clock,
    private readonly chain: LkjChainIntegrity,
  ) {}

  async produce(satker: string, year: number, version: number): Promise<ProduceOutcome> {
    const loaded = await this.streams.load(satker, year);
    const requested = loaded.state.versions.find((v) => v.version === version);
    if (!requested) {
      throw new DomainError('LKJ.VERSION_NOT_FOUND', `LKj ${year} versi ${version} tidak pernah diminta.`, 'not_found', { satker, year, version });
    }
    if (requested.produced) {
      await this.outbox.markDone({ satker, year, version }, new Date(requested.produced.producedAt));
      return { outcome: 'already-produced', files: requested.produced.files };
    }
    // Cheap, before any reading: a retry while the alert is open stops here.
    await this.chain.refuseWhileAlerted(satker, year);
    const now = this.clock.now();
    const { files, modelDigest, ratingScaleVersion } = await this.render(satker, year, requested, now);
    const metadata: CommandMetadata = { actor: SYSTEM_ACTOR, now: now.toISOString() };
    const request = loaded.requests?.get(version);
    try {
      const recorded = await this.dataSource.transaction(async (manager) => {
        // Read as it stands when the version is recorded: a final produced from then on waits for the Ketua.
        const [office] = await manager.query(`SELECT ketua_signs_lkj FROM satker WHERE code = $1`, [satker]);
        const signatureRequired = office?.ketua_signs_lkj === true;
        const result = await this.streams.decide(
          loaded,
          // The scale's label: what the process manager compares a later scale with (lkj-process-manager.ts).
          { type: 'RecordLkjProduced', data: { version, files, modelDigest, ratingScaleVersion, signatureRequired }, metadata },
          // Caused by the version's request, in its correlation: the trail links the two.
          systemMetadata(satker, lkjJobId(satker, year, version), request?.eventId ?? null, request?.correlationId),
          manager,
        );
        await this.outbox.markDone({ satker, year, version }, now, manager);
        return result;
      });
      if (recorded.events.length === 0) return this.alreadyProduced(satker, year, version);
      return { outcome: 'produced', files };
    } catch (error) {
      // Another run of the same version, or a new request, appended first: read again and decide.
      if (error instanceof ConcurrencyError) {
        const again = await this.streams.load(satker, year);
        if (again.state.versions.find((v) => v.version === version)?.produced) return this.alreadyProduced(satker, year, version);
        return this.produce(satker, year, version);
      }
      throw error;
    }
  }

  /**
   * Facts → chain verified → model → DOCX and PDF → stored by SHA-256. Appends nothing (the
   * benchmark times this alone too). The chain is verified after the facts were read, so an edit
   * made before or while they were read is seen; a break refuses (LKJ.INTEGRITY_DAMAGED) before
   * anything is rendered or stored.
   */
  async render(
    satker: string, year: number, requested: Pick<LkjVersionState, 'version' | 'draft' | 'suggestions'>, now: Date,
  ): Promise<{ files: LkjFile[]; modelDigest: string; ratingScaleVersion: string }> {
    const input = await this.facts.read(satker, year, { version: requested.version, draft: requested.draft, suggestions: requested.suggestions, producedAt: now });
    await this.chain.refuseUnlessTrusted(satker, year, LKJ_PRODUCE_ALERT_SOURCE, SYSTEM_ACTOR.userId);
    const model = buildLkjModel(input);
    const [docx, pdf] = await Promise.all([renderLkjDocx(model), renderLkjPdf(model)]);
    const files: LkjFile[] = [
      { format: 'DOCX', ...(await this.files.write(satker, docx)) },
      { format: 'PDF', ...(await this.files.write(satker, pdf)) },
    ];
    return { files, modelDigest: model.integrity.modelDigest, ratingScaleVersion: input.ratingScale.version };
  }

  private async alreadyProduced(satker: string, year: number, version: number): Promise<ProduceOutcome> {
    const loaded = await this.streams.load(satker, year);
    const produced = loaded.state.versions.find((v) => v.version === version)?.produced;
    if (!produced) throw new Error(`LKj ${satker} ${year} v${version}: replayed append but no LkjProduced found`);
    await this.outbox.markDone({ satker, year, version }, new Date(produced.producedAt));
    return { outcome: 'already-produced', files: produced.files };
  }
}
