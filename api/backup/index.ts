// The face of backup/: what other modules may import. Everything else in the folder is private to it.
export * from './backup';
