/** The module's entities, for api/db/entities.ts (one import line there). */
export { ErasureRequest, type RetainedItem } from './erasure-request.entity';
