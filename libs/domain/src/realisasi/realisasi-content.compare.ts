import { sameJson } from '../shared/same-json';
import type { RealisasiContent } from './realisasi.types';

/**
 * A text of a line (uraian, kendala, solusi) as a reader sees it: spaces at either end and runs of
 * white space (line breaks too) are not read. Stored texts stay as typed; only comparisons read them so.
 */
export function textAsRead(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lines by indicator and budget by kegiatan, texts as read: what a reader of the report sees. */
function asRead(content: RealisasiContent): RealisasiContent {
  return {
    lines: [...content.lines]
      .map((l) => ({ ...l, narrative: textAsRead(l.narrative), kendala: textAsRead(l.kendala), solusi: textAsRead(l.solusi) }))
      .sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode)),
    budget: [...content.budget].sort((a, b) => a.kegiatanCode.localeCompare(b.kegiatanCode)),
  };
}

/**
 * Whether two contents of a report say the same to its readers: the order a client lists lines and
 * budget in changes nothing, nor does white space nobody sees in the texts (a trailing space, a
 * double line break). Figures, files and everything else compare as they are.
 */
export function sameContentAsRead(a: RealisasiContent, b: RealisasiContent): boolean {
  return sameJson(asRead(a), asRead(b));
}
