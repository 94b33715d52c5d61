import type { ApprovedRealisasi } from '@kinerja/domain';
import { IndicatorNotesInput } from './lkj-input.types';

/**
 * The narratives, kendala and solusi the Kasubbag wrote for each indicator over the year, from the
 * approved monthly reports: oldest month first, blanks dropped, a text repeated month after month
 * kept once. Last year's capaian is not known here: null, for the caller to fill in.
 */
export function collectIndicatorNotes(reports: readonly ApprovedRealisasi[]): IndicatorNotesInput[] {
  const byIndicator = new Map<string, { narratives: string[]; kendala: string[]; solusi: string[]; seen: Set<string> }>();
  const ordered = [...reports].sort((a, b) => a.month - b.month || a.subbagian.localeCompare(b.subbagian));
  for (const report of ordered) {
    for (const line of report.lines) {
      let notes = byIndicator.get(line.indicatorCode);
      if (!notes) {
        notes = { narratives: [], kendala: [], solusi: [], seen: new Set() };
        byIndicator.set(line.indicatorCode, notes);
      }
      const add = (list: string[], kind: string, text: string) => {
        const t = text.trim();
        if (t === '' || notes.seen.has(`${kind}:${t}`)) return;
        notes.seen.add(`${kind}:${t}`);
        list.push(t);
      };
      add(notes.narratives, 'n', line.narrative);
      add(notes.kendala, 'k', line.kendala);
      add(notes.solusi, 's', line.solusi);
    }
  }
  return [...byIndicator.entries()].map(([indicatorCode, n]) => ({
    indicatorCode,
    capaianPrevYear: null,
    narratives: n.narratives,
    kendala: n.kendala,
    solusi: n.solusi,
  }));
}
