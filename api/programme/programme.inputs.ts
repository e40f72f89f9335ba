import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../core';
import { ConcernCategory } from '../record';
import { MaritalStatus } from '../record';

@InputType('ChildFactsInput')
export class ChildFactsInput {
  @Field(() => LocalDate) birthDate!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'A disability of the grade the programmes recognise.' }) disability!: boolean;
}

/** What a family tells the eligibility check (nothing is stored). */
@InputType('HouseholdInput')
export class HouseholdInput {
  @Field(() => LocalDate, { nullable: true, description: 'Date of the evaluation; default today in Japan.' }) asOf?: string | null;
  @Field(() => String, { nullable: true, description: '6-digit municipality code; its overrides apply.' }) municipalityCode?: string | null;
  @Field(() => [ChildFactsInput]) children!: ChildFactsInput[];
  @Field(() => Int, { nullable: true, description: '給与収入, yen per year.' }) annualEmploymentIncome?: number | null;
  @Field(() => Int, { nullable: true, description: 'Other income (所得), yen per year.' }) otherIncome?: number | null;
  @Field(() => Int, { nullable: true, description: '養育費 received, yen per year.' }) childSupportReceivedYearly?: number | null;
  @Field(() => Int, { nullable: true, description: '扶養親族等の数; default the number of children.' }) dependentsCount?: number | null;
  @Field(() => [ID], { defaultValue: [], description: 'Programme ids already used.' }) benefitsInUse!: string[];
  @Field(() => Boolean, { nullable: true }) receivesPublicAssistance?: boolean | null;
  @Field(() => [ConcernCategory], { defaultValue: [] }) concerns!: ConcernCategory[];
  @Field(() => MaritalStatus, {
    nullable: true,
    description: '婚姻・事実婚; decides the programmes for single parents. Wins over `married` when both are given.',
  })
  maritalStatus?: MaritalStatus | null;
  // Deprecated 2026-12-03 (CHANGELOG.md): a yes/no cannot tell 事実婚 apart; kept for 182 days at least.
  @Field(() => Boolean, {
    nullable: true,
    description: 'Married, legally or de facto. Prefer maritalStatus.',
    deprecationReason: 'Use `HouseholdInput.maritalStatus` (it tells 法律婚 and 事実婚 apart). Removed no earlier than 2027-06-03.',
  })
  married?: boolean | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The calendar year the income figures are for; default the year each programme assesses (EligibilityReport.incomeYear).',
  })
  incomeYear?: number | null;
  @Field(() => Boolean, { nullable: true, description: '住民税非課税.' }) residentTaxExempt?: boolean | null;
}
