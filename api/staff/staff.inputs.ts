import { Field, ID, InputType } from 'type-graphql';
import { DepartmentCode } from '../core';
import { StaffRole } from '../core';

@InputType()
export class CreateStaffMemberInput {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => DepartmentCode) department!: DepartmentCode;
  @Field(() => StaffRole) role!: StaffRole;
  // Kept (optional now, so leaving it out is no change for a caller) until the deprecation period ends: see CHANGELOG.md.
  @Field(() => String, {
    nullable: true,
    description: 'Refused: an administrator never chooses a password for someone.',
    deprecationReason:
      'Refused with BAD_USER_INPUT: the person chooses their own password with the link `Mutation.inviteStaffMember` returns. Removed no earlier than 2027-06-03.',
  })
  password?: string | null;
}

@InputType()
export class UpdateStaffMemberInput {
  @Field(() => ID) id!: string;
  @Field(() => StaffRole, { nullable: true }) role?: StaffRole | null;
  @Field(() => DepartmentCode, { nullable: true }) department?: DepartmentCode | null;
  @Field(() => Boolean, { nullable: true, description: 'A disabled member cannot sign in, and every current sign-in ends at once.' }) disabled?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'Refused: an administrator never chooses a password for someone.',
    deprecationReason:
      'Refused with BAD_USER_INPUT: issue a one-time link with `Mutation.issuePasswordResetLink`; the person chooses the new password. Removed no earlier than 2027-06-03.',
  })
  password?: string | null;
}
