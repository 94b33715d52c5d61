import { Injectable } from '@nestjs/common';
import { realisasiDecider, realisasiStreamId, type RealisasiKey, type RealisasiState } from '@kinerja/domain';
import { AggregateRunner } from '../shared/aggregate-runner';

export interface LoadedRealisasi {
  key: RealisasiKey;
  state: RealisasiState;
  version: number;
}

/** Reads monthly reports from their streams (a projection may take over; callers only see this API). */
@Injectable()
export class RealisasiReader {
  constructor(private readonly runner: AggregateRunner) {}

  async load(key: RealisasiKey): Promise<LoadedRealisasi> {
    const { state, version } = await this.runner.load(
      { tenant: key.satker, streamId: realisasiStreamId(key.satker, key.year, key.month, key.subbagian) },
      realisasiDecider,
    );
    return { key, state, version };
  }

  /** Every report of months 1..lastMonth for the given subbagian, month by month, in one query. */
  async loadYear(satker: string, year: number, subbagian: readonly string[], lastMonth = 12): Promise<LoadedRealisasi[]> {
    const keys: RealisasiKey[] = [];
    for (let month = 1; month <= lastMonth; month++) {
      for (const code of subbagian) keys.push({ satker, year, month, subbagian: code });
    }
    const streamOf = (key: RealisasiKey) => realisasiStreamId(key.satker, key.year, key.month, key.subbagian);
    const streams = await this.runner.loadMany(satker, keys.map((key) => ({ streamId: streamOf(key), folder: realisasiDecider })));
    return keys.map((key) => {
      const { state, version } = streams.get(streamOf(key))!;
      return { key, state: state as RealisasiState, version };
    });
  }
}
