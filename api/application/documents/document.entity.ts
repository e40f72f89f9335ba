import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { MunicipalityRow } from '../../municipality';
import { Application } from '../application.entity';

/**
 * A document attached to an application. The bytes are in the document store (disk under DATA_DIR),
 * sealed with a key of their own; that key is stored here, itself sealed with the database's data key
 * (api/crypto), so a copy of the files alone, or of the database alone, reveals nothing.
 */
@Entity()
@Index({ properties: ['application', 'uploadedAt'] })
export class ApplicationDocument extends MunicipalityRow {
  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  application!: Application;

  /** The procedure's document id (e.g. bank-book). */
  @Property({ type: 'string', length: 60 })
  documentId!: string;

  /** image/jpeg, image/png or application/pdf: what the content is, not what the upload claimed. */
  @Property({ type: 'string', length: 40 })
  contentType!: string;

  @Property({ type: 'integer' })
  size!: number;

  /** The file key, sealed by the keyring (enc1:…). */
  @Property({ type: 'text' })
  sealedKey!: string;

  @Property({ type: 'timestamptz' })
  uploadedAt: Date = new Date();
}
