import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { MUNICIPALITY_CODE_LENGTH } from '../../core';

/**
 * A municipality's changes to the programme catalogue made in the console (「支援制度の設定」, issue 21):
 * one row per municipality holding the whole document — the `programmes:` map of an overrides file
 * (contact, amounts, enabled by programme id) — and its version. Saving replaces the document and adds
 * one to the version; a save naming an older version is refused (CONFLICT), so two admins never
 * overwrite each other unseen. The file's overrides stay where they are; these go over them.
 */
@Entity()
export class ProgrammeSettings {
  @PrimaryKey({ type: 'string', length: MUNICIPALITY_CODE_LENGTH })
  municipalityCode!: string;

  @Property({ type: 'jsonb' })
  changes!: Record<string, unknown>;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  /** The admin's name as recorded in the administration trail (nothing about any family). */
  @Property({ type: 'string' })
  updatedBy!: string;
}
