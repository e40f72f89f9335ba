// Public entry point of the programme catalogue. Other modules import from here (the ids are core/programme-ids.ts
// when they only need the id list).
export { loadCatalogue, formatYen, CONSOLE_CHANGES_FILE, type Catalogue, type GetOptions } from './catalogue';
export { applyOverrides, type MunicipalityOverrides, type ProgrammeOverride } from './catalogue.overrides';
export { furiganaToHtml, parseFurigana, stripFurigana, type FuriganaSegment } from './furigana';
export * from '../../core';
export * from './programme.types';
