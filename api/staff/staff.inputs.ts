import { Field, ID, InputType } from 'type-graphql';
import { DepartmentCode } from '../core';
import { StaffRole } from '../core';

@InputType()
export class CreateStaffMemberInput {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => DepartmentCode) department!: DepartmentCode;
  @Field(() => StaffRole) role!: StaffRole;
  @Field(() => String, { description: 'Initial password (at least 12 characters); the person should change it.' }) password!: string;
}

@InputType()
export class UpdateStaffMemberInput {
  @Field(() => ID) id!: string;
  @Field(() => StaffRole, { nullable: true }) role?: StaffRole | null;
  @Field(() => DepartmentCode, { nullable: true }) department?: DepartmentCode | null;
  @Field(() => Boolean, { nullable: true, description: 'A disabled member cannot sign in, and every current sign-in ends at once.' }) disabled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'A new password (at least 12 characters); also unlocks the account.' }) password?: string | null;
}
