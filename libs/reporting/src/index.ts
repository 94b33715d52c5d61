// Public API of the Laporan Kinerja: data in (read models), model, then DOCX and PDF.
export * from './model/lkj-input.types';
export * from './model/lkj-model.types';
export { buildLkjModel, lkjModelDigest } from './model/build-lkj-model';
export { lkjReadsScalesAlike, ratingScaleTable } from './model/rating-scale-table';
export { collectIndicatorNotes } from './model/collect-indicator-notes';
export { officeIdentity, officeLevelOf, type OfficeHierarchy, type OfficeIdentity, type OfficeLevel } from './model/office-identity';
export { generateConclusions, type ConclusionFacts } from './conclusions/generate-conclusions';
export { generateSuggestions, type SuggestionFacts } from './conclusions/generate-suggestions';
export { renderLkjDocx, type RenderLkjDocxOptions } from './docx/render-lkj-docx';
export { renderLkjPdf } from './pdf/render-lkj-pdf';
export * from './format/format-id';
export {
  jember2024LkjInput,
  jember2024ApprovedReports,
  JEMBER_2024_PK_IN_FORCE,
  JEMBER_OFFICE,
} from './fixtures/jember-2024.sample';
