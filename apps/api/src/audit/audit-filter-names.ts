import { Injectable } from '@nestjs/common';
import { caseHint, DomainError } from '@kinerja/domain';
import { SatkerScopeService, type AuthenticatedUser } from '@kinerja/identity';
import { AuditFilterNames } from '@kinerja/projections/audit-trail/audit-filter-names';
import type { FieldProblem } from '../http/validation-errors';
import { refuseProblems } from './audit-filter';

/** The filters that name something the offices read must have had. */
export interface NamedFilterInput {
  subbagian?: string;
  indicator?: string;
  actor?: string;
}

const LISTED_AT_MOST = 30;

/** "pada satker X", or, across several, "pada satker mana pun yang dibaca (n satker)". */
function where(offices: readonly string[]): string {
  return offices.length === 1 ? `satker ${offices[0]}` : `satker mana pun yang dibaca (${offices.length} satker)`;
}

/** A subbagian code none of the offices had, with the code it differs from only in case ("maksud Anda PDI?") when one did. */
export function subbagianProblem(code: string, existing: readonly string[], offices: readonly string[]): FieldProblem | null {
  if (existing.includes(code)) return null;
  const listed = existing.length > LISTED_AT_MOST ? `${existing.slice(0, LISTED_AT_MOST).join(', ')}, …` : existing.join(', ');
  const alike = existing.filter((c) => c.toLowerCase() === code.toLowerCase());
  return {
    field: 'subbagian',
    constraint: 'isKnownSubbagian',
    message: `${code}${caseHint(alike)} tidak ada pada ${where(offices)}, juga di antara subbagian yang sudah dinonaktifkan. `
      + (existing.length === 0 ? 'Belum ada subbagian yang terdaftar' : `Kode subbagian yang ada: ${listed}`),
  };
}

/** `alike`: the codes equal to `code` but for case that a PK version of the offices ever had. */
export function indicatorProblem(code: string, alike: readonly string[], offices: readonly string[]): FieldProblem | null {
  if (alike.includes(code)) return null;
  return {
    field: 'indicator',
    constraint: 'isKnownIndicator',
    message: `${code}${caseHint(alike)} tidak pernah ada dalam Perjanjian Kinerja ${where(offices)}, baik versi draf maupun yang disetujui, tahun berapa pun. `
      + 'Periksa kode indikator pada PK satker',
  };
}

/**
 * The history of a figure whose indicator no PK version of the office had that year: 404, in the
 * words of the trail's `isKnownIndicator` (an empty history would read as "never changed").
 */
export function figureIndicatorNotFound(satker: string, year: number, code: string, alike: readonly string[]): DomainError {
  return new DomainError(
    'AUDIT.INDICATOR_NOT_FOUND',
    `Indikator ${code}${caseHint(alike)} tidak pernah ada dalam Perjanjian Kinerja ${year} satker ${satker}, baik versi draf maupun yang disetujui, `
      + 'jadi tidak ada riwayat angkanya. Periksa kode indikator dan tahun pada PK satker.',
    'not_found',
    { satker, year, indicator: code, alike: [...alike] },
  );
}

/** The same answer whether the actor does not exist or is a user the reader may not see. */
export function actorProblem(actor: string, known: boolean, offices: readonly string[]): FieldProblem | null {
  if (known) return null;
  const lower = actor.toLowerCase() !== actor ? ` (username dan id ditulis dengan huruf kecil: ${actor.toLowerCase()}?)` : '';
  return {
    field: 'actor',
    constraint: 'isKnownActor',
    message: `${actor}${lower} tidak dikenal: bukan id atau username pengguna dalam cakupan Anda, dan tidak ada peristiwa pada ${where(offices)} `
      + 'yang dicatat atas namanya',
  };
}

/**
 * A filter naming a subbagian, an indicator or an actor that the offices read never had is
 * refused like the other filters that can never match (400 VALIDATION.FAILED, the field in
 * `details.fields`) rather than answered with an empty page. Across offices, a name is enough
 * when one office read has it.
 */
@Injectable()
export class AuditFilterNamesCheck {
  constructor(
    private readonly names: AuditFilterNames,
    private readonly scope: SatkerScopeService,
  ) {}

  /** `inScope`: the offices the reader may see, when already known (only an actor needs them). */
  async refuseUnknown(q: NamedFilterInput, user: AuthenticatedUser, offices: readonly string[], inScope?: readonly string[]): Promise<void> {
    if (offices.length === 0) return;
    const problems = await Promise.all([
      !q.subbagian ? null : this.names.subbagianCodes(offices).then((codes) => subbagianProblem(q.subbagian as string, codes, offices)),
      !q.indicator ? null : this.names.indicatorCodesLike(offices, q.indicator).then((alike) => indicatorProblem(q.indicator as string, alike, offices)),
      !q.actor ? null : this.actorKnown(q.actor, user, offices, inScope).then((known) => actorProblem(q.actor as string, known, offices)),
    ]);
    refuseProblems(problems);
  }

  /** A figure of an indicator the office's PK never had that year is refused (404 AUDIT.INDICATOR_NOT_FOUND). */
  async refuseUnknownFigure(satker: string, year: number, indicator: string): Promise<void> {
    const alike = await this.names.indicatorCodesOfYearLike(satker, year, indicator);
    if (!alike.includes(indicator)) throw figureIndicatorNotFound(satker, year, indicator, alike);
  }

  private async actorKnown(actor: string, user: AuthenticatedUser, offices: readonly string[], inScope?: readonly string[]): Promise<boolean> {
    return this.names.actorKnown(actor, offices, inScope ?? (await this.scope.codesInScope(user)));
  }
}
