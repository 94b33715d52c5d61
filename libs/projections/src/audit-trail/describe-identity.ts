import {
  firstMonthChangeApplies, indonesianMonthYear, localDateOf, officeZoneAbbreviation, ROLE_LABELS, type DeadlineDayChange, type DeadlineDayHistory, type Role,
} from '@kinerja/domain';
import type { RecordedEvent } from '@kinerja/event-store';
import type { IdentityEvent, Reasoned } from '@kinerja/identity/events/identity.events';
import type { AuditTrailState } from './audit-trail.state';
import type { AuditChange } from './audit-trail.types';
import { describeHariLiburChange } from './describe-hari-libur';
import { describeSatkerProfileChange } from './describe-satker-profile';
import type { Description } from './describe.types';

export const IDENTITY_TYPES: ReadonlySet<string> = new Set<string>([
  'SatkerCreated', 'SatkerUpdated', 'SatkerMoved', 'SatkerDeactivated', 'SatkerReactivated', 'SatkerProfileChanged', 'SubbagianCreated', 'SubbagianUpdated',
  'SubbagianDeactivated', 'SubbagianReactivated', 'UserCreated', 'UserUpdated', 'UserDeactivated', 'UserReactivated',
  'UserPasswordChanged', 'UserLockedOut', 'UserUnlocked', 'HariLiburChanged',
]);

/** The fields of one office, subbagian or user as last recorded: the "before" of its next change. */
type Fields = Record<string, unknown>;

/** The fields of offices, subbagian and users in the Inspektorat's words, as the PK rows name theirs. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: 'nama', username: 'nama pengguna', fullName: 'nama lengkap', email: 'e-mail', role: 'peran', subbagian: 'subbagian',
  timeZone: 'zona waktu', reportDeadlineDay: 'tanggal batas waktu laporan', parentCode: 'satker induk',
  ketuaSignsLkj: 'LKj final ditandatangani Ketua',
};

/** A value as a person reads it: a role by its name ("Kepala Subbagian"), a time zone with its abbreviation ("WITA (Asia/Makassar)"). */
function text(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'role') return ROLE_LABELS[value as Role] ?? String(value);
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (field === 'timeZone') {
    const zone = String(value);
    const short = officeZoneAbbreviation(zone);
    return short === zone ? zone : `${short} (${zone})`;
  }
  return String(value);
}

/** An office's setting that no event recorded before its first change stood at its default (offices created before it existed too). */
const SETTING_DEFAULTS: Readonly<Record<string, unknown>> = { ketuaSignsLkj: false };

function change(field: string, before: unknown, after: unknown): AuditChange {
  const was = before ?? SETTING_DEFAULTS[field];
  return { indicatorCode: null, indicatorName: null, field: FIELD_WORDS[field] ?? field, before: text(field, was), after: text(field, after) };
}

/** Remembers what a created office, subbagian or user starts with (`who`: `satker`, `subbagian:<code>`, `user:<id>`). */
function created(event: RecordedEvent, state: AuditTrailState, who: string, fields: Fields): void {
  state.remember(event.tenantId, event.streamId, who, fields);
}

/** Each changed field with its value before (null when never recorded) and after; remembers the new values. */
function changesOf(event: RecordedEvent, state: AuditTrailState, who: string, changes: Fields): AuditChange[] {
  const known = state.recall<Fields>(event.tenantId, event.streamId, who) ?? {};
  state.remember(event.tenantId, event.streamId, who, { ...known, ...changes });
  return Object.entries(changes).map(([field, after]) => change(field, known[field], after));
}

/**
 * The office's deadline days as recorded so far (kept under `deadlineDays` on its identity stream),
 * with this event's day appended: a change applies only to the months whose deadline it cannot have
 * made pass, so the trail says from which report month it applies. Before this memory existed, the
 * day last recorded stands for the whole history.
 */
function deadlineDayFrom(event: RecordedEvent, state: AuditTrailState, deadlineDay: number, timeZone: string | null): { year: number; month: number } | null {
  const known = state.recall<Fields>(event.tenantId, event.streamId, 'satker');
  const zone = timeZone ?? (typeof known?.timeZone === 'string' ? known.timeZone : null);
  if (zone === null) return null;
  const change: DeadlineDayChange = { changedOn: localDateOf(new Date(event.recordedAt).toISOString(), zone), deadlineDay };
  const history = state.recall<DeadlineDayHistory>(event.tenantId, event.streamId, 'deadlineDays')
    ?? (known?.reportDeadlineDay != null ? [{ changedOn: change.changedOn, deadlineDay: Number(known.reportDeadlineDay) }] : []);
  state.remember(event.tenantId, event.streamId, 'deadlineDays', [...history, change]);
  if (history.length === 0) return null;
  return firstMonthChangeApplies(history, change);
}

function userName(state: AuditTrailState, userId: string): string {
  const actor = state.actor(userId);
  return actor ? `${actor.fullName} (${actor.username})` : userId;
}

/** Identity events also keep the names the trail shows for each actor. */
export function describeIdentity(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (!IDENTITY_TYPES.has(event.type)) return null;
  const e = event as unknown as IdentityEvent;
  // An administrator's reason; absent from events recorded before identity changes could carry one.
  const base = { subjectKind: 'IDENTITAS' as const, reason: (e.data as Reasoned).reason ?? null };
  switch (e.type) {
    case 'SatkerCreated': {
      const d = e.data;
      deadlineDayFrom(event, state, d.reportDeadlineDay, d.timeZone);
      // Absent from offices created before it could be given: its default stands (SETTING_DEFAULTS).
      created(event, state, 'satker', { name: d.name, timeZone: d.timeZone, reportDeadlineDay: d.reportDeadlineDay, ketuaSignsLkj: d.ketuaSignsLkj });
      const signs = d.ketuaSignsLkj === true ? '; LKj final satker ini menunggu tanda tangan Ketua' : '';
      return { ...base, summary: `Membuat satker ${d.code} (${d.name})${signs}.` };
    }
    case 'SatkerUpdated': {
      const { changes } = e.data;
      const day = changes.reportDeadlineDay;
      const from = day === undefined ? null : deadlineDayFrom(event, state, day, changes.timeZone ?? null);
      const applies = from === null ? '' : `; tanggal batas waktu ${day} berlaku mulai laporan bulan ${indonesianMonthYear(from.year, from.month)}`;
      const signs = changes.ketuaSignsLkj === undefined ? ''
        : changes.ketuaSignsLkj ? '; LKj final yang dibuat sejak ini menunggu tanda tangan Ketua' : '; LKj final yang dibuat sejak ini tidak lagi memerlukan tanda tangan Ketua';
      return { ...base, summary: `Mengubah data satker ${e.data.code}${applies}${signs}.`, changes: changesOf(event, state, 'satker', { ...changes }) };
    }
    case 'SatkerMoved':
      return {
        ...base,
        summary: `Memindahkan satker ${e.data.code} dari bawah ${e.data.fromParentCode} ke bawah ${e.data.toParentCode}.`,
        changes: [change('parentCode', e.data.fromParentCode, e.data.toParentCode)],
      };
    case 'SatkerDeactivated':
      return { ...base, summary: `Menonaktifkan satker ${e.data.code}.` };
    case 'SatkerReactivated':
      return { ...base, summary: `Mengaktifkan kembali satker ${e.data.code}.` };
    case 'SatkerProfileChanged':
      return { ...base, ...describeSatkerProfileChange(event, state, e.data) };
    case 'SubbagianCreated':
      created(event, state, `subbagian:${e.data.code}`, { name: e.data.name });
      return { ...base, subbagian: e.data.code, summary: `Membuat subbagian ${e.data.code} (${e.data.name}).` };
    case 'SubbagianUpdated':
      return {
        ...base, subbagian: e.data.code, summary: `Mengubah subbagian ${e.data.code}.`,
        changes: changesOf(event, state, `subbagian:${e.data.code}`, { ...e.data.changes }),
      };
    case 'SubbagianDeactivated':
      return { ...base, subbagian: e.data.code, summary: `Menonaktifkan subbagian ${e.data.code}.` };
    case 'SubbagianReactivated':
      return { ...base, subbagian: e.data.code, summary: `Mengaktifkan kembali subbagian ${e.data.code}.` };
    case 'UserCreated': {
      const d = e.data;
      state.setActor(d.userId, { fullName: d.fullName, username: d.username });
      created(event, state, `user:${d.userId}`, { fullName: d.fullName, email: d.email, role: d.role, subbagian: d.subbagian });
      const unit = d.subbagian ? ` ${d.subbagian}` : ''; // "Kepala Subbagian HSDM"
      const email = d.email ? `, e-mail ${d.email}` : ', tanpa e-mail';
      // What the account starts with, as a PK's added indicator lists its properties: who got which address.
      const fields = { username: d.username, fullName: d.fullName, email: d.email, role: d.role, subbagian: d.subbagian };
      return {
        ...base, subbagian: d.subbagian,
        summary: `Membuat pengguna ${d.fullName} (${d.username}) sebagai ${ROLE_LABELS[d.role as Role] ?? d.role}${unit}${email}.`,
        changes: Object.entries(fields).filter(([, value]) => value !== null).map(([field, value]) => change(field, null, value)),
      };
    }
    case 'UserUpdated': {
      const known = state.actor(e.data.userId);
      const who = userName(state, e.data.userId);
      if (known && e.data.changes.fullName) state.setActor(e.data.userId, { ...known, fullName: e.data.changes.fullName });
      return { ...base, summary: `Mengubah data pengguna ${who}.`, changes: changesOf(event, state, `user:${e.data.userId}`, { ...e.data.changes }) };
    }
    case 'UserDeactivated':
      return { ...base, summary: `Menonaktifkan pengguna ${userName(state, e.data.userId)}.` };
    case 'UserReactivated':
      return { ...base, summary: `Mengaktifkan kembali pengguna ${userName(state, e.data.userId)}.` };
    case 'UserPasswordChanged':
      return { ...base, summary: `Kata sandi pengguna ${userName(state, e.data.userId)} diganti (${e.data.by === 'self' ? 'oleh pengguna sendiri' : 'oleh administrator'}).` };
    case 'UserLockedOut':
      return { ...base, summary: `Akun ${userName(state, e.data.userId)} dikunci setelah ${e.data.failedAttempts} kali gagal masuk.` };
    case 'UserUnlocked':
      return {
        ...base,
        summary: `Membuka kunci akun ${userName(state, e.data.userId)} dan menghapus ${e.data.failedAttempts} catatan gagal masuk, tanpa mengganti kata sandi.`,
      };
    case 'HariLiburChanged':
      // On the root office's stream: the calendar is the whole installation's, its year the row's.
      return { ...base, year: e.data.year, ...describeHariLiburChange(e.data) };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}
