import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../core';
import { DepartmentCode } from '../core';
import { ConcernCategory } from './concern-category';
import { ContactChannel } from './contact-channel';
import { MaritalStatus } from './marital-status';

/**
 * Inputs mirror the sections. Strings are normalised and checked in record.validation.ts
 * (full-width digits, kana, e-mail, dates); the checks there are what a rejected input reports.
 */
@InputType()
export class IdentityInput {
  @Field(() => String, { nullable: true }) familyName?: string | null;
  @Field(() => String, { nullable: true }) givenName?: string | null;
  @Field(() => String, { nullable: true, description: 'Katakana or hiragana; stored as katakana.' }) familyNameKana?: string | null;
  @Field(() => String, { nullable: true, description: 'Katakana or hiragana; stored as katakana.' }) givenNameKana?: string | null;
  @Field(() => LocalDate, { nullable: true }) birthDate?: string | null;
}

@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true, description: '1234567, 123-4567 or full-width; stored as 123-4567.' }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) prefecture?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) street?: string | null;
}

@InputType()
export class ContactInput {
  @Field(() => String, { nullable: true, description: 'Full-width digits and dashes are accepted; stored as 090-1234-5678.' }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => ContactChannel, { nullable: true }) preferredChannel?: ContactChannel | null;
  @Field(() => Boolean, { description: 'Whether the municipality may contact the family.' }) contactAllowed!: boolean;
  @Field(() => String, { nullable: true, description: 'When it is safe to contact them (free text, up to 200 characters).' }) safeTimes?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether a voicemail is safe; null = unknown.' }) voicemailSafe?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether an SMS is safe; null = unknown.' }) smsSafe?: boolean | null;
}

@InputType()
export class ChildInput {
  @Field(() => String, { nullable: true }) givenName?: string | null;
  @Field(() => LocalDate) birthDate!: string;
  @Field(() => Boolean, { defaultValue: false }) disability!: boolean;
}

@InputType()
export class HouseholdMemberInput {
  @Field(() => String) relation!: string;
  @Field(() => LocalDate, { nullable: true }) birthDate?: string | null;
}

@InputType()
export class HouseholdSectionInput {
  @Field(() => [ChildInput]) children!: ChildInput[];
  @Field(() => [HouseholdMemberInput], { defaultValue: [] }) otherMembers!: HouseholdMemberInput[];
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => MaritalStatus, { nullable: true, description: '婚姻・事実婚; null = unknown.' }) maritalStatus?: MaritalStatus | null;
}

@InputType()
export class IncomeInput {
  @Field(() => Int, { nullable: true }) incomeYear?: number | null;
  @Field(() => Int, { nullable: true, description: '給与収入, yen per year.' }) annualEmploymentIncome?: number | null;
  @Field(() => Int, { nullable: true, description: 'Other income (所得), yen per year.' }) otherIncome?: number | null;
  @Field(() => Int, { nullable: true, description: '養育費 received, yen per year.' }) childSupportReceivedYearly?: number | null;
  @Field(() => Int, { nullable: true, description: '扶養親族等の数 where it differs from the number of children (0–30).' }) dependentsCount?: number | null;
}

@InputType()
export class BenefitInput {
  @Field(() => String, { description: 'Programme id as in the catalogue (`Query.programmes`), e.g. child-rearing-allowance.' }) programmeId!: string;
  @Field(() => LocalDate, { nullable: true }) since?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ConcernsInput {
  @Field(() => [ConcernCategory]) categories!: ConcernCategory[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class SelfReliancePlanInput {
  @Field(() => String, { nullable: true }) goal?: string | null;
  @Field(() => String, { nullable: true }) steps?: string | null;
  @Field(() => LocalDate, { nullable: true }) startedOn?: string | null;
  @Field(() => LocalDate, { nullable: true }) reviewOn?: string | null;
}

@InputType()
export class ProtectionInput {
  @Field(() => Boolean, { description: 'DV support measure (DV等支援措置) in force.' }) supportMeasure!: boolean;
  @Field(() => LocalDate, { nullable: true }) since?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Required when supportMeasure is true; at most a year ahead (renewed yearly).' }) expiresOn?:
    string | null;
}

@InputType({ description: 'The family’s consent as it stands now; changes are recorded with time and notice version.' })
export class ConsentInput {
  @Field(() => [DepartmentCode]) sharedWith!: DepartmentCode[];
  @Field(() => Boolean, { defaultValue: false, description: 'Share with partner NPOs the record is referred to.' }) shareWithPartners!: boolean;
  @Field(() => String) privacyNoticeVersion!: string;
}

@InputType()
export class CreateRecordInput {
  @Field(() => IdentityInput, { nullable: true }) identity?: IdentityInput | null;
  @Field(() => AddressInput, { nullable: true }) address?: AddressInput | null;
  @Field(() => ContactInput, { nullable: true }) contact?: ContactInput | null;
  @Field(() => HouseholdSectionInput, { nullable: true }) household?: HouseholdSectionInput | null;
  @Field(() => IncomeInput, { nullable: true }) income?: IncomeInput | null;
  @Field(() => [BenefitInput], { nullable: true }) benefits?: BenefitInput[] | null;
  @Field(() => ConcernsInput, { nullable: true }) concerns?: ConcernsInput | null;
  @Field(() => SelfReliancePlanInput, { nullable: true }) selfReliancePlan?: SelfReliancePlanInput | null;
  @Field(() => ProtectionInput, { nullable: true }) protection?: ProtectionInput | null;
  @Field(() => ConsentInput, { nullable: true }) consent?: ConsentInput | null;
}

@InputType({ description: 'Exactly one section, with the version the change is based on.' })
export class UpdateRecordSectionInput extends CreateRecordInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The record’s version when it was read; a newer version means someone else changed it.' }) expectedVersion!: number;
}

@InputType()
export class RecordFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or the kana (hiragana, katakana, half-width all match).' }) name?: string | null;
  @Field(() => ConcernCategory, { nullable: true }) concern?: ConcernCategory | null;
  @Field(() => DepartmentCode, { nullable: true, description: 'Records the family consented to share with this department (owner only).' })
  consentedTo?: DepartmentCode | null;
  @Field(() => LocalDate, { nullable: true, description: 'Created on or after this date (Japan time).' }) createdFrom?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Created on or before this date (Japan time).' }) createdTo?: string | null;
  @Field(() => String, { nullable: true }) referenceNumber?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'The exact birth date (section identity; 生年月日).' }) birthDate?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'An exact phone number or e-mail address (電話番号・メールアドレスの完全一致). Contact details are stored encrypted and matched through keyed hashes; part of a number does not match.',
  })
  contact?: string | null;
}
