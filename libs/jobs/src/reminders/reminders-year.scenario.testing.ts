// The year the reminders integration test walks through: two offices, what their people do and
// when, and — worked out from that timeline alone, not from the planner — who must be reminded of
// what and when.
import { randomUUID } from 'node:crypto';
import { pkStreamId, realisasiStreamId, type PkStructure, type RealisasiEvent } from '@kinerja/domain';
import type { EventStore } from '@kinerja/event-store';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { aStructure } from '../../../domain/testing/builders';
import type { Mailer } from '../mail/mailer';
import { OutboxDispatcher } from '../notifications/outbox-dispatcher';
import { ReminderRecorder, reminderMessageId } from '../notifications/reminder-recorder';
import { OfficeDirectory } from './facts/office-directory';
import { OfficeHistoryReader } from './facts/office-history.reader';
import { addDays, addMonths, CalendarDate, isoDate, isoMonth, isWorkingDay, localInstant, OfficeTimeZone } from './plan/office-time';
import { ReminderRunner } from './reminder-runner';

export const YEAR = 2025;

/** The reminder runner as the worker wires it, over `ds`, sending through `mailer`. */
export function reminderRunnerOn(ds: DataSource, events: EventStore, mailer: Mailer, logger: Logger): ReminderRunner {
  return new ReminderRunner(
    new OfficeDirectory(ds), new OfficeHistoryReader(ds), new ReminderRecorder(ds, events), new OutboxDispatcher(ds, mailer, logger), logger,
  );
}

export interface ScenarioUser { id: string; username: string; role: 'KASUBBAG' | 'SEKRETARIS'; subbagian: string | null; email: string | null }
export interface ScenarioOffice { code: string; name: string; zone: OfficeTimeZone; deadlineDay: number; subbagian: string[]; structure: PkStructure; users: ScenarioUser[] }

const user = (username: string, role: ScenarioUser['role'], subbagian: string | null, email: string | null): ScenarioUser =>
  ({ id: randomUUID(), username, role, subbagian, email });

export const officeA: ScenarioOffice = {
  code: 'kpu-jember', name: 'KPU Kabupaten Jember', zone: 'Asia/Jakarta', deadlineDay: 5, subbagian: ['KUL', 'PDI'], structure: aStructure(),
  users: [
    user('kasubbag.kul.jember', 'KASUBBAG', 'KUL', 'kul@jember.test'),
    user('kasubbag.pdi.jember', 'KASUBBAG', 'PDI', 'pdi@jember.test'),
    user('sekretaris.jember', 'SEKRETARIS', null, 'sekretaris@jember.test'),
    user('plh.sekretaris.jember', 'SEKRETARIS', null, null),
  ],
};

const onlyKul = aStructure();
onlyKul.programs[0].kegiatan = onlyKul.programs[0].kegiatan.slice(0, 1);
export const officeB: ScenarioOffice = {
  code: 'kpu-jayapura', name: 'KPU Kota Jayapura', zone: 'Asia/Jayapura', deadlineDay: 10, subbagian: ['KUL'], structure: onlyKul,
  users: [user('kasubbag.kul.jayapura', 'KASUBBAG', 'KUL', 'kul@jayapura.test'), user('sekretaris.jayapura', 'SEKRETARIS', null, 'sekretaris@jayapura.test')],
};

/** `pkApprovedAt`: the first approval of the office's PK of YEAR (an office joining late has it in November). */
export async function seedOffice(ds: DataSource, events: EventStore, o: ScenarioOffice, pkApprovedAt = '2025-01-06T02:00:00.000Z'): Promise<void> {
  const at = new Date(Date.UTC(YEAR - 1, 11, 1));
  await ds.query(`INSERT INTO satker (code, name, time_zone, report_deadline_day, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`, [o.code, o.name, o.zone, o.deadlineDay, at]);
  for (const code of o.subbagian) {
    await ds.query(`INSERT INTO subbagian (satker_code, code, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`, [o.code, code, `Subbagian ${code}`, at]);
  }
  for (const u of o.users) {
    await ds.query(
      `INSERT INTO users (satker_code, id, username, full_name, email, role, subbagian_code, password_hash, password_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $3, $4, $5, $6, 'not-a-login', $7, $7, $7)`,
      [o.code, u.id, u.username, u.email, u.role, u.subbagian, at],
    );
  }
  const meta = { tenantId: o.code, actorId: 'seed', actorRole: 'SEKRETARIS', correlationId: randomUUID() };
  await events.append(pkStreamId(o.code, YEAR), 'no-stream', [
    { type: 'PkDrafted', data: { satker: o.code, year: YEAR, version: 1, structure: o.structure, draftedBy: 'seed', draftedAt: '2025-01-02T02:00:00.000Z' } },
    { type: 'PkSubmitted', data: { version: 1, submittedBy: 'seed', submittedAt: '2025-01-03T02:00:00.000Z' } },
    { type: 'PkApproved', data: { version: 1, approvedBy: 'ketua', approvedByRole: 'KETUA', approvedAt: pkApprovedAt, supersedesVersion: null } },
  ], meta);
}

/** One thing a person does in Kinerja, at a moment. */
export interface Action { at: Date; office: ScenarioOffice; month: number; subbagian: string; kind: 'draft' | 'submit' | 'resubmit' | 'return' | 'approve' }

function indicatorsOf(o: ScenarioOffice, subbagian: string): string[] {
  return o.structure.programs.flatMap((p) => p.kegiatan.flatMap((k) => k.indicators)).filter((i) => i.picSubbagian === subbagian).map((i) => i.code);
}

export function eventsOf(a: Action): RealisasiEvent[] {
  const at = a.at.toISOString();
  const lines = (filled: boolean) => indicatorsOf(a.office, a.subbagian).map((code) =>
    ({ indicatorCode: code, value: filled ? '1' : null, narrative: '', kendala: '', solusi: '', evidence: [] }));
  const saved = (filled: boolean): RealisasiEvent => ({ type: 'RealisasiDraftSaved', data: {
    key: { satker: a.office.code, year: YEAR, month: a.month, subbagian: a.subbagian }, revision: 0, pkVersion: 1,
    lines: lines(filled), budget: [], savedBy: 'kasubbag', savedAt: at } });
  switch (a.kind) {
    case 'draft': return [saved(false)];
    case 'submit':
    case 'resubmit':
      return [saved(true), { type: 'RealisasiSubmitted', data: { revision: 0, resubmission: a.kind === 'resubmit', submittedBy: 'kasubbag', submittedAt: at } }];
    case 'return': return [{ type: 'RealisasiReturned', data: { revision: 0, reason: 'Bukti dukung belum lengkap', returnedBy: 'sekretaris', returnedAt: at } }];
    case 'approve': return [{ type: 'RealisasiApproved', data: { revision: 0, approvedBy: 'sekretaris', approvedAt: at } }];
  }
}

export async function perform(events: EventStore, a: Action): Promise<void> {
  await events.append(realisasiStreamId(a.office.code, YEAR, a.month, a.subbagian), 'any', eventsOf(a),
    { tenantId: a.office.code, actorId: 'scenario', actorRole: 'KASUBBAG', correlationId: randomUUID() });
}

const dayOf = (month: number, day: number): CalendarDate => ({ ...addMonths({ year: YEAR, month }, 1), day });

/**
 * Jember (D = 5): KUL submits on the 2nd and is approved on the 3rd — except May's report, returned on
 * the 3rd and resubmitted on the 5th; PDI opens a blank draft on the 1st, submits on the 4th and is
 * approved on the 7th — except March's report, submitted late on the 8th. Jayapura (D = 10): KUL
 * submits and is approved on the 9th.
 */
export function scenarioActions(): Action[] {
  const actions: Action[] = [];
  const act = (office: ScenarioOffice, month: number, subbagian: string, kind: Action['kind'], day: number, hour: number) =>
    actions.push({ office, month, subbagian, kind, at: localInstant(dayOf(month, day), hour, office.zone) });
  for (let m = 1; m <= 12; m++) {
    act(officeA, m, 'KUL', 'submit', 2, 10);
    if (m === 5) {
      act(officeA, m, 'KUL', 'return', 3, 9);
      act(officeA, m, 'KUL', 'resubmit', 5, 10);
      act(officeA, m, 'KUL', 'approve', 6, 10);
    } else act(officeA, m, 'KUL', 'approve', 3, 9);
    act(officeA, m, 'PDI', 'draft', 1, 9);
    act(officeA, m, 'PDI', 'submit', m === 3 ? 8 : 4, 10);
    act(officeA, m, 'PDI', 'approve', m === 3 ? 8 : 7, m === 3 ? 15 : 10);
    act(officeB, m, 'KUL', 'submit', 9, 10);
    act(officeB, m, 'KUL', 'approve', 9, 15);
  }
  return actions.sort((x, y) => x.at.getTime() - y.at.getTime());
}

export interface ExpectedReminder { key: string; recipients: ScenarioUser[] }

const kasubbag = (o: ScenarioOffice, sub: string) => o.users.filter((u) => u.role === 'KASUBBAG' && u.subbagian === sub);
const sekretaris = (o: ScenarioOffice) => o.users.filter((u) => u.role === 'SEKRETARIS');

/** Worked out by hand from the timeline above (see each rule's comment), independently of the planner. */
export function expectedReminders(): ExpectedReminder[] {
  const out: ExpectedReminder[] = [];
  for (let m = 1; m <= 12; m++) {
    const period = isoMonth({ year: YEAR, month: m });
    const due = (day: number) => isoDate(dayOf(m, day));
    // Before the deadline: the 1st for everyone who has not submitted, D−2 for who still has not.
    // January's report of Jember KUL is the exception: the workers were down on 1 February until
    // after KUL submitted on the 2nd, so that reminder no longer made sense when they came back.
    if (m !== 1) out.push({ key: `before-deadline:${officeA.code}:${period}:KUL:${due(1)}`, recipients: kasubbag(officeA, 'KUL') });
    for (const day of [1, 3]) out.push({ key: `before-deadline:${officeA.code}:${period}:PDI:${due(day)}`, recipients: kasubbag(officeA, 'PDI') });
    for (const day of [1, 8]) out.push({ key: `before-deadline:${officeB.code}:${period}:KUL:${due(day)}`, recipients: kasubbag(officeB, 'KUL') });
  }
  // March's PDI report was still a draft after 5 April: escalated on the 6th.
  out.push({ key: `overdue:${officeA.code}:2025-03`, recipients: sekretaris(officeA) });
  // May's KUL report, returned on 3 June and resubmitted on the 5th at 10:00: reminded on the 4th and the 5th.
  for (const day of ['2025-06-04', '2025-06-05']) out.push({ key: `returned:${officeA.code}:2025-05:KUL:${day}`, recipients: kasubbag(officeA, 'KUL') });
  for (const day of digestDays()) out.push({ key: `approval-digest:${officeA.code}:${day}`, recipients: sekretaris(officeA) });
  // Each office's PK, submitted by the seed (no account) and approved before the workers ran: the
  // approval told to the office's Sekretaris in the submitter's place (the PK stream's 3rd event); the
  // submission, already decided, asks nobody.
  for (const office of [officeA, officeB]) out.push({ key: `pk:${office.code}:${YEAR}:3`, recipients: sekretaris(office) });
  return out;
}

/**
 * Working days on which some Jember report was waiting for approval at 08:00 (Jayapura's never wait
 * overnight). The year's database records no national holiday (reminders-hari-libur.int-spec.ts has them).
 */
function digestDays(): string[] {
  const waiting: Array<[Date, Date]> = [];
  const actions = scenarioActions().filter((a) => a.office === officeA);
  for (const a of actions.filter((x) => x.kind === 'submit' || x.kind === 'resubmit')) {
    const end = actions.find((x) => x.month === a.month && x.subbagian === a.subbagian && (x.kind === 'approve' || x.kind === 'return') && x.at > a.at)!;
    waiting.push([a.at, end.at]);
  }
  const days: string[] = [];
  const noHolidays = new Set<string>();
  for (let d: CalendarDate = { year: YEAR, month: 1, day: 1 }; d.year === YEAR || d.month === 1; d = addDays(d, 1)) {
    const eight = localInstant(d, 8, officeA.zone);
    if (isWorkingDay(d, noHolidays) && waiting.some(([from, to]) => from <= eight && eight < to)) days.push(isoDate(d));
  }
  return days;
}

/** Each e-mail expected, by its Message-ID: the reminder's key and the address it goes to. */
export function expectedEmails(expected: ExpectedReminder[]): Map<string, string> {
  const mails = new Map<string, string>();
  for (const r of expected) for (const u of r.recipients) if (u.email) mails.set(reminderMessageId(r.key, u.id), `${r.key} -> ${u.email}`);
  return mails;
}
