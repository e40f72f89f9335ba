import type { EntityMetadata } from '@mikro-orm/core';
import { EncryptedJson, EncryptedText } from './encrypted-type';
import { decrypt } from './keyring';

export interface EncryptedColumn {
  /** The entity or embeddable class that declares the property. */
  entity: string;
  property: string;
  /** Where it is stored (for the migration, the raw read path and the plaintext check). */
  table: string;
  column: string;
  /** `text` for a string, `json` for a list or object (stored as sealed JSON). */
  kind: 'text' | 'json';
}

/**
 * THE encryption-at-rest policy: every column stored sealed (AES-256-GCM, api/crypto/keyring.ts), in
 * one list so it can be audited in one place (README: Encryption at rest). To encrypt a new field, add
 * its line here and a migration that turns the column into text and seals what is already there
 * (sealExistingValues, as Migration20261203130000_EncryptionAtRest does); entities need no change.
 *
 * What is here: what would hurt a family most if a copy of the database leaked — how to reach them
 * (phone, e-mail, street, postal code, the times it is safe to call), and what they told us in their own words (concerns note, which
 * holds what a DV victim wrote at intake, household note, consultation summaries and follow-ups, a chat
 * request's preferred time). What is not, and why: names, kana and birth dates are searched by prefix
 * and part (search_name) and would stay readable there; prefecture and city feed counts by area;
 * concern categories and the DV protection flag decide access inside SQL. Those stay plaintext.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { entity: 'ContactSection', property: 'phone', table: 'personal_record', column: 'contact_phone', kind: 'text' },
  { entity: 'ContactSection', property: 'email', table: 'personal_record', column: 'contact_email', kind: 'text' },
  { entity: 'AddressSection', property: 'street', table: 'personal_record', column: 'address_street', kind: 'text' },
  { entity: 'AddressSection', property: 'postalCode', table: 'personal_record', column: 'address_postal_code', kind: 'text' },
  { entity: 'ConcernsSection', property: 'note', table: 'personal_record', column: 'concerns_note', kind: 'text' },
  { entity: 'HouseholdData', property: 'note', table: 'personal_record', column: 'household_note', kind: 'text' },
  { entity: 'Consultation', property: 'summary', table: 'consultation', column: 'summary', kind: 'text' },
  { entity: 'Consultation', property: 'followUp', table: 'consultation', column: 'follow_up', kind: 'text' },
  { entity: 'InboxItem', property: 'preferredTime', table: 'inbox_item', column: 'preferred_time', kind: 'text' },
  // When it is safe to call (family-path, issue 12): what an abuser would most want to know about a call-back.
  { entity: 'ContactSection', property: 'safeTimes', table: 'personal_record', column: 'contact_safe_times', kind: 'text' },
  // Staff TOTP secrets (go-live, issue 21): with a copy of the database and a password, a second factor.
  { entity: 'StaffMember', property: 'totpSecret', table: 'staff_member', column: 'totp_secret', kind: 'text' },
  { entity: 'StaffMember', property: 'totpPendingSecret', table: 'staff_member', column: 'totp_pending_secret', kind: 'text' },
];

/**
 * MikroORM discovery hook (orm.ts, `discovery.onMetadata`): gives the listed properties their
 * encrypted type and a text column before the metadata is processed.
 */
export function applyEncryptionPolicy(meta: EntityMetadata): void {
  for (const c of ENCRYPTED_COLUMNS) {
    if (c.entity !== meta.className) continue;
    const prop = meta.properties[c.property as never] as { type: unknown; columnTypes?: string[]; length?: number; customType?: unknown } | undefined;
    if (!prop) throw new Error(`ENCRYPTED_COLUMNS: ${c.entity}.${c.property} does not exist`);
    prop.type = c.kind === 'json' ? EncryptedJson : EncryptedText;
    delete prop.customType;
    delete prop.length;
    prop.columnTypes = ['text'];
  }
}

const BY_TABLE = new Map<string, EncryptedColumn[]>();
for (const c of ENCRYPTED_COLUMNS) BY_TABLE.set(c.table, [...(BY_TABLE.get(c.table) ?? []), c]);

export function encryptedColumnsOf(table: string): readonly EncryptedColumn[] {
  return BY_TABLE.get(table) ?? [];
}

/**
 * Opens, in place, the sealed columns of a row read with raw SQL (the record read path). Columns
 * the statement did not select are left alone.
 */
export function openRow<T extends Record<string, any>>(table: string, row: T, columns = encryptedColumnsOf(table)): T {
  for (const c of columns) {
    const v = row[c.column];
    if (v == null) continue;
    (row as Record<string, unknown>)[c.column] = c.kind === 'json' ? JSON.parse(decrypt(v)) : decrypt(v);
  }
  return row;
}
