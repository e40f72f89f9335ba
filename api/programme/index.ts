// The face of programme/: what other modules may import. Everything else in the folder is private to it.
export * from './catalogue';
export * from './programme.docs';
export * from './programme.resolver';
export * from './programme.service';
export * from './record-eligibility';
export * from './rules/dates';
export * from './rules';
export { rescreen, type RescreenResult } from './rescreen';
// The catalogue's YAML reading and checks, shared with application/'s procedure files.
export { displayPath, isPlainObject, IssueList, OVERRIDES_DIR, readYamlFile, validateHttpsUrl, validateLocalizedText } from './catalogue/catalogue.loader';
export { ProgrammeSettings } from './settings/programme-settings.entity';
export { ProgrammeSettingsSync } from './settings/programme-settings.sync';
