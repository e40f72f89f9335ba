// The face of core/: what other modules may import. Everything else in the folder is private to it.
export * from './connection';
export * from './csv';
export * from './dates';
export * from './departments';
export * from './docs';
export * from './errors';
export * from './i18n';
export * from './local-date.scalar';
export * from './normalize';
export * from './open-days';
export * from './paths';
export * from './programme-ids';
export * from './roles';
export * from './sections';
export * from './selection';
export * from './validation';
export * from './viewer';
