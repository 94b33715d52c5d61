import type { Aggregation, LowerIsBetterFormula, PkIndicator, PkStructure, Polarity } from '@kinerja/domain/perjanjian-kinerja/pk-structure.types';
import { targetText } from '@kinerja/domain/capaian/target-to-date';
import type { AuditChange } from './audit-trail.types';

interface Property<T> {
  /** The field of the change, in the Inspektorat's words. */
  field: string;
  /** How the summary counts a change of it ("PIC subbagian 1 indikator"); the field when not given. */
  words?: string;
  text: (item: T) => string | null;
}

/** One kind of thing in a PK (indicator, kegiatan, program): its properties, the first naming it. */
interface Kind<T> {
  unit: string;
  properties: ReadonlyArray<Property<T>>;
  row: (code: string, item: T, field: string, before: string | null, after: string | null) => AuditChange;
}

interface PlacedIndicator {
  indicator: PkIndicator;
  kegiatan: string;
}

interface PlacedKegiatan {
  name: string;
  pagu: string | null;
  program: string;
}

/** The PK's choices in the Inspektorat's words, as `wajib bukti dukung` says ya/tidak. */
const POLARITY_WORDS: Readonly<Record<Polarity, string>> = {
  HIGHER_IS_BETTER: 'makin tinggi makin baik',
  LOWER_IS_BETTER: 'makin rendah makin baik',
};
const FORMULA_WORDS: Readonly<Record<LowerIsBetterFormula, string>> = {
  INVERSE_DIFFERENCE: '(2T − R) / T × 100',
  INVERSE_RATIO: 'T / R × 100',
};
const AGGREGATION_WORDS: Readonly<Record<Aggregation, string>> = {
  SUM: 'jumlah', LAST: 'nilai terakhir', AVERAGE: 'rata-rata', MAX: 'nilai tertinggi',
};

/** In words, or as stored when a later version of the PK brings a value these words do not know yet. */
function worded<T extends string>(words: Readonly<Record<T, string>>, value: T): string {
  return words[value] ?? value;
}

/**
 * The lower-is-better formula only where it applies: an indicator where higher is better has one
 * stored (the default) that its capaian never uses (R / T), so it has none in the trail; turning
 * the polarity shows the formula coming or going.
 */
function formulaOf(indicator: PkIndicator): string | null {
  return indicator.polarity === 'LOWER_IS_BETTER' ? worded(FORMULA_WORDS, indicator.lowerIsBetterFormula) : null;
}

const INDICATOR: Kind<PlacedIndicator> = {
  unit: 'indikator',
  properties: [
    { field: 'indikator', words: 'nama', text: (p) => p.indicator.name },
    { field: 'satuan', text: (p) => p.indicator.unit },
    { field: 'target', text: (p) => targetText(p.indicator.target) },
    { field: 'polaritas', text: (p) => worded(POLARITY_WORDS, p.indicator.polarity) },
    { field: 'rumus capaian', text: (p) => formulaOf(p.indicator) },
    { field: 'agregasi', text: (p) => worded(AGGREGATION_WORDS, p.indicator.aggregation) },
    { field: 'rencana aksi', text: (p) => p.indicator.monthlyPlan?.join(', ') ?? null },
    { field: 'wajib bukti dukung', text: (p) => (p.indicator.evidenceRequired ? 'ya' : 'tidak') },
    { field: 'PIC subbagian', text: (p) => p.indicator.picSubbagian },
    { field: 'sasaran', text: (p) => p.indicator.sasaran ?? null },
    { field: 'kegiatan', text: (p) => p.kegiatan },
  ],
  row: (code, p, field, before, after) => ({ indicatorCode: code, indicatorName: p.indicator.name, field, before, after }),
};

/** Fields `<property>:<kegiatan code>`, like the realisasi's `anggaran:<kegiatan code>`. */
const KEGIATAN: Kind<PlacedKegiatan> = {
  unit: 'kegiatan',
  properties: [
    { field: 'kegiatan', words: 'nama', text: (k) => k.name },
    { field: 'pagu', text: (k) => k.pagu },
    { field: 'program kegiatan', words: 'program', text: (k) => k.program },
  ],
  row: (code, _k, field, before, after) => ({ indicatorCode: null, indicatorName: null, field: `${field}:${code}`, before, after }),
};

const PROGRAM: Kind<string> = {
  unit: 'program',
  properties: [{ field: 'program', words: 'nama', text: (name) => name }],
  row: (code, _name, field, before, after) => ({ indicatorCode: null, indicatorName: null, field: `${field}:${code}`, before, after }),
};

/** What a structure changed from the one before it: rows, and what the summary counts. */
export interface StructureChanges {
  changes: AuditChange[];
  /** Things added or removed, and properties changed (one per thing). */
  total: number;
  /** In the order first met: "1 indikator ditambah", "PIC subbagian 1 indikator" … */
  counted: string[];
}

/** Counts by kind of change, each told in its own words. */
class Tally {
  private readonly counts = new Map<string, { count: number; words: (count: number) => string }>();

  add(key: string, words: (count: number) => string): void {
    const found = this.counts.get(key);
    if (found) found.count += 1;
    else this.counts.set(key, { count: 1, words });
  }

  get total(): number {
    return [...this.counts.values()].reduce((sum, c) => sum + c.count, 0);
  }

  counted(): string[] {
    return [...this.counts.values()].map((c) => c.words(c.count));
  }
}

/**
 * Rows for each property that differs between two versions of the same things (by code). A thing
 * added or removed has its naming row with one side empty, and a row for each other property it has.
 */
function compare<T>(kind: Kind<T>, before: Map<string, T>, after: Map<string, T>, tally: Tally): AuditChange[] {
  const changes: AuditChange[] = [];
  const whole = (code: string, item: T, added: boolean) => {
    for (const p of kind.properties) {
      const text = p.text(item);
      if (text !== null) changes.push(kind.row(code, item, p.field, added ? null : text, added ? text : null));
    }
    const what = `${kind.unit} ${added ? 'ditambah' : 'dihapus'}`;
    tally.add(what, (n) => `${n} ${what}`);
  };
  for (const [code, next] of after) {
    const old = before.get(code);
    if (old === undefined) {
      whole(code, next, true);
      continue;
    }
    for (const p of kind.properties) {
      const from = p.text(old);
      const to = p.text(next);
      if (from === to) continue;
      changes.push(kind.row(code, next, p.field, from, to));
      const words = p.words ?? p.field;
      tally.add(`${words} ${kind.unit}`, (n) => `${words} ${n} ${kind.unit}`);
    }
  }
  for (const [code, old] of before) if (!after.has(code)) whole(code, old, false);
  return changes;
}

function indicatorsOf(structure: PkStructure | null): Map<string, PlacedIndicator> {
  const map = new Map<string, PlacedIndicator>();
  for (const program of structure?.programs ?? []) {
    for (const kegiatan of program.kegiatan) {
      for (const indicator of kegiatan.indicators) map.set(indicator.code, { indicator, kegiatan: kegiatan.code });
    }
  }
  return map;
}

function kegiatanOf(structure: PkStructure | null): Map<string, PlacedKegiatan> {
  const map = new Map<string, PlacedKegiatan>();
  for (const program of structure?.programs ?? []) {
    for (const k of program.kegiatan) map.set(k.code, { name: k.name, pagu: k.pagu, program: program.code });
  }
  return map;
}

function programsOf(structure: PkStructure | null): Map<string, string> {
  return new Map((structure?.programs ?? []).map((p) => [p.code, p.name]));
}

/**
 * Everything `after` changed against `before` (null: no structure yet, so everything is added):
 * each property of each indicator, each kegiatan's name, pagu and program, each program's name.
 * Indicators first (at most one `target` row each, the figure), then kegiatan, then programs.
 */
export function structureChanges(before: PkStructure | null, after: PkStructure): StructureChanges {
  const tally = new Tally();
  const changes = [
    ...compare(INDICATOR, indicatorsOf(before), indicatorsOf(after), tally),
    ...compare(KEGIATAN, kegiatanOf(before), kegiatanOf(after), tally),
    ...compare(PROGRAM, programsOf(before), programsOf(after), tally),
  ];
  return { changes, total: tally.total, counted: tally.counted() };
}

/** "3 perubahan (1 indikator ditambah, target 2 indikator)", or "tidak ada yang berubah". */
export function countedChanges(s: StructureChanges): string {
  return s.total === 0 ? 'tidak ada yang berubah' : `${s.total} perubahan (${s.counted.join(', ')})`;
}
