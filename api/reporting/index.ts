/**
 * Reporting (issue 19): usage figures kept as daily counts, 別紙1/別紙2 generated from configuration
 * and figures, staff input per period. Other modules contribute figures through FigureSource.
 */
export type { DayCount, FigureDefinition, FigureSource, AverageDefinition, InstantRange } from './figure-registry';
export { FigureRegistry, japanDay } from './figure-registry';
export { FigureStore } from './figure-store';
export { startFigureSealer } from './figure-sealer';
export { STARTS_PER_MINUTE } from './intake-start';
export { ALL_SOURCES, FIGURE_REGISTRY, FIGURE_STORE } from './figures';
export { APPLICATION_FIGURES, LINE_FIGURES, MODULE_SOURCES, OUTREACH_FIGURES } from './module-figures';
export { MANUAL_FIGURES, MANUAL_SOURCE } from './manual-figures';
export { BUILT_IN_SOURCES } from './figure-sources';
export { figureLines, previousPeriod, previousTotals } from './figure-totals';
export { ReportingResolver } from './reporting.resolver';
export { REPORTING_DOCS } from './reporting.docs';
export { reportDownloads } from './report-route';
export { renderDocx, FORM_HEADINGS, wareki } from './report-docx';
export { gatherFacts, sharingTable, type ReportFacts } from './report-facts';
export { figuresCsv } from './figures-csv';
