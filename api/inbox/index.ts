// The face of inbox/: what other modules may import. Everything else in the folder is private to it.
export * from './inbox-item-kind';
export * from './inbox-item.entity';
export * from './inbox.docs';
export * from './inbox.resolver';
export { ITEM_TAKEN, type TakenItem } from './item-taken';
export { handOver } from './hand-over';
