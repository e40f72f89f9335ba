// The face of audit/: what other modules may import. Everything else in the folder is private to it.
export * from './audit-anchor';
export * from './audit-appender';
export * from './audit-batch.entity';
export * from './audit-chain-head.entity';
export * from './audit-collector';
export * from './audit-entry.entity';
export * from './audit-seal';
export * from './audit-verifier';
export * from './audit.docs';
export * from './audit.plugin';
export * from './audit.resolver';
export * from './audit-search';
export * from './operation-labels';
