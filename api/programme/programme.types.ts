import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../core';
import { DepartmentCode } from '../core';

/** Public GraphQL shapes of the programme catalogue and the eligibility check. Texts are in the request locale. */

export enum ProgrammeLevel {
  NATIONAL = 'national',
  PREFECTURAL = 'prefectural',
  MUNICIPAL = 'municipal',
}
registerEnumType(ProgrammeLevel, { name: 'ProgrammeLevel', description: "Who sets the programme's rules and amounts." });

export enum ProgrammeCategory {
  MONEY = 'money',
  LIVELIHOOD = 'livelihood',
  HOUSING = 'housing',
  WORK = 'work',
  EDUCATION = 'education',
  CHILDCARE = 'childcare',
  MEDICAL = 'medical',
  TAX = 'tax',
  CONSULTATION = 'consultation',
  SAFETY = 'safety',
}
registerEnumType(ProgrammeCategory, { name: 'ProgrammeCategory' });

export enum EligibilityStatus {
  ELIGIBLE = 'ELIGIBLE',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  NEEDS_MORE_INFO = 'NEEDS_MORE_INFO',
}
registerEnumType(EligibilityStatus, { name: 'EligibilityStatus' });

@ObjectType('ProgrammeNames', { simpleResolvers: true, description: 'The programme name in every locale. `jaEasy` may carry furigana as 漢字{かんじ}.' })
export class ProgrammeNames {
  @Field(() => String) ja!: string;
  @Field(() => String) en!: string;
  @Field(() => String) jaEasy!: string;
}

@ObjectType('Programme', {
  simpleResolvers: true,
  description:
    'A support programme (支援施策) as a municipality offers it. Texts are in the request locale (Accept-Language); やさしい日本語 texts may carry furigana as 漢字{かんじ}.',
})
export class ProgrammeView {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ProgrammeNames) names!: ProgrammeNames;
  @Field(() => String) summary!: string;
  @Field(() => String) forWhom!: string;
  @Field(() => String) whatYouGet!: string;
  @Field(() => String) howToApply!: string;
  @Field(() => [String], { description: 'What to bring (持ち物・必要書類).' }) documents!: string[];
  @Field(() => String) contact!: string;
  @Field(() => DepartmentCode) owningDepartment!: DepartmentCode;
  @Field(() => String, { description: 'Statute and article, or the budget programme (Japanese).' }) legalBasis!: string;
  @Field(() => String) sourceUrl!: string;
  @Field(() => ProgrammeLevel) level!: ProgrammeLevel;
  @Field(() => ProgrammeCategory) category!: ProgrammeCategory;
}

@ObjectType('Amount', { simpleResolvers: true, description: 'Integer yen.' })
export class AmountView {
  @Field(() => Int, { nullable: true }) monthly!: number | null;
  @Field(() => Int, { nullable: true }) yearly!: number | null;
}

@ObjectType('EligibilityResult', { simpleResolvers: true })
export class EligibilityResultView {
  @Field(() => ProgrammeView) programme!: ProgrammeView;
  @Field(() => EligibilityStatus) status!: EligibilityStatus;
  @Field(() => AmountView, { nullable: true }) amount!: AmountView | null;
  @Field(() => [String]) reasons!: string[];
  @Field(() => [String]) nextSteps!: string[];
}

@ObjectType('IncomeAssessment', {
  simpleResolvers: true,
  description:
    'How 所得額 for 児童扶養手当 is reached from the answers (給与収入 → 給与所得 → minus the deductions → 所得額) and the limits it is compared with. Integer yen.',
})
export class IncomeAssessmentView {
  @Field(() => Int, { description: 'The calendar year whose income is assessed.' }) incomeYear!: number;
  @Field(() => Int, { description: '給与収入 (gross salary).' }) employmentIncome!: number;
  @Field(() => Int, { description: '給与所得 (after the employment income deduction of that year).' }) salaryIncome!: number;
  @Field(() => Int, { description: 'The 100,000 yen step taken from 給与所得 (never more than it).' }) salaryStep!: number;
  @Field(() => Int, { description: 'The flat 社会保険料相当額 (80,000).' }) socialInsuranceDeduction!: number;
  @Field(() => Int, { description: '8/10 of the 養育費 received.' }) childSupportCounted!: number;
  @Field(() => Int) otherIncome!: number;
  @Field(() => Boolean, { description: 'Other income was left blank and counted as 0.' }) otherIncomeAssumedZero!: boolean;
  @Field(() => Int, { description: '所得額.' }) incomeAmount!: number;
  @Field(() => Int, { description: '扶養親族等の数 used for the limits.' }) dependentsCount!: number;
  @Field(() => Int, { description: '全部支給 when 所得額 is below this.' }) fullLimit!: number;
  @Field(() => Int, { description: '一部支給 when 所得額 is below this (and at or above fullLimit).' }) partialLimit!: number;
  @Field(() => String, { description: 'The same as one sentence in the request locale.' }) explanation!: string;
}

@ObjectType('EligibilityReport', {
  simpleResolvers: true,
  description: 'One result per programme the municipality offers, most relevant first. Nothing is stored.',
})
export class EligibilityReport {
  @Field(() => LocalDate) asOf!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      "The calendar year whose income 児童扶養手当 assesses on asOf (Nov–Oct allowance year, previous year's income); show it to the family with the income question.",
  })
  incomeYear!: number | null;
  @Field(() => IncomeAssessmentView, { nullable: true, description: 'Null while the income answers do not allow it.' })
  incomeAssessment!: IncomeAssessmentView | null;
  @Field(() => [EligibilityResultView]) results!: EligibilityResultView[];
}
