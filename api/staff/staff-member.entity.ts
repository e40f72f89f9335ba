import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Department } from '../municipality';
import { Municipality } from '../municipality';
import { StaffRole } from '../core';

@ObjectType({ simpleResolvers: true, description: 'A staff member (職員) of one department.' })
@Entity()
export class StaffMember {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { fieldName: 'municipality_code' })
  municipality!: Municipality;

  @Field(() => Department)
  @ManyToOne(() => Department)
  department!: Department;

  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', unique: true })
  email!: string;

  @Field(() => StaffRole)
  @Enum({ items: () => StaffRole, nativeEnumName: 'staff_role' })
  role: StaffRole = StaffRole.CASEWORKER;

  /** Argon2id hash; null until a password is set. */
  @Property({ type: 'string', nullable: true, hidden: true })
  passwordHash?: string | null;

  @Property({ type: 'integer', default: 0 })
  failedLogins = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'boolean', default: false })
  disabled = false;
}
