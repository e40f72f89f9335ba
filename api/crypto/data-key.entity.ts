import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum DataKeyPurpose {
  /** Seals field values (AES-256-GCM); the active one seals new values, every one still opens old values. */
  DATA = 'data',
  /** Keys the HMAC of searchable values (exact-match search over encrypted fields); never replaced, or search breaks. */
  SEARCH = 'search',
}

/**
 * A data key, stored only wrapped (sealed) by the master key ENCRYPTION_KEY, which the database never
 * holds. Rotating the master key rewraps these rows and touches no field value (npm run keys:rotate).
 */
@Entity()
export class DataKey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => DataKeyPurpose })
  purpose!: DataKeyPurpose;

  /** base64 of iv | wrapped key | tag. */
  @Property({ type: 'text' })
  wrapped!: string;

  /** Fingerprint of the master key that wrapped it (master-key.ts masterKeyId). */
  @Property({ type: 'string', length: 16 })
  masterKeyId!: string;

  @Property({ type: 'boolean', default: false })
  active: boolean = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
