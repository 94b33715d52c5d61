import type { RecordedEvent } from '@kinerja/event-store';
import type { IdentityEvent } from '@kinerja/identity/events/identity.events';
import type { AuditTrailState } from './audit-trail.state';
import type { AuditChange } from './audit-trail.types';
import type { Description } from './describe.types';

const IDENTITY_TYPES = new Set<string>([
  'SatkerCreated', 'SatkerUpdated', 'SatkerMoved', 'SatkerDeactivated', 'SatkerReactivated', 'SubbagianCreated', 'SubbagianUpdated',
  'SubbagianDeactivated', 'SubbagianReactivated', 'UserCreated', 'UserUpdated', 'UserDeactivated', 'UserReactivated',
  'UserPasswordChanged', 'UserLockedOut',
]);

function changesOf(changes: Record<string, unknown>): AuditChange[] {
  return Object.entries(changes).map(([field, after]) => ({
    indicatorCode: null, indicatorName: null, field, before: null, after: after === null || after === undefined ? null : String(after),
  }));
}

function userName(state: AuditTrailState, userId: string): string {
  const actor = state.actor(userId);
  return actor ? `${actor.fullName} (${actor.username})` : userId;
}

/** Identity events also keep the names the trail shows for each actor. */
export function describeIdentity(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (!IDENTITY_TYPES.has(event.type)) return null;
  const e = event as unknown as IdentityEvent;
  const base = { subjectKind: 'IDENTITAS' as const };
  switch (e.type) {
    case 'SatkerCreated':
      return { ...base, summary: `Membuat satker ${e.data.code} (${e.data.name}).` };
    case 'SatkerUpdated':
      return { ...base, summary: `Mengubah data satker ${e.data.code}.`, changes: changesOf({ ...e.data.changes }) };
    case 'SatkerMoved':
      return {
        ...base,
        summary: `Memindahkan satker ${e.data.code} dari bawah ${e.data.fromParentCode} ke bawah ${e.data.toParentCode}.`,
        changes: [{ indicatorCode: null, indicatorName: null, field: 'parentCode', before: e.data.fromParentCode, after: e.data.toParentCode }],
      };
    case 'SatkerDeactivated':
      return { ...base, summary: `Menonaktifkan satker ${e.data.code}.` };
    case 'SatkerReactivated':
      return { ...base, summary: `Mengaktifkan kembali satker ${e.data.code}.` };
    case 'SubbagianCreated':
      return { ...base, subbagian: e.data.code, summary: `Membuat subbagian ${e.data.code} (${e.data.name}).` };
    case 'SubbagianUpdated':
      return { ...base, subbagian: e.data.code, summary: `Mengubah subbagian ${e.data.code}.`, changes: changesOf({ ...e.data.changes }) };
    case 'SubbagianDeactivated':
      return { ...base, subbagian: e.data.code, summary: `Menonaktifkan subbagian ${e.data.code}.` };
    case 'SubbagianReactivated':
      return { ...base, subbagian: e.data.code, summary: `Mengaktifkan kembali subbagian ${e.data.code}.` };
    case 'UserCreated': {
      const d = e.data;
      state.setActor(d.userId, { fullName: d.fullName, username: d.username });
      const unit = d.subbagian ? ` subbagian ${d.subbagian}` : '';
      return { ...base, subbagian: d.subbagian, summary: `Membuat pengguna ${d.fullName} (${d.username}) sebagai ${d.role}${unit}.` };
    }
    case 'UserUpdated': {
      const known = state.actor(e.data.userId);
      const who = userName(state, e.data.userId);
      if (known && e.data.changes.fullName) state.setActor(e.data.userId, { ...known, fullName: e.data.changes.fullName });
      return { ...base, summary: `Mengubah data pengguna ${who}.`, changes: changesOf({ ...e.data.changes }) };
    }
    case 'UserDeactivated':
      return { ...base, summary: `Menonaktifkan pengguna ${userName(state, e.data.userId)}.` };
    case 'UserReactivated':
      return { ...base, summary: `Mengaktifkan kembali pengguna ${userName(state, e.data.userId)}.` };
    case 'UserPasswordChanged':
      return { ...base, summary: `Kata sandi pengguna ${userName(state, e.data.userId)} diganti (${e.data.by === 'self' ? 'oleh pengguna sendiri' : 'oleh administrator'}).` };
    case 'UserLockedOut':
      return { ...base, summary: `Akun ${userName(state, e.data.userId)} dikunci setelah ${e.data.failedAttempts} kali gagal masuk.` };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}
