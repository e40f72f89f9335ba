// The face of municipality/: what other modules may import. Everything else in the folder is private to it.
export * from './allowed-origin-change.entity';
export * from './allowed-origins.resolver';
export * from './department.entity';
export * from './municipality.docs';
export * from './municipality.entity';
export * from './municipality-row';
export * from './web-origin';
export { MAX_ALLOWED_ORIGINS } from './allowed-origins.service';
export * from './privacy-notice-version.entity';
