import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128031031_Initial } from './Migration20261128031031_Initial';
import { Migration20261128031500_AuditLog } from './Migration20261128031500_AuditLog';
import { Migration20261128035318_Intake } from './Migration20261128035318_Intake';
import { Migration20261128042246_Chat } from './Migration20261128042246_Chat';
import { Migration20261128055634_Inbox } from './Migration20261128055634_Inbox';
import { Migration20261128062128_ChatGenerated } from './Migration20261128062128_ChatGenerated';
import { Migration20261128071500_IntakeIntoInbox } from './Migration20261128071500_IntakeIntoInbox';
import { Migration20261128100000_AuditRecordSets } from './Migration20261128100000_AuditRecordSets';
import { Migration20261202110000_AllowedOriginChanges } from './Migration20261202110000_AllowedOriginChanges';
import { Migration20261203100000_FamilyPath } from './Migration20261203100000_FamilyPath';
import { Migration20261203120000_AuditSeal } from './Migration20261203120000_AuditSeal';
import { Migration20261203130000_EncryptionAtRest } from './Migration20261203130000_EncryptionAtRest';
import { Migration20261203130000_SealSafeTimes } from './Migration20261203130000_SealSafeTimes';
import { Migration20261203110000_RateLimitCounter } from './Migration20261203110000_RateLimitCounter';
import { Migration20261204150000_LineChannel } from './Migration20261204150000_LineChannel';
import { Migration20261204140000_CaseWork } from './Migration20261204140000_CaseWork';

/** Migrations in the order they apply; explicit so the list works from TypeScript and from dist/. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128031031_Initial', class: Migration20261128031031_Initial },
  { name: 'Migration20261128031500_AuditLog', class: Migration20261128031500_AuditLog },
  { name: 'Migration20261128035318_Intake', class: Migration20261128035318_Intake },
  { name: 'Migration20261128042246_Chat', class: Migration20261128042246_Chat },
  { name: 'Migration20261128055634_Inbox', class: Migration20261128055634_Inbox },
  { name: 'Migration20261128062128_ChatGenerated', class: Migration20261128062128_ChatGenerated },
  { name: 'Migration20261128071500_IntakeIntoInbox', class: Migration20261128071500_IntakeIntoInbox },
  { name: 'Migration20261128100000_AuditRecordSets', class: Migration20261128100000_AuditRecordSets },
  { name: 'Migration20261202110000_AllowedOriginChanges', class: Migration20261202110000_AllowedOriginChanges },
  { name: 'Migration20261203100000_FamilyPath', class: Migration20261203100000_FamilyPath },
  { name: 'Migration20261203120000_AuditSeal', class: Migration20261203120000_AuditSeal },
  { name: 'Migration20261203130000_EncryptionAtRest', class: Migration20261203130000_EncryptionAtRest },
  { name: 'Migration20261203130000_SealSafeTimes', class: Migration20261203130000_SealSafeTimes },
  { name: 'Migration20261203110000_RateLimitCounter', class: Migration20261203110000_RateLimitCounter },
  { name: 'Migration20261204150000_LineChannel', class: Migration20261204150000_LineChannel },
  { name: 'Migration20261204140000_CaseWork', class: Migration20261204140000_CaseWork },
];
