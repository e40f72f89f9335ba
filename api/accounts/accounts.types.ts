import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DepartmentCode, StaffRole } from '../core';
import { StaffMember } from '../staff';

/** What a link a person holds is for (enrolment tickets are not links and never shown here). */
export enum AccountLinkKind {
  FIRST_ADMIN = 'first-admin',
  INVITATION = 'invitation',
  RESET = 'reset',
}
registerEnumType(AccountLinkKind, { name: 'AccountLinkKind' });

@ObjectType({ simpleResolvers: true })
export class AccountLinkInfo {
  @Field(() => AccountLinkKind) kind!: AccountLinkKind;
  @Field(() => String) municipalityName!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Boolean) requireTwoFactor!: boolean;
}

@InputType()
export class RedeemAccountLinkInput {
  @Field(() => String) token!: string;
  @Field(() => String) password!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class RedeemedAccountLink {
  @Field(() => String) email!: string;
  @Field(() => Boolean) twoFactorEnrolmentRequired!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class TwoFactorEnrolment {
  @Field(() => String) ticket!: string;
  @Field(() => String) secret!: string;
  @Field(() => String) otpauthUri!: string;
}

@ObjectType({ simpleResolvers: true })
export class CompletedTwoFactorEnrolment {
  @Field(() => [String]) recoveryCodes!: string[];
  @Field(() => String) token!: string;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class StaffSessionInfo {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Boolean) twoFactor!: boolean;
  @Field(() => Boolean) current!: boolean;
}

@InputType()
export class InviteStaffMemberInput {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => DepartmentCode) department!: DepartmentCode;
  @Field(() => StaffRole) role!: StaffRole;
}

@ObjectType({ simpleResolvers: true })
export class IssuedAccountLink {
  @Field(() => StaffMember) member!: StaffMember;
  @Field(() => String) url!: string;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class MunicipalitySettings {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) requireTwoFactor!: boolean;
  @Field(() => Int, { description: 'Open days (開庁日) a new item may wait before the worklist shows it over target (1 to 30).' })
  contactTargetOpenDays!: number;
}

@InputType()
export class UpdateMunicipalitySettingsInput {
  @Field(() => Boolean, { nullable: true }) requireTwoFactor?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'The response target in open days, 1 to 30.' }) contactTargetOpenDays?: number | null;
}

@ObjectType({ simpleResolvers: true })
export class AdminEventInfo {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String) actorName!: string;
  @Field(() => String) action!: string;
  @Field(() => String, { nullable: true }) subjectId!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

@InputType()
export class BeginTwoFactorEnrolmentInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@InputType()
export class CompleteTwoFactorEnrolmentInput {
  @Field(() => String) ticket!: string;
  @Field(() => String) code!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String) currentPassword!: string;
  @Field(() => String) newPassword!: string;
}

@InputType()
export class IssuePasswordResetLinkInput {
  @Field(() => ID) staffId!: string;
  @Field(() => Boolean, { defaultValue: false }) resetTwoFactor!: boolean;
}

@InputType()
export class CreatePartnerOrganizationInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Who to contact there and how (at most 500 characters).' }) contact?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class MyTwoFactor {
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Int) recoveryCodesLeft!: number;
}
