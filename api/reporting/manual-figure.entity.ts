import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * One figure staff entered by hand for one month (what the system cannot count: a phone call nobody
 * recorded against a family, an information session). Counts only; `enteredBy` is the staff member
 * who last changed the value, shown to supervisors beside it. Migration20261205140000_ManualFigures.
 */
@Entity({ tableName: 'manual_figure' })
export class ManualFigure {
  [PrimaryKeyProp]?: ['municipalityCode', 'month', 'figure'];

  @PrimaryKey({ type: 'string', length: 6 })
  municipalityCode!: string;

  /** The month's first day. */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  figure!: string;

  @Property({ type: 'integer' })
  value!: number;

  @Property({ type: 'uuid', nullable: true })
  enteredBy?: string | null;

  @Property({ type: 'timestamptz' })
  enteredAt!: Date;
}
