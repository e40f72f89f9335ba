import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Department, MunicipalityRow } from '../municipality';
import { StaffRole } from '../core';

@ObjectType({ simpleResolvers: true, description: 'A staff member (職員) of one department.' })
@Entity()
export class StaffMember extends MunicipalityRow {
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

  /** Two-factor (api/accounts/totp.ts): the TOTP secret once enrolment is confirmed; sealed at rest (crypto/encrypted-columns.ts). */
  @Property({ type: 'text', nullable: true, hidden: true })
  totpSecret?: string | null;

  /** A secret shown for enrolment and not yet confirmed with a code. */
  @Property({ type: 'text', nullable: true, hidden: true })
  totpPendingSecret?: string | null;

  /** The last TOTP time step accepted: a code is never accepted twice (RFC 6238, 5.2). */
  @Property({ type: 'bigint', nullable: true, hidden: true })
  totpLastStep?: string | null;

  /** SHA-256 of the unused recovery codes (each works once). */
  @Property({ type: 'text[]', default: '{}', hidden: true })
  recoveryCodeHashes: string[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  passwordChangedAt?: Date | null;

  /** Whether the daily e-mail reminder of follow-ups due is sent (casework/staff-reminders.ts); each member may turn it off. */
  @Property({ type: 'boolean', default: true })
  reminderEmails: boolean = true;
}
