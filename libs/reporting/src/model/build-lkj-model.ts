import { createHash } from 'node:crypto';
import { ratingOf, targetText } from '@kinerja/domain';
import { canonicalize } from 'json-canonicalize';
import { generateConclusions } from '../conclusions/generate-conclusions';
import { generateSuggestions } from '../conclusions/generate-suggestions';
import { buildBudget } from './build-budget';
import { buildMeasurement } from './build-measurement';
import { LkjInput, OfficeProfileInput } from './lkj-input.types';
import { officeLevelOf } from './office-identity';
import { ratingScaleTable } from './rating-scale-table';
import { LKJ_MODEL_SCHEMA, LkjBudget, LkjKegiatanAnalysis, LkjMeasurement, LkjModel, LkjOffice, LkjStaffTable } from './lkj-model.types';

/**
 * The whole Laporan Kinerja as data, from the read models' data. Pure and deterministic: the same
 * input gives the same model, byte for byte once canonicalised (its digest is in the annex).
 */
export function buildLkjModel(input: LkjInput): LkjModel {
  const { measurement, analyses } = buildMeasurement(input);
  const targetCategories = targetCategoriesOf(input);
  const budget = buildBudget(input.kinerja, !input.noMonthApproved);
  let kegiatanNo = 0;
  const model: LkjModel = {
    schema: LKJ_MODEL_SCHEMA,
    year: input.year,
    version: input.version,
    draft: input.draft,
    office: buildOffice(input.office),
    signing: {
      place: input.signing.place,
      date: input.signing.date,
      signerRole: 'KETUA',
      signerName: input.office.ketua,
    },
    pk: {
      signedOn: input.pkSignedOn,
      version: input.pk.version,
      programs: input.pk.structure.programs.map((p) => ({
        code: p.code,
        name: p.name,
        kegiatan: p.kegiatan.map((k) => ({
          no: ++kegiatanNo,
          code: k.code,
          name: k.name,
          indikator: k.indicators.map((i) => ({
            code: i.code,
            name: i.name,
            sasaranRkt: i.sasaran ?? '',
            targetText: targetText(i.target),
            unit: i.unit,
            polarity: i.polarity,
          })),
        })),
      })),
    },
    ratingScale: ratingScaleTable(input.ratingScale),
    measurement,
    analyses,
    budget,
    conclusions: generateConclusions({
      officeName: input.office.name,
      year: input.year,
      measurement,
      analyses,
      budget,
      targetCategories,
      draft: input.draft,
    }),
    ...suggestionsOf(input, measurement, analyses, budget, targetCategories),
    approvals: [...input.approvals]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((a, i) => ({ no: i + 1, at: a.at, actorName: a.actorName, role: a.role, action: a.action })),
    integrity: {
      producedAt: input.producedAt,
      chainHead: input.audit.chainHead,
      digest: input.audit.digest,
      nextDigestAt: input.audit.nextDigestAt,
      modelDigest: '',
    },
  };
  model.integrity.modelDigest = lkjModelDigest(model);
  return model;
}

/** The Sekretaris' saran when given; otherwise the saran the year's figures and kendala call for. */
function suggestionsOf(
  input: LkjInput, measurement: LkjMeasurement, analyses: LkjKegiatanAnalysis[], budget: LkjBudget, targetCategories: string[],
): Pick<LkjModel, 'suggestions' | 'suggestionsFrom'> {
  const given = input.suggestions.map((s) => s.trim()).filter((s) => s.length > 0);
  if (given.length > 0) return { suggestions: given, suggestionsFrom: 'SEKRETARIS' };
  return { suggestions: generateSuggestions({ year: input.year, measurement, analyses, budget, targetCategories, draft: input.draft }), suggestionsFrom: 'DATA' };
}

/** The rating scale's categories that say the target was reached: the row holding 100% and those above it. */
function targetCategoriesOf(input: LkjInput): string[] {
  const rows = input.ratingScale.rows;
  return rows.slice(0, rows.indexOf(ratingOf('100.00', input.ratingScale)) + 1).map((r) => r.category);
}

/** SHA-256 (hex) of the model's canonical JSON with `integrity.modelDigest` left empty. */
export function lkjModelDigest(model: LkjModel): string {
  const blank = { ...model, integrity: { ...model.integrity, modelDigest: '' } };
  return createHash('sha256').update(canonicalize(blank)).digest('hex');
}

function buildOffice(office: OfficeProfileInput): LkjOffice {
  return {
    code: office.code,
    name: office.name,
    // Absent for a KPU office (kind) and where no title is given, so that their model, and its digest, is as before.
    ...(office.kind === 'LAINNYA' ? { kind: office.kind } : {}),
    ...(office.headTitle ? { headTitle: office.headTitle } : {}),
    level: office.level ?? officeLevelOf(office.name),
    shortName: office.shortName,
    institutionName: office.institutionName,
    region: office.region,
    address: office.address,
    timeZone: office.timeZone,
    ketua: office.ketua,
    sekretaris: office.sekretaris,
    tasks: office.tasks,
    functions: office.functions,
    subbagian: office.subbagian.map((s) => ({ code: s.code, name: s.name, duties: s.duties })),
    staff: buildStaffTable(office),
  };
}

function buildStaffTable(office: OfficeProfileInput): LkjStaffTable {
  const levels = office.staff.educationLevels;
  const rows = office.staff.rows.map((r, i) => {
    const counts = levels.map((l) => r.counts[l] ?? 0);
    return { no: i + 1, status: r.status, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
  const totals = levels.map((_, c) => rows.reduce((sum, r) => sum + r.counts[c], 0));
  return { educationLevels: levels, rows, totals, grandTotal: totals.reduce((a, b) => a + b, 0) };
}
