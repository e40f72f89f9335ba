// The face of postal/: what other modules may import. Everything else in the folder is private to it.
export * from './postal-directory';
export * from './postal.docs';
export * from './postal.resolver';
