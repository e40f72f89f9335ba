import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * One count of one figure for one municipality and Japan day (optionally broken down by `key`, e.g. a
 * channel or department code). Written with plain SQL by figure-store.ts; the entity keeps the schema
 * check honest. Holds no personal data and no reference to the rows counted.
 */
@Entity({ tableName: 'usage_count' })
@Index({
  name: 'usage_count_day_index',
  expression: 'create index "usage_count_day_index" on "usage_count" ("municipality_code", "day", "figure") include ("key", "value")',
})
export class UsageCount {
  [PrimaryKeyProp]?: ['municipalityCode', 'figure', 'day', 'key'];

  @PrimaryKey({ type: 'string', length: 6 })
  municipalityCode!: string;

  @PrimaryKey({ type: 'string', length: 64 })
  figure!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ type: 'string', length: 64, default: '' })
  key: string = '';

  @Property({ type: 'bigint' })
  value!: string;
}

/** A day whose figures of one module are counted and stored (never counted again unless rebuilt). */
@Entity({ tableName: 'usage_day' })
export class UsageDay {
  [PrimaryKeyProp]?: ['municipalityCode', 'module', 'day'];

  @PrimaryKey({ type: 'string', length: 6 })
  municipalityCode!: string;

  @PrimaryKey({ type: 'string', length: 32 })
  module!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'timestamptz' })
  sealedAt!: Date;
}
