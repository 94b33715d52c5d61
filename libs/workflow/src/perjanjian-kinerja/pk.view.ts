import { DomainError, pkInForce, pkWorkingVersion, type PkState, type PkVersion } from '@kinerja/domain';

/** `GET pk/{year}`: the version in force and the one being drafted or awaiting approval. */
export interface PkView {
  satker: string;
  year: number;
  /** Stream version: send it back in If-Match. */
  version: number;
  inForce: PkVersion | null;
  working: PkVersion | null;
}

/** `GET pk/{year}/versions`: every version, oldest first, approved ones frozen. */
export interface PkVersionsView {
  satker: string;
  year: number;
  version: number;
  versions: PkVersion[];
}

export function requirePk(state: PkState, satker: string, year: number): Extract<PkState, { status: 'EXISTS' }> {
  if (state.status !== 'EXISTS') {
    throw new DomainError('PK.NOT_FOUND', `Perjanjian Kinerja ${year} satker ${satker} belum disusun.`, 'not_found', { satker, year });
  }
  return state;
}

export function toPkView(state: PkState, satker: string, year: number, version: number): PkView {
  const pk = requirePk(state, satker, year);
  const inForce = pkInForce(pk) === null ? null : (pk.versions.find((v) => v.version === pk.inForce) ?? null);
  return { satker, year, version, inForce, working: pkWorkingVersion(pk) };
}

export function toPkVersionsView(state: PkState, satker: string, year: number, version: number): PkVersionsView {
  return { satker, year, version, versions: requirePk(state, satker, year).versions };
}
