// The face of db/: what other modules may import. Everything else in the folder is private to it.
export * from './change-feed';
export * from './data-dir-lock';
export * from './raw-query';
