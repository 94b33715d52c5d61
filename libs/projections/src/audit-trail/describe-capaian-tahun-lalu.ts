import { formatPercentId } from '@kinerja/domain';
import type { RecordedEvent } from '@kinerja/event-store';
import type { CapaianTahunLaluImported } from '@kinerja/domain/lkj/capaian-tahun-lalu';
import type { AuditTrailState } from './audit-trail.state';
import type { AuditChange } from './audit-trail.types';
import { type Description, shown } from './describe.types';

/** The field of the figure: the LKj's column "Capaian <forYear − 1>" beside the year's own. */
export const CAPAIAN_TAHUN_LALU = 'capaian tahun lalu';

const SOURCE_WORDS: Record<CapaianTahunLaluImported['data']['source'], string> = { CSV: 'dari berkas CSV', API: 'melalui API' };

/** A capaian as the LKj's column prints it ("100,00%"); null (none imported before) stays null. */
function percent(value: string | null): string | null {
  return value === null ? null : formatPercentId(value);
}

/**
 * An import of last year's capaian, indicator by indicator, each with the value the previous
 * imports had left (kept in the stream's slot, indicator code → capaian, as a report's lines are):
 * an import replaces the figures of the indicators it names and keeps the others. The row writes
 * them as the LKj does ("100,00%"); the figure history keeps the values as stored.
 */
export function describeCapaianTahunLalu(event: RecordedEvent, state: AuditTrailState): Description | null {
  if (event.type !== 'CapaianTahunLaluImported') return null;
  const { data } = event as unknown as CapaianTahunLaluImported;
  const previous = state.reportLines(event.tenantId, event.streamId) ?? {};
  const lines = { ...previous };
  for (const entry of data.entries) lines[entry.indicatorCode] = entry.capaian;
  state.setReportLines(event.tenantId, event.streamId, lines);
  const indicators = state.indicatorsOf(event.tenantId, data.forYear);
  const figures = data.entries.map((entry) => ({
    indicatorCode: entry.indicatorCode, month: 0, field: CAPAIAN_TAHUN_LALU, before: previous[entry.indicatorCode] ?? null, after: entry.capaian,
  }));
  const changes: AuditChange[] = figures.map((f) => ({
    indicatorCode: f.indicatorCode, indicatorName: indicators.get(f.indicatorCode)?.name ?? null, field: f.field, before: percent(f.before), after: percent(f.after),
  }));
  const listed = changes.map((c) => `${c.indicatorCode} ${shown(c.before)} → ${shown(c.after)}`).join('; ');
  return {
    subjectKind: 'LKJ', year: data.forYear, month: null, changes, figures,
    summary: `Mengimpor capaian ${data.forYear - 1} (kolom "Capaian ${data.forYear - 1}" LKj ${data.forYear}) ${SOURCE_WORDS[data.source]} `
      + `untuk ${changes.length} indikator: ${listed}.`,
  };
}
