import { Injectable } from '@nestjs/common';
import { perjanjianKinerjaDecider, pkInForce, pkStreamId, type PkState, type PkVersionInForce } from '@kinerja/domain';
import { AggregateRunner } from '../shared/aggregate-runner';

/** Reads a PK from its stream (a projection may take over later; callers only see this API). */
@Injectable()
export class PkReader {
  constructor(private readonly runner: AggregateRunner) {}

  load(satker: string, year: number): Promise<{ state: PkState; version: number }> {
    return this.runner.load({ tenant: satker, streamId: pkStreamId(satker, year) }, perjanjianKinerjaDecider);
  }

  async inForce(satker: string, year: number): Promise<PkVersionInForce | null> {
    return pkInForce((await this.load(satker, year)).state);
  }
}
