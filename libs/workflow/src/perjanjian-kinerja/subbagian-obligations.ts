import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  approvedVersionsOf, DomainError, indicatorsOwnedBy, INDONESIAN_MONTHS, localDateOf, pkOpenedOn, pkStreamId, pkWorkingVersion,
  reportMovesOf, subbagianOwingByMonth, type LocalDate, type PkState, type PkStructure, type RealisasiState,
} from '@kinerja/domain';
import { Clock } from '@kinerja/platform';
import { statusShown } from '@kinerja/projections';
import { RealisasiReader } from '../realisasi/realisasi-reader';
import { deadlineOfReportIn, SatkerDirectory, type SatkerFacts } from '../shared/satker-directory';
import { PkReader } from './pk-reader';

/** A monthly report the subbagian owes and that is not approved (yet, or again after a revision). */
export interface OwedReport {
  month: number;
  /** The report's state: NOT_STARTED, DRAFT, SUBMITTED, RETURNED or REVISION (a correction of an approved report). */
  state: 'NOT_STARTED' | 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'REVISION';
  /** Overdue by the status matrix's rule (`statusShown`): its deadline is over and it was never sent, or sits unapproved. */
  overdue: boolean;
}

/** What one year still asks of a subbagian. */
export interface YearObligation {
  year: number;
  /** Months the subbagian owes under the PK version in force for them, whose report is not approved. */
  owedReports: OwedReport[];
  /** Indicators of the PK version in force (or, with `pendingPkVersion`, of the version being drafted) whose PIC it is. */
  indicators: string[];
  /** A PK version drafted or submitted, not yet approved, that names it as PIC. */
  pendingPkVersion: number | null;
}

const STATE_WORDS: Record<OwedReport['state'], string> = {
  NOT_STARTED: 'belum dibuat',
  DRAFT: 'masih draf',
  SUBMITTED: 'menunggu persetujuan',
  RETURNED: 'dikembalikan',
  REVISION: 'revisi belum disetujui',
};

function owedState(state: RealisasiState): OwedReport['state'] | null {
  if (state.status === 'EMPTY') return 'NOT_STARTED';
  if (state.status === 'APPROVED') return null;
  if (state.status === 'DRAFT') return state.approved === null ? 'DRAFT' : 'REVISION';
  return state.status;
}

/**
 * What a subbagian still owes the office's SAKIP years: the monthly reports of the months it is PIC
 * for (under the PK version in force for each month, as the status matrix and reminders decide) that
 * are not approved, and any PK version in preparation that names it as PIC. A subbagian that owes
 * something cannot be deactivated: its reports would have nobody to send them, its reminders nobody
 * to receive them, and the year's LKj would never be complete.
 */
@Injectable()
export class SubbagianObligations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pks: PkReader,
    private readonly reports: RealisasiReader,
    private readonly directory: SatkerDirectory,
    private readonly clock: Clock,
  ) {}

  async of(satker: string, subbagian: string): Promise<YearObligation[]> {
    const facts = await this.directory.facts(satker);
    const today = localDateOf(this.clock.now().toISOString(), facts.timeZone);
    const found: YearObligation[] = [];
    for (const year of await this.pkYears(satker)) {
      const { state } = await this.pks.load(satker, year);
      const obligation = await this.ofYear(state, satker, year, subbagian, { facts, today });
      if (obligation) found.push(obligation);
    }
    return found;
  }

  /** Refuses (409 `SUBBAGIAN.HAS_OBLIGATIONS`) when the subbagian still owes anything. */
  async assertNone(satker: string, subbagian: string): Promise<void> {
    const obligations = await this.of(satker, subbagian);
    if (obligations.length > 0) throw hasObligations(satker, subbagian, obligations);
  }

  private async ofYear(
    state: PkState, satker: string, year: number, subbagian: string,
    { facts, today }: { facts: SatkerFacts; today: LocalDate },
  ): Promise<YearObligation | null> {
    if (state.status !== 'EXISTS') return null;
    const working = pkWorkingVersion(state);
    const pendingIndicators = working ? picIndicators(working.structure, subbagian) : [];
    const versions = approvedVersionsOf(state);
    const owing = subbagianOwingByMonth(versions, year, facts.timeZone);
    const opened = pkOpenedOn(versions, facts.timeZone);
    const months = owing.flatMap((subs, i) => (subs.includes(subbagian) ? [i + 1] : []));
    const owedReports: OwedReport[] = [];
    if (months.length > 0) {
      const loaded = await this.reports.loadYear(satker, year, [subbagian], Math.max(...months));
      for (const { key, state: report } of loaded) {
        const owed = months.includes(key.month) ? owedState(report) : null;
        if (!owed) continue;
        const stored = report.status === 'EMPTY' ? null : { status: report.status, approvedOnce: report.approved !== null };
        const { deadline } = deadlineOfReportIn(facts, year, key.month, opened, reportMovesOf(report));
        const overdue = statusShown(stored, { deadline, owed: true }, today) === 'OVERDUE';
        owedReports.push({ month: key.month, state: owed, overdue });
      }
    }
    if (owedReports.length === 0 && pendingIndicators.length === 0) return null;
    const inForce = state.versions.find((v) => v.version === state.inForce);
    return {
      year,
      owedReports,
      indicators: pendingIndicators.length > 0 ? pendingIndicators : inForce ? picIndicators(inForce.structure, subbagian) : [],
      pendingPkVersion: pendingIndicators.length > 0 ? working!.version : null,
    };
  }

  /** The years the office has a PK stream for, oldest first. */
  private async pkYears(satker: string): Promise<number[]> {
    const prefix = pkStreamId(satker, 0).slice(0, -1);
    const rows: Array<{ stream_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT stream_id FROM events WHERE tenant_id = $1 AND starts_with(stream_id, $2)`,
      [satker, prefix],
    );
    return rows
      .map((r) => Number(r.stream_id.slice(prefix.length)))
      .filter((year) => Number.isInteger(year))
      .sort((a, b) => a - b);
  }
}

function picIndicators(structure: PkStructure, subbagian: string): string[] {
  return indicatorsOwnedBy(structure, subbagian).map((i) => i.code);
}

function yearSentence(o: YearObligation): string {
  const parts: string[] = [];
  if (o.owedReports.length > 0) {
    parts.push(`laporan ${o.owedReports.map((r) => `${INDONESIAN_MONTHS[r.month - 1]} (${STATE_WORDS[r.state]}${r.overdue ? ', terlambat' : ''})`).join(', ')}`);
  }
  if (o.pendingPkVersion !== null) {
    parts.push(`PIC indikator ${o.indicators.join(', ')} pada PK versi ${o.pendingPkVersion} yang sedang disusun`);
  } else if (o.indicators.length > 0 && o.owedReports.length > 0) {
    parts.push(`PIC indikator ${o.indicators.join(', ')} pada PK yang berlaku`);
  }
  return `${o.year}: ${parts.join('; ')}`;
}

/** What to do first, for what is owed: reports to finish, PICs to move (by a PK Perubahan, or in the draft). */
function remedy(obligations: readonly YearObligation[]): string {
  const reports = obligations.some((o) => o.owedReports.length > 0);
  const inForce = obligations.some((o) => o.pendingPkVersion === null && o.indicators.length > 0);
  const draft = obligations.some((o) => o.pendingPkVersion !== null);
  const steps = [
    ...(reports ? ['selesaikan dan setujui laporan tersebut'] : []),
    ...(inForce ? ['pindahkan PIC indikatornya ke subbagian lain melalui PK Perubahan'] : []),
    ...(draft ? ['ubah PIC indikator tersebut pada draf PK'] : []),
  ];
  const text = steps.join(', ').replace(/, ([^,]*)$/, ', lalu $1');
  // A PK Perubahan (any version after the first) opened by mistake is withdrawn rather than finished.
  const revisions = obligations.filter((o) => o.pendingPkVersion !== null && o.pendingPkVersion > 1);
  const withdraw = revisions.length === 0 ? '' :
    ` Bila PK Perubahan ${revisions.map((o) => `${o.year} versi ${o.pendingPkVersion}`).join(', ')} dibuka karena keliru, Sekretaris dapat ` +
    'membatalkannya (bila sudah diajukan, setelah Ketua mengembalikannya); PK yang berlaku tetap berlaku.';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} sebelum menonaktifkan subbagian ini.${withdraw}`;
}

export function hasObligations(satker: string, subbagian: string, obligations: readonly YearObligation[]): DomainError {
  return new DomainError(
    'SUBBAGIAN.HAS_OBLIGATIONS',
    `Subbagian "${subbagian}" tidak dapat dinonaktifkan karena masih memiliki kewajiban SAKIP — ` +
      `${obligations.map(yearSentence).join(' | ')}. ${remedy(obligations)}`,
    'conflict',
    { satker, subbagian, obligations: obligations.map((o) => ({ ...o, owedReports: [...o.owedReports] })) },
  );
}
