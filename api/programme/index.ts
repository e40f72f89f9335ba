// The face of programme/: what other modules may import. Everything else in the folder is private to it.
export * from './catalogue';
export * from './programme.docs';
export * from './programme.resolver';
export * from './programme.service';
export * from './record-eligibility';
export * from './rules/dates';
export * from './rules';
