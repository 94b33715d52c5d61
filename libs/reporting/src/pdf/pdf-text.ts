/**
 * The PDF uses the 14 standard fonts (WinAnsi encoding): characters outside it are spelled out so
 * nothing is lost or printed as garbage.
 */
const REPLACEMENTS: [RegExp, string][] = [
  [/≤\s*/g, 'maks. '],
  [/≥\s*/g, 'min. '],
  [/\u00a0/g, ' '],
  [/[\u2018\u2019]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
];

export function pdfSafe(text: string): string {
  return REPLACEMENTS.reduce((t, [re, to]) => t.replace(re, to), text);
}
