export * from './model/lkj-input.types';
export * from './model/lkj-model.types';
export { buildLkjModel, lkjModelDigest } from './model/build-lkj-model';
export { generateConclusions, type ConclusionFacts } from './conclusions/generate-conclusions';
export { renderLkjDocx } from './docx/render-lkj-docx';
export { jember2024LkjInput } from './fixtures/jember-2024.sample';
export * from './format/format-id';
export { renderLkjPdf } from './pdf/render-lkj-pdf';
