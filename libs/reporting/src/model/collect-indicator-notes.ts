import type { ApprovedRealisasi } from '@kinerja/domain';
import { IndicatorNotesInput } from './lkj-input.types';

/**
 * The narratives, kendala and solusi the Kasubbag wrote for each indicator over the year, from the
 * approved monthly reports: oldest month first, blanks dropped, a text repeated month after month
 * kept once, and a kendala or solusi that only says there was none ("Tidak ada kendala berarti.",
 * "Nihil", "-") left out: it is not a kendala to list beside the real ones, but remembered
 * (`kendalaNoneSaid`), so that no kendala reads "none", not "not recorded". Last year's capaian is
 * not known here: null, for the caller to fill in.
 */
export function collectIndicatorNotes(reports: readonly ApprovedRealisasi[]): IndicatorNotesInput[] {
  const byIndicator = new Map<string, { narratives: string[]; kendala: string[]; kendalaNoneSaid: boolean; solusi: string[]; seen: Set<string> }>();
  const ordered = [...reports].sort((a, b) => a.month - b.month || a.subbagian.localeCompare(b.subbagian));
  for (const report of ordered) {
    for (const line of report.lines) {
      let notes = byIndicator.get(line.indicatorCode);
      if (!notes) {
        notes = { narratives: [], kendala: [], kendalaNoneSaid: false, solusi: [], seen: new Set() };
        byIndicator.set(line.indicatorCode, notes);
      }
      const add = (list: string[], kind: string, text: string, noneSaid = false) => {
        const t = text.trim();
        if (t === '' || noneSaid || notes.seen.has(`${kind}:${t}`)) return;
        notes.seen.add(`${kind}:${t}`);
        list.push(t);
      };
      add(notes.narratives, 'n', line.narrative);
      add(notes.kendala, 'k', line.kendala, saysNone(line.kendala));
      if (saysNone(line.kendala)) notes.kendalaNoneSaid = true;
      add(notes.solusi, 's', line.solusi, saysNone(line.solusi));
    }
  }
  return [...byIndicator.entries()].map(([indicatorCode, n]) => ({
    indicatorCode,
    capaianPrevYear: null,
    narratives: n.narratives,
    kendala: n.kendala,
    kendalaNoneSaid: n.kendalaNoneSaid,
    solusi: n.solusi,
  }));
}

/**
 * How a Kasubbag writes "nothing to report" in the kendala or solusi field: a dash, "nihil", "tidak
 * ada", "tidak ada kendala (yang) berarti", "belum ada hambatan", "tidak diperlukan solusi khusus"…
 * Case, spacing and closing punctuation do not matter; anything more specific is a real note.
 */
const NONE_SAID =
  /^(?:[-–—.]+|nihil|n\/?a|(?:tidak|belum) ada|(?:tidak|belum) ada (?:kendala|hambatan|masalah|permasalahan|solusi|tindak lanjut)(?: (?:yang )?(?:berarti|signifikan|berat|khusus))?|(?:tidak|belum) (?:ada|diperlukan) (?:solusi|tindak lanjut)(?: (?:yang )?khusus)?)$/;

export function saysNone(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!;]+$/, '').trim();
  return NONE_SAID.test(t);
}
