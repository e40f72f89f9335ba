import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128040000_AuditLog } from './Migration20261128040000_AuditLog';
import { Migration20261128031031_Initial } from './Migration20261128031031_Initial';

/** Migrations in the order they apply; explicit so the list works from TypeScript and from dist/. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128031031_Initial', class: Migration20261128031031_Initial },
  { name: 'Migration20261128040000_AuditLog', class: Migration20261128040000_AuditLog },
];
