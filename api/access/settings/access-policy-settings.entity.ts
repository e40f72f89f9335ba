import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { MUNICIPALITY_CODE_LENGTH } from '../../core';

/**
 * A municipality's access policy applied by an admin in the console (「アクセス方針」, issue 21): one row
 * per municipality holding the whole policy document — the YAML text as uploaded, in the shape of
 * seeds/policy/*.yaml and checked by the same parser — and its version. Applying replaces the document
 * and adds one to the version; an apply naming an older version is refused (CONFLICT). The files stay
 * where they are; this goes over them.
 */
@Entity()
export class AccessPolicySettings {
  @PrimaryKey({ type: 'string', length: MUNICIPALITY_CODE_LENGTH })
  municipalityCode!: string;

  @Property({ type: 'text' })
  document!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  /** The admin's name as recorded in the administration trail (nothing about any family). */
  @Property({ type: 'string' })
  updatedBy!: string;
}
