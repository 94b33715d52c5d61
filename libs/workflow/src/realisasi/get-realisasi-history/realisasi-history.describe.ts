import { type RealisasiContent, type RealisasiEvent, type RealisasiLine, TEXT_FIELD_LABEL, textAsRead } from '@kinerja/domain';

export interface ValueChangeInWords {
  indicatorCode: string;
  /** null: not reported (blank), never 0. */
  before: string | null;
  after: string | null;
}

export interface BudgetChangeInWords {
  kegiatanCode: string;
  before: string | null;
  after: string | null;
}

/** One event of a report as people read it in the audit trail. */
export interface RealisasiHistoryEntry {
  /** 1-based position in the report's stream. */
  version: number;
  type: RealisasiEvent['type'];
  /** When the command was issued (the application clock). */
  at: string;
  /** When the database recorded the event. */
  recordedAt: string;
  by: { id: string; username: string | null; fullName: string | null; role: string };
  revision: number;
  /** What happened, in Bahasa Indonesia. */
  description: string;
  reason: string | null;
  valueChanges: ValueChangeInWords[];
  budgetChanges: BudgetChangeInWords[];
  /** Only on draft saves whose text (narrative, kendala, solusi) or evidence changed. */
  otherChanges: string[];
}

const EMPTY: RealisasiContent = { lines: [], budget: [] };

/**
 * Each value against the save before, a line removed going to null ("kosong"); a line new in this
 * save counts from blank, so one saved blank changed nothing ("kosong → kosong" is not a change).
 */
function valueChanges(before: RealisasiContent, after: RealisasiContent): ValueChangeInWords[] {
  const old = new Map(before.lines.map((l) => [l.indicatorCode, l.value]));
  const now = new Map(after.lines.map((l) => [l.indicatorCode, l.value]));
  const changed = after.lines
    .filter((l) => (old.get(l.indicatorCode) ?? null) !== l.value)
    .map((l) => ({ indicatorCode: l.indicatorCode, before: old.get(l.indicatorCode) ?? null, after: l.value }));
  const removed = before.lines
    .filter((l) => !now.has(l.indicatorCode) && l.value !== null)
    .map((l) => ({ indicatorCode: l.indicatorCode, before: l.value, after: null }));
  return [...changed, ...removed];
}

/** Each budget line against the save before, a line removed going to null ("kosong"). */
function budgetChanges(before: RealisasiContent, after: RealisasiContent): BudgetChangeInWords[] {
  const old = new Map(before.budget.map((b) => [b.kegiatanCode, b.spent]));
  const now = new Map(after.budget.map((b) => [b.kegiatanCode, b.spent]));
  const changed = after.budget
    .filter((b) => old.get(b.kegiatanCode) !== b.spent)
    .map((b) => ({ kegiatanCode: b.kegiatanCode, before: old.get(b.kegiatanCode) ?? null, after: b.spent }));
  const removed = before.budget
    .filter((b) => !now.has(b.kegiatanCode))
    .map((b) => ({ kegiatanCode: b.kegiatanCode, before: b.spent, after: null }));
  return [...changed, ...removed];
}

/**
 * Texts and files of every line, a line removed counting as emptied. A text is compared as read
 * (`textAsRead`): white space nobody sees (a trailing space, a double line break) is no change.
 */
function otherChanges(before: RealisasiContent, after: RealisasiContent): string[] {
  const old = new Map(before.lines.map((l) => [l.indicatorCode, l]));
  const now = new Map(after.lines.map((l) => [l.indicatorCode, l]));
  const notes: string[] = [];
  for (const code of new Set([...now.keys(), ...old.keys()])) {
    const [prev, line] = [old.get(code), now.get(code)];
    for (const field of ['narrative', 'kendala', 'solusi'] as const) {
      if (textAsRead(prev?.[field] ?? '') !== textAsRead(line?.[field] ?? '')) notes.push(`${TEXT_FIELD_LABEL[field]} indikator ${code} diubah`);
    }
    const hashes = (l: RealisasiLine | undefined) => (l?.evidence ?? []).map((e) => e.sha256).sort().join(',');
    if (hashes(prev) !== hashes(line)) notes.push(`bukti dukung indikator ${code} diubah`);
  }
  return notes;
}

/** Tells one event in words; `content` is the report's content before it (updated by the caller). */
export function describeRealisasiEvent(event: RealisasiEvent, content: RealisasiContent | null): {
  description: string; reason: string | null; revision: number; valueChanges: ValueChangeInWords[];
  budgetChanges: BudgetChangeInWords[]; otherChanges: string[];
} {
  const none = { valueChanges: [], budgetChanges: [], otherChanges: [] };
  switch (event.type) {
    case 'RealisasiDraftSaved': {
      const after = { lines: event.data.lines, budget: event.data.budget };
      const before = content ?? EMPTY;
      const changes = {
        valueChanges: valueChanges(before, after), budgetChanges: budgetChanges(before, after),
        otherChanges: content === null ? [] : otherChanges(before, after),
      };
      // A save that changed nothing is recorded only for a request with an Idempotency-Key (or was, before
      // white space stopped counting): told as such, as the audit trail does, not as a change.
      const changed = changes.valueChanges.length + changes.budgetChanges.length + changes.otherChanges.length > 0;
      const description = content === null
        ? 'Laporan dibuat dan disimpan sebagai draf'
        : changed ? 'Draf laporan diubah' : 'Draf laporan disimpan ulang; tidak ada isi yang berubah';
      return { description, reason: null, revision: event.data.revision, ...changes };
    }
    case 'RealisasiSubmitted':
      return { description: event.data.resubmission ? 'Laporan diajukan kembali setelah diperbaiki' : 'Laporan diajukan untuk disetujui', reason: null, revision: event.data.revision, ...none };
    case 'RealisasiApproved':
      return { description: 'Laporan disetujui', reason: null, revision: event.data.revision, ...none };
    case 'RealisasiReturned':
      return { description: 'Laporan dikembalikan untuk diperbaiki', reason: event.data.reason, revision: event.data.revision, ...none };
    case 'RealisasiRevisionOpened':
      return { description: `Revisi ke-${event.data.revision} dibuka setelah disetujui`, reason: event.data.reason, revision: event.data.revision, ...none };
    case 'RealisasiRevisionWithdrawn': {
      // The content goes back to the approved one: what the withdrawn draft had changed is told undone.
      const after = { lines: event.data.lines, budget: event.data.budget };
      const before = content ?? EMPTY;
      return {
        description: `Revisi ke-${event.data.revision} dibatalkan; laporan kembali ke isi yang disetujui (revisi ${event.data.approvedRevision})`,
        reason: event.data.reason, revision: event.data.revision,
        valueChanges: valueChanges(before, after), budgetChanges: budgetChanges(before, after), otherChanges: otherChanges(before, after),
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
