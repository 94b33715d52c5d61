import {
  evolvePk,
  evolveRealisasi,
  initialPkState,
  initialRealisasiState,
  pkInForceForMonth,
  pkOpenedOn,
  reportMovesOf,
  type PkEvent,
  type PkState,
  type RealisasiEvent,
  type RealisasiState,
} from '@kinerja/domain';
import type { CalendarDate } from '../plan/office-time';
import type { IndicatorRef, ReportFact, ReportStatus } from '../plan/reminder-plan.types';

/** The raw history of one office that reminders need: its PK and monthly-report events in order. */
export interface OfficeHistory {
  /** PK events per year. */
  pk: Map<number, PkEvent[]>;
  /** Realisasi events per stream key `<year>:<MM>:<subbagian>`. */
  realisasi: Map<string, RealisasiEvent[]>;
  /** Subbagian code → name. */
  subbagianNames: Map<string, string>;
}

export function realisasiKey(year: number, month: number, subbagian: string): string {
  return `${year}:${String(month).padStart(2, '0')}:${subbagian}`;
}

/**
 * Every monthly report an office owes for the months that have ended in `years`, with where it
 * stands: a month is owed by the PICs of the PK version it is reported under (`pkInForceForMonth`,
 * the one in force when it ended, in the office's `timeZone`). A report nobody opened yet is
 * NOT_STARTED with every indicator blank.
 */
export function reportFacts(history: OfficeHistory, today: CalendarDate, years: number[], timeZone: string): ReportFact[] {
  const facts: ReportFact[] = [];
  for (const year of years) {
    const pkState = (history.pk.get(year) ?? []).reduce<PkState>(evolvePk, initialPkState());
    for (let month = 1; month <= 12; month++) {
      if (today.year * 12 + today.month <= year * 12 + month) break;
      const pk = pkInForceForMonth(pkState, month, timeZone);
      if (!pk) break;
      const owned = indicatorsBySubbagian(pk.structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators)));
      for (const [subbagian, indicators] of owned) {
        const events = history.realisasi.get(realisasiKey(year, month, subbagian)) ?? [];
        const state = events.reduce<RealisasiState>(evolveRealisasi, initialRealisasiState());
        facts.push(factOf(year, month, subbagian, history.subbagianNames.get(subbagian) ?? subbagian, indicators, state));
      }
    }
  }
  return facts;
}

/**
 * Year → the local date on which the office's PK of that year was first approved (its first
 * `PkApproved`; a PK Perubahan does not move it), for the years that have one: what the planner
 * needs for catch-up deadlines (`ReminderPlanInput.pkOpened`), from the events already read.
 */
export function pkOpenedByYear(history: OfficeHistory, timeZone: string): Map<number, CalendarDate> {
  const opened = new Map<number, CalendarDate>();
  for (const [year, events] of history.pk) {
    const approvals = events.flatMap((e) => (e.type === 'PkApproved' ? [{ approvedAt: e.data.approvedAt }] : []));
    const date = pkOpenedOn(approvals, timeZone);
    if (date) opened.set(year, date);
  }
  return opened;
}

function indicatorsBySubbagian(indicators: Array<{ code: string; name: string; picSubbagian: string }>): Map<string, IndicatorRef[]> {
  const owned = new Map<string, IndicatorRef[]>();
  for (const i of indicators) owned.set(i.picSubbagian, [...(owned.get(i.picSubbagian) ?? []), { code: i.code, name: i.name }]);
  return new Map([...owned].sort(([a], [b]) => a.localeCompare(b)));
}

function factOf(
  year: number, month: number, subbagian: string, subbagianName: string, indicators: IndicatorRef[], state: RealisasiState,
): ReportFact {
  const base = { year, month, subbagian, subbagianName };
  if (state.status === 'EMPTY') {
    return { ...base, status: 'NOT_STARTED', blankIndicators: indicators, submittedAt: null, returnedAt: null, returnReason: null, moves: [] };
  }
  const filled = new Set(state.content.lines.filter((l) => l.value !== null).map((l) => l.indicatorCode));
  const status: ReportStatus = state.status === 'DRAFT' && state.approved !== null ? 'REVISING' : state.status;
  return {
    ...base,
    status,
    blankIndicators: indicators.filter((i) => !filled.has(i.code)),
    submittedAt: state.submittedAt,
    submittedBy: state.submittedBy,
    returnedAt: state.lastReturn?.at ?? null,
    returnReason: state.lastReturn?.reason ?? null,
    moves: reportMovesOf(state),
  };
}
